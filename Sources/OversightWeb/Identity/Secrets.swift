import Crypto
import HummingbirdBcrypt

/// Passwords and random tokens.
public enum Secrets {
    /// A bcrypt hash; cost 12 in service (about a quarter of a second), lower only in tests.
    public static func hashPassword(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verifyPassword(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// 256 random bits as hex: session IDs, CSRF tokens, API tokens.
    public static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// A readable password for demo users: four groups that are easy to type.
    public static func demoPassword() -> String {
        let letters = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<4).map { _ in letters.randomElement(using: &generator)! }) }.joined(separator: "-")
    }

    /// API tokens are stored as a SHA-256 hash, so a copy of the database does not hand out working
    /// tokens. A token has 256 random bits, so a fast hash is enough; bcrypt would cost a quarter
    /// second on every API call.
    public static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

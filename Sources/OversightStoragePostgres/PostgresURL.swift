/// Where a PostgreSQL database is, read from a `postgres://user:password@host:port/database` URL.
///
/// The parser is small and strict on purpose: a deployment's one line of configuration either names every part
/// the store needs or is refused with the part that is wrong, never guessed at. Only what the store can honour is
/// accepted: `sslmode=disable` (or no query at all), because the store connects without TLS.
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
    public var username: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    /// Why a text is not a usable PostgreSQL URL.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case scheme(String)
        case missingUser
        case missingHost
        case port(String)
        case missingDatabase
        case badEscape(String)
        case unsupportedParameter(String)

        public var description: String {
            switch self {
            case .scheme(let found):
                found.isEmpty
                    ? "the URL must start with postgres:// or postgresql://"
                    : "the URL must start with postgres:// or postgresql://, not '\(found)://'"
            case .missingUser: "the URL names no user (postgres://USER:PASSWORD@host:port/database)"
            case .missingHost: "the URL names no host (postgres://user:password@HOST:port/database)"
            case .port(let text): "the port '\(text)' is not a number from 1 to 65535"
            case .missingDatabase: "the URL names no database (postgres://user:password@host:port/DATABASE)"
            case .badEscape(let text): "'\(text)' has a broken %-escape"
            case .unsupportedParameter(let text):
                "the parameter '\(text)' is not supported (only sslmode=disable: the store connects without TLS)"
            }
        }
    }

    public init(username: String, password: String?, host: String, port: Int = 5432, database: String) {
        self.username = username
        self.password = password
        self.host = host
        self.port = port
        self.database = database
    }

    /// Parses `postgres://user[:password]@host[:port]/database[?sslmode=disable]`.
    ///
    /// The user, password and database may be %-escaped; an IPv6 host is written in brackets (`[::1]`).
    /// The port defaults to 5432.
    /// - Throws: `PostgresURL.ParseError` naming the part that is missing or wrong.
    public init(parsing text: String) throws(ParseError) {
        guard let schemeEnd = text.range(of: "://") else { throw .scheme("") }
        let scheme = text[..<schemeEnd.lowerBound]
        guard scheme == "postgres" || scheme == "postgresql" else { throw .scheme(String(scheme)) }
        var rest = text[schemeEnd.upperBound...]

        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        for parameter in query.split(separator: "&") where parameter != "sslmode=disable" {
            throw .unsupportedParameter(String(parameter))
        }

        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        // The last `@` ends the user information: a password may itself contain an unescaped `@`.
        guard let at = rest.lastIndex(of: "@") else { throw .missingUser }
        let userInfo = rest[..<at]
        let hostPort = rest[rest.index(after: at)...]

        let user: Substring
        if let colon = userInfo.firstIndex(of: ":") {
            user = userInfo[..<colon]
            password = try Self.unescape(userInfo[userInfo.index(after: colon)...])
        } else {
            user = userInfo
            password = nil
        }
        guard !user.isEmpty else { throw .missingUser }
        username = try Self.unescape(user)

        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw .missingHost }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .port(String(after)) }
                portText = after.dropFirst()
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            portText = hostPort[hostPort.index(after: colon)...]
        } else {
            host = String(hostPort)
        }
        guard !host.isEmpty else { throw .missingHost }
        if let portText {
            guard portText.allSatisfy(\.isASCII), let number = Int(portText), (1...65535).contains(number) else {
                throw .port(String(portText))
            }
            port = number
        } else {
            port = 5432
        }

        guard !path.isEmpty, !path.contains("/") else { throw .missingDatabase }
        database = try Self.unescape(path)
    }

    /// The URL without its password, for messages and logs.
    public var description: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(username)@\(hostText):\(port)/\(database)"
    }

    /// Decodes `%XX` escapes as UTF-8.
    private static func unescape(_ text: Substring) throws(ParseError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            let digits = utf8.prefix(2)
            guard digits.count == 2, digits.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
                let value = UInt8(String(decoding: digits, as: UTF8.self), radix: 16)
            else {
                throw .badEscape(String(text))
            }
            bytes.append(value)
            utf8 = utf8.dropFirst(2)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .badEscape(String(text)) }
        return decoded
    }
}

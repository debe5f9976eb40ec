import Foundation
import OversightCore
import Testing

@testable import OversightInterchange

@Suite("SSDA903 reader under mutated input")
struct SSDA903FuzzTests {
    static let episodes = """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        100001,01/01/2023,S,C2,N1,U4,PR1,01/06/2024,X1,CARPL,"AB1 2CD","AB1 3CD",1234567
        100001,01/06/2024,P,C2,N1,K2,PR4,,,,"AB1 2CD","EF4 5GH",SC123456
        100002,15/09/2024,S,V2,N4,U6,PR1,02/03/2025,E4A,,"AB1 2CD","AB1 9ZZ",XXXXXXX
        100003,31/03/2025,S,C1,N1,P1,PR0,,,,"AB1 2CD","AB1 2CD",

        """

    @Test("Five hundred mutations of an episodes file each read as a table or fail with an error naming the file")
    func mutations() throws {
        let original = Array(Self.episodes.utf8)
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var read = 0
        var rejected = 0
        for seed in 1...500 as ClosedRange<UInt64> {
            let damaged = CSVFuzzTests.mutate(original, seed: seed &* 104_729)
            FileManager.default.createFile(atPath: directory + "/episodes.csv", contents: Data(damaged))
            do {
                let tables = try SSDA903Reader().read(directory: directory)
                let table = try #require(tables[.episodes], "seed \(seed): a table other than Episodes was recognised")
                // Every row has every column, and lines only go forward.
                #expect(table.lines == table.lines.sorted(), "seed \(seed)")
                #expect(SSDA903TableKind.episodes.fields.allSatisfy { table[$0].count == table.count }, "seed \(seed)")
                read += 1
            } catch {
                #expect("\(error)".contains("episodes.csv"), "seed \(seed): \(error)")
                rejected += 1
            }
        }
        #expect(read > 0 && rejected > 0, "the mutations should exercise both outcomes")
    }
}

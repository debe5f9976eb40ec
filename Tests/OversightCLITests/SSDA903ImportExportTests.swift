import Foundation
import Testing

@Suite("oversight import 903 and 903 export, end to end", .serialized)
struct SSDA903ImportExportTests {
    /// A file's lines, header first.
    static func kept(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test("generate → import 903 → export → import → export: the exports reproduce every generated table, and a second import changes nothing")
    func roundTrip() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let generated = directory + "/generated", first = directory + "/first", second = directory + "/second"
        _ = try runOversight(["903", "generate", "--year", "2025", "--children", "200", "--out", generated])

        let imported = try runOversight(["import", "903", generated, "--db", directory + "/a.sqlite"])
        #expect(imported.status == 0, "\(imported.errors)")
        let said = imported.output + imported.errors
        #expect(said.contains("Imported ") && !said.contains("not kept"), "\(said)")
        #expect(said.contains("Storing "), "progress while writing: \(said)")

        #expect(try runOversight(["903", "export", "--year", "2025", "--db", directory + "/a.sqlite", "--out", first]).status == 0)
        // Twice, because an import replaces what the store held: the second must change nothing.
        for _ in 0..<2 { #expect(try runOversight(["import", "903", first, "--db", directory + "/b.sqlite"]).status == 0) }
        #expect(try runOversight(["903", "export", "--year", "2025", "--db", directory + "/b.sqlite", "--out", second]).status == 0)

        let files = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
        #expect(files == [
            "ad1.csv", "episodes.csv", "header.csv", "missing.csv", "oc2.csv", "oc3.csv", "placed_for_adoption.csv",
            "previous_permanence.csv", "reviews.csv", "sw_episodes.csv", "uasc.csv",
        ])
        // The generator also writes the reference data its return uses (Ofsted lists, postcodes) into a folder beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: generated).sorted() == (files + ["reference"]).sorted())
        for file in files {
            #expect(try Self.kept(first + "/" + file) == Self.kept(second + "/" + file), "\(file)")
            // Compared as sets of rows: the return gives its rows no order.
            #expect(try Set(Self.kept(generated + "/" + file)) == Set(Self.kept(first + "/" + file)), "\(file)")
        }
        #expect(try Self.kept(first + "/episodes.csv").count > 200)
    }

    @Test("Export for another year keeps only the episodes open in it")
    func otherYear() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try runOversight(["903", "generate", "--year", "2025", "--children", "100", "--out", directory + "/g"])
        _ = try runOversight(["import", "903", directory + "/g", "--db", directory + "/a.sqlite"])
        _ = try runOversight(["903", "export", "--year", "2025", "--db", directory + "/a.sqlite", "--out", directory + "/y2025"])
        _ = try runOversight(["903", "export", "--year", "2024", "--db", directory + "/a.sqlite", "--out", directory + "/y2024"])
        let thisYear = try Self.kept(directory + "/y2025/episodes.csv").dropFirst()
        let lastYear = try Self.kept(directory + "/y2024/episodes.csv").dropFirst()
        #expect(lastYear.count < thisYear.count)
        // Every episode written for 2023/24 started before 1 April 2024.
        for line in lastYear {
            let start = line.split(separator: ",")[1].split(separator: "/")
            #expect(Int(start[2])! < 2024 || (Int(start[2])! == 2024 && Int(start[1])! < 4), "\(line)")
        }
    }

    @Test("A date that does not exist stops the import at file, line and column, and the database keeps what it held")
    func badDateChangesNothing() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = directory + "/good", bad = directory + "/bad", db = directory + "/a.sqlite"
        _ = try runOversight(["903", "generate", "--year", "2025", "--children", "50", "--out", good])
        #expect(try runOversight(["import", "903", good, "--db", db]).status == 0)
        _ = try runOversight(["903", "export", "--year", "2025", "--db", db, "--out", directory + "/before"])

        try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
        try "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,01/01/2012,WBRI,,,\n"
            .write(toFile: bad + "/header.csv", atomically: true, encoding: .utf8)
        try "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n1,31/02/2024,S,C2,N1,U1,PR1,,,,,,\n"
            .write(toFile: bad + "/episodes.csv", atomically: true, encoding: .utf8)
        let result = try runOversight(["import", "903", bad, "--db", db])
        #expect(result.status != 0)
        #expect(result.errors.contains("episodes.csv:2") && result.errors.contains("DECOM"), "\(result.errors)")

        _ = try runOversight(["903", "export", "--year", "2025", "--db", db, "--out", directory + "/after"])
        #expect(try Self.kept(directory + "/before/episodes.csv") == Self.kept(directory + "/after/episodes.csv"))
    }

    @Test("Looked-after measures compute from a database holding only a 903 return")
    func measuresFrom903() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try runOversight(["903", "generate", "--year", "2025", "--children", "200", "--out", directory + "/g"])
        #expect(try runOversight(["import", "903", directory + "/g", "--db", directory + "/a.sqlite"]).status == 0)
        let result = try runOversight([
            "measures", "compute", "--db", directory + "/a.sqlite", "--period", "2024-25", "--measure", "CLA-02", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.errors)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        let measure = try #require(json.first { $0["id"] as? String == "CLA-02" })
        let numerator = try #require(measure["numerator"] as? Int), denominator = try #require(measure["denominator"] as? Int)
        #expect(numerator > 0 && denominator >= 100 && numerator < denominator)
    }
}

@Suite("oversight import 903 on PostgreSQL", .serialized, .enabled(if: !PostgresTestServer.isSkipped, "OVERSIGHT_SKIP_POSTGRES=1"))
struct SSDA903PostgresImportTests {
    @Test("A 903 return imported into PostgreSQL exports the same files as from SQLite")
    func sameAsSQLite() throws {
        let schema = try PostgresTestSchema("import903")
        defer { schema.drop() }
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try runOversight(["903", "generate", "--year", "2025", "--children", "100", "--out", directory + "/g"])
        for db in [directory + "/a.sqlite", schema.db] {
            let imported = try runOversight(["import", "903", directory + "/g", "--db", db])
            #expect(imported.status == 0, "\(imported.errors)")
        }
        _ = try runOversight(["903", "export", "--year", "2025", "--db", directory + "/a.sqlite", "--out", directory + "/sqlite"])
        _ = try runOversight(["903", "export", "--year", "2025", "--db", schema.db, "--out", directory + "/postgres"])
        for file in [
            "header.csv", "episodes.csv", "reviews.csv", "missing.csv", "oc2.csv", "oc3.csv", "uasc.csv", "ad1.csv",
            "placed_for_adoption.csv", "previous_permanence.csv", "sw_episodes.csv",
        ] {
            let fromSQLite = try String(contentsOfFile: directory + "/sqlite/" + file, encoding: .utf8)
            if ["header.csv", "episodes.csv", "reviews.csv", "oc2.csv", "sw_episodes.csv"].contains(file) {
                #expect(fromSQLite.split(separator: "\n").count > 1, "\(file)")
            }
            #expect(try String(contentsOfFile: directory + "/postgres/" + file, encoding: .utf8) == fromSQLite, "\(file)")
        }
    }
}

import Foundation
import OversightCore
import OversightInterchange
import Testing
@testable import OversightWorkforce

@Suite("The workforce CSV: read whole, every problem named by file, line and column")
struct WorkforceCSVTests {
    static let header = "worker_id,name,role,team_id,contract,fte,start_date,end_date,leaving_reason,case_holding"
    static let establishment = """
        team_id,team_name,service,funded_fte,from_date
        T1,Assessment Team,Front Door,12,2024-04-01
        T2,Child Protection Team,Safeguarding,10.5,2024-04-01

        """

    func files(_ staff: String, establishment: String = Self.establishment) throws -> (String, String) {
        let folder = NSTemporaryDirectory() + "oversight-workforce-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (Self.header + "\n" + staff).write(toFile: folder + "/staff.csv", atomically: true, encoding: .utf8)
        try establishment.write(toFile: folder + "/establishment.csv", atomically: true, encoding: .utf8)
        return (folder + "/staff.csv", folder + "/establishment.csv")
    }

    @Test("A valid register reads into spells and establishment")
    func valid() throws {
        let (staff, establishment) = try files("""
            W1,Ada Okafor,qualified-social-worker,T1,permanent,1,2021-04-01,2024-05-14,,Y
            W1,Ada Okafor,senior-practitioner,T2,permanent,0.8,2024-05-15,2025-01-31,career-progression,Y
            W2,,team-manager,T1,agency,1,2024-09-02,,,N
            """)
        let register = try WorkforceCSV.read(staff: staff, establishment: establishment)
        #expect(register.spells.count == 3)
        #expect(register.spells[0].leavingReason == nil)
        #expect(register.spells[1].fullTimeEquivalent == 0.8)
        #expect(register.spells[1].leavingReason == .careerProgression)
        #expect(register.spells[2].name == nil && register.spells[2].contract == .agency && !register.spells[2].isCaseHolding)
        #expect(register.establishment.map(\.fundedFTE) == [12, 10.5])
    }

    @Test(
        "A bad value stops the import with file:line: column and the reason",
        arguments: [
            ("W1,,social worker,T1,permanent,1,2021-04-01,,,Y", "staff.csv:2: role: 'social worker' is not a role"),
            ("W1,,asye,T1,permanent,1.2,2021-04-01,,,Y", "staff.csv:2: fte: '1.2' must be a full-time equivalent above 0 and at most 1"),
            ("W1,,asye,T1,permanent,1,2021-04-01,2021-03-01,,Y", "staff.csv:2: end_date: '2021-03-01' is before start_date 2021-04-01"),
            ("W1,,asye,T1,contractor,1,2021-04-01,,,Y", "staff.csv:2: contract: 'contractor' must be permanent or agency"),
            ("W1,,asye,T9,permanent,1,2021-04-01,,,Y", "staff.csv:2: team_id: 'T9' is not a team in the establishment file"),
            ("W1,,asye,T1,permanent,1,2021-02-30,,,Y", "staff.csv:2: start_date: '2021-02-30' is not a valid date"),
            ("W1,,asye,T1,permanent,1,2021-04-01,,pay,Y", "staff.csv:2: leaving_reason: 'pay' is given but end_date is empty"),
            ("W1,,asye,T1,permanent,1,2021-04-01,,,maybe", "staff.csv:2: case_holding: 'maybe' must be Y or N"),
            (
                "W1,,asye,T1,permanent,1,2021-04-01,,,Y\nW1,,asye,T2,permanent,1,2022-04-01,,,Y",
                "staff.csv:3: start_date: '2022-04-01' overlaps worker W1's spell from 2021-04-01 on line 2"
            ),
        ])
    func invalid(row: String, message: String) throws {
        let (staff, establishment) = try files(row)
        do {
            _ = try WorkforceCSV.read(staff: staff, establishment: establishment)
            Issue.record("no error for \(row)")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }

    @Test("A missing column is named, and a bad establishment row too")
    func structure() throws {
        let folder = NSTemporaryDirectory() + "oversight-workforce-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "worker_id,role,team_id\nW1,asye,T1\n".write(toFile: folder + "/staff.csv", atomically: true, encoding: .utf8)
        #expect(throws: InterchangeError.missingColumn("contract", at: SourceLocation(file: "staff.csv", line: 1))) {
            try WorkforceCSV.read(staff: folder + "/staff.csv")
        }
        let (staff, establishment) = try files("", establishment: "team_id,team_name,service,funded_fte,from_date\nT1,A,S,-2,2024-04-01\n")
        #expect(throws: InterchangeError.invalidValue("-2", reason: "must be a number of posts, 0 or more", at: SourceLocation(file: "establishment.csv", line: 2, field: "funded_fte"))) {
            try WorkforceCSV.read(staff: staff, establishment: establishment)
        }
    }
}

import Foundation
import OversightCore
import OversightSynthetic
import Testing

/// Rates measured from the `small` authority's files the way the national returns define them
/// (kpis.md CIN-01, CIN-02, CIN-03, CIN-07), against bands around the published figures.
@Suite("Rates of the small authority")
struct RateTests {
    /// Financial years 2023-24 to 2025-26, complete before the default extract date (31 October 2026).
    private static let years: [(start: String, end: String)] = [
        ("2023-04-01", "2024-03-31"), ("2024-04-01", "2025-03-31"), ("2025-04-01", "2026-03-31"),
    ]

    private static func isIn(_ date: String, _ year: (start: String, end: String)) -> Bool {
        let day = String(date.prefix(10))
        return day >= year.start && day <= year.end
    }

    @Test("Referrals a year, re-referrals within 12 months and referrals ending in no further action")
    func referrals() throws {
        let file = try CSVFile(path: try SmallAuthority.directory() + "/ssd_cin_episodes.csv")
        let person = file.column("cine_person_id")!
        let date = file.column("cine_referral_date")!
        let nfa = file.column("cine_referral_nfa")!
        var datesByPerson: [String: [LocalDate]] = [:]
        for record in file.records {
            datesByPerson[record.fields[person], default: []].append(LocalDate(iso: record.fields[date].prefix(10))!)
        }
        for year in Self.years {
            let referrals = file.records.filter { Self.isIn($0.fields[date], year) }
            #expect((5_000...6_000).contains(referrals.count), "\(year.start): \(referrals.count) referrals")
            let reReferrals = referrals.filter { record in
                let day = LocalDate(iso: record.fields[date].prefix(10))!
                return datesByPerson[record.fields[person]]!.contains { $0 < day && $0.days(to: day) <= 365 }
            }
            let reReferralRate = Double(reReferrals.count) / Double(referrals.count)
            #expect((0.18...0.26).contains(reReferralRate), "\(year.start): re-referrals \(reReferralRate)")
            let nfaRate = Double(referrals.filter { $0.fields[nfa] == "Y" }.count) / Double(referrals.count)
            #expect((0.05...0.09).contains(nfaRate), "\(year.start): referrals NFA \(nfaRate)")
        }
    }

    @Test("About 30% of completed assessments end in no further action, most inside 45 working days")
    func assessments() throws {
        let file = try CSVFile(path: try SmallAuthority.directory() + "/ssd_cin_assessments.csv")
        let start = file.column("cina_assessment_start_date")!
        let authorised = file.column("cina_assessment_auth_date")!
        let nfa = file.column("cina_assessment_outcome_nfa")!
        let calendar = WorkingDayCalendar.englandAndWales
        for year in Self.years {
            let completed = file.records.filter { Self.isIn($0.fields[authorised], year) }
            let nfaRate = Double(completed.filter { $0.fields[nfa] == "Y" }.count) / Double(completed.count)
            #expect((0.25...0.35).contains(nfaRate), "\(year.start): assessment NFA \(nfaRate)")
            let inTime = completed.filter {
                calendar.workingDays(
                    from: LocalDate(iso: $0.fields[start].prefix(10))!, to: LocalDate(iso: $0.fields[authorised].prefix(10))!) <= 45
            }
            let inTimeRate = Double(inTime.count) / Double(completed.count)
            #expect((0.78...0.93).contains(inTimeRate), "\(year.start): within 45 working days \(inTimeRate)")
        }
    }

    @Test("About 450 children on plans and 550 looked after at each 31 March")
    func stocks() throws {
        let directory = try SmallAuthority.directory()
        let plans = try CSVFile(path: directory + "/ssd_cp_plans.csv")
        let episodes = try CSVFile(path: directory + "/ssd_cla_episodes.csv")
        func open(_ file: CSVFile, _ start: String, _ end: String, on day: String) -> Int {
            let s = file.column(start)!
            let e = file.column(end)!
            let person = file.header.firstIndex { $0.hasSuffix("person_id") }!
            return Set(
                file.records.filter { String($0.fields[s].prefix(10)) <= day && ($0.fields[e].isEmpty || String($0.fields[e].prefix(10)) > day) }
                    .map { $0.fields[person] }
            ).count
        }
        for day in ["2024-03-31", "2025-03-31", "2026-03-31"] {
            let protection = open(plans, "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", on: day)
            let lookedAfter = open(episodes, "clae_cla_episode_start_date", "clae_cla_episode_ceased_date", on: day)
            #expect((350...600).contains(protection), "\(day): \(protection) on CP plans")
            #expect((430...680).contains(lookedAfter), "\(day): \(lookedAfter) looked after")
        }
        let leavers = try CSVFile(path: directory + "/ssd_care_leavers.csv")
        #expect((220...420).contains(leavers.records.count), "\(leavers.records.count) care leavers")
    }

    @Test("About 340 social workers, a third agency, holding 15 to 22 children each")
    func workforce() throws {
        let directory = try SmallAuthority.directory()
        let professionals = try CSVFile(path: directory + "/ssd_professionals.csv")
        let registration = professionals.column("prof_social_worker_registration_no")!
        let agency = professionals.column("prof_agency_worker_flag")!
        let socialWorkers = professionals.records.filter { !$0.fields[registration].isEmpty }
        #expect((300...380).contains(socialWorkers.count), "\(socialWorkers.count) social workers")
        let agencyRate = Double(socialWorkers.filter { $0.fields[agency] == "Y" }.count) / Double(socialWorkers.count)
        #expect((0.25...0.40).contains(agencyRate), "agency \(agencyRate)")
        #expect(socialWorkers.allSatisfy { $0.fields[registration].hasPrefix("SW") && $0.fields[registration].count == 8 })

        let involvements = try CSVFile(path: directory + "/ssd_involvements.csv")
        let c = { (name: String) in involvements.column(name)! }
        let census = "2026-03-31"
        var children: [String: Set<String>] = [:]
        for record in involvements.records where record.fields[c("invo_professional_role_id")] == "CW" {
            let start = String(record.fields[c("invo_involvement_start_date")].prefix(10))
            let end = String(record.fields[c("invo_involvement_end_date")].prefix(10))
            guard start <= census, end.isEmpty || end > census else { continue }
            children[record.fields[c("invo_professional_id")], default: []].insert(record.fields[c("invo_person_id")])
        }
        let caseloads = children.values.map(\.count)
        let mean = Double(caseloads.reduce(0, +)) / Double(caseloads.count)
        #expect((15...22).contains(mean), "mean caseload \(mean) over \(caseloads.count) workers")
        #expect(involvements.values("invo_professional_role_id").contains("IRO"))
        #expect(involvements.values("invo_professional_role_id").contains("16PLUS"))
    }
}

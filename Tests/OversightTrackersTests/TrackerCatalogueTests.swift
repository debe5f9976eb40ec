import OversightMeasures
import OversightTrackers
import Testing

@Suite("The tracker catalogue")
struct TrackerCatalogueTests {
    @Test("Every tracker's measures are listed once, in tracker order, with the declaration each tracker made")
    func everyMeasureOnce() {
        let ids = TrackerCatalogue.entries.map(\.id)
        let declared = LADOMeasures.all.map(\.id) + NotificationMeasures.all().map(\.id) + EscalationMeasures.all.map(\.id) + SENDMeasures.all.map(\.id)
        #expect(ids == declared)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("LADO-09") && ids.contains("NOTIF-02") && ids.contains("IRO-06") && ids.contains("SEND-05"))

        let decision = TrackerCatalogue.entry("lado-03")
        #expect(decision?.title == LADOMeasures.decisionInTime.title)
        #expect(decision?.tracker == .lado)
        #expect(decision?.citation?.contains("Working Together") == true)
        #expect(decision?.page == "/trackers/lado/measures/LADO-03")
        #expect(decision?.explain == "oversight lado explain LADO-03")

        let send = TrackerCatalogue.entry("SEND-01")
        #expect(send?.source == .sen2)
        #expect(send?.unit == .percentage)
        #expect(send?.denominator == SENDMeasures.plansWithin20Weeks.denominator)
        #expect(send?.page == "/trackers/measures/SEND-01")
        #expect(TrackerCatalogue.entry("NOTIF-02")?.denominator == nil, "a count has no denominator")
        #expect(TrackerCatalogue.entry("CIN-06") == nil)
    }

    @Test("Every tracker measure has a page under its tracker and an explain command naming its own tracker")
    func pagesAndCommands() {
        for entry in TrackerCatalogue.entries {
            #expect(entry.page.hasPrefix(entry.tracker == .lado ? "/trackers/lado/measures/" : entry.tracker == .notifications ? "/trackers/notifications" : "/trackers/measures/"), "\(entry.id)")
            #expect(entry.explain.hasPrefix("oversight \(entry.tracker.rawValue) "), "\(entry.id)")
            #expect(!entry.definition.isEmpty && !entry.numerator.isEmpty, "\(entry.id)")
        }
    }

    @Test("IRO-01 and SEND-01, unavailable in the case catalogue, say there which tracker command and page compute them")
    func caseCatalogueDefersToTrackers() throws {
        for id in ["IRO-01", "SEND-01"] {
            let declared = try #require(MeasureCatalogue.measure(id))
            let tracked = try #require(TrackerCatalogue.entry(id))
            let reason = try #require(declared.unavailableReason)
            #expect(reason.contains(tracked.explain), "\(id): \(reason)")
            #expect(reason.contains(tracked.page), "\(id): \(reason)")
            #expect(declared.title == tracked.title)
        }
    }
}

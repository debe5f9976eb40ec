import OversightCore
import OversightInterchange

/// Codes 400–499: how one episode follows another, ages for reasons for leaving, reviews and UPNs.
extension SSDA903Rules {
    static let rules4xx: [SSDA903Rule] = [
        // A special guardianship order ending care after the 18th birthday (the day itself is allowed); header flagged too.
        SSDA903Rule("407", tables: [.header, .episodes]) { context in
            let episodes = context[.episodes]
            let rec = episodes[.rec], ended = episodes.dates(.dec), children = episodes.children
            let born = context.birthDates
            let flagged = context.flag(.episodes) { row in
                guard ["E45", "E46", "E47", "E48"].contains(rec[row] ?? ""), let child = children[row], let birth = born[child],
                    let end = ended[row]
                else { return false }
                return end > birth.adding(years: 18)
            }
            return flagged + context.rows(of: .header, for: Set(flagged.compactMap { children[$0.row] }))
        },
        // A5 and A6 are placements for adoption under a placement order, which is legal status E1.
        SSDA903Rule("408", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], ls = episodes[.ls]
            return context.flag(.episodes) { ["A5", "A6"].contains(place[$0] ?? "") && ls[$0] != "E1" }
        },
        SSDA903Rule("426", tables: [.episodes]) { context in
            let ls = context[.episodes][.ls]
            let both = context.episodesByChild.filter { _, rows in
                rows.contains { ls[$0] == "V3" } && rows.contains { ls[$0] == "V4" }
            }
            return both.values.flatMap { $0.filter { ["V3", "V4"].contains(ls[$0] ?? "") }.map { SSDA903RowReference(.episodes, $0) } }
        },
        SSDA903Rule("431", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let rne = episodes[.rne], began = episodes.dates(.decom), ended = episodes.dates(.dec)
            return context.consecutiveEpisodes { previous, next in
                rne[next] == "S" && ended[previous] != nil && ended[previous] == began[next] ? [next] : []
            }
        },
        SSDA903Rule("432", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let rne = episodes[.rne], rec = episodes[.rec]
            // Only a real reason for ending care counts; a retired or unknown code is 145's finding.
            let ceased = SSDA903Codes.reasonEpisodeCeased.subtracting(["X1"])
            return context.consecutiveEpisodes { previous, next in
                guard let reason = rec[previous], ceased.contains(reason), let new = rne[next], new != "S" else { return [] }
                return [next]
            }
        },
        SSDA903Rule("433", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let rne = episodes[.rne], began = episodes.dates(.decom), ended = episodes.dates(.dec)
            return context.consecutiveEpisodes { previous, next in
                guard let new = rne[next], ["L", "P", "T", "U", "B"].contains(new) else { return [] }
                return began[next] != nil && ended[previous] == began[next] ? [] : [next]
            }
        },
        // L: only the legal status changed.
        SSDA903Rule("434", tables: [.episodes]) { context in
            context.continuation(["L"]) { legalStatusChanged, placementChanged in !legalStatusChanged || placementChanged }
        },
        // P and T: only the placement changed, so the legal status cannot have. (The peer does not flag a P or T
        // episode whose placement details are unchanged; a placement change may not show in the coded fields.)
        SSDA903Rule("435", tables: [.episodes]) { context in
            context.continuation(["P", "T"]) { legalStatusChanged, _ in legalStatusChanged }
        },
        // U and B: both changed.
        SSDA903Rule("436", tables: [.episodes]) { context in
            context.continuation(["U", "B"]) { legalStatusChanged, placementChanged in !legalStatusChanged || !placementChanged }
        },
        // Death (E2) and an age assessment finding the child an adult (E15) end care for good: the ending episode
        // is flagged when later episodes follow.
        SSDA903Rule("437", tables: [.episodes]) { context in
            let rec = context[.episodes][.rec]
            return context.episodesByChild.values.flatMap { rows in
                rows.dropLast().filter { ["E2", "E15"].contains(rec[$0] ?? "") }.map { SSDA903RowReference(.episodes, $0) }
            }
        },
        // A review on the 4th birthday itself may still be coded PN0.
        SSDA903Rule("440", tables: [.reviews]) { context in
            let reviews = context[.reviews]
            let code = reviews[.reviewCode], born = reviews.dates(.dob), held = reviews.dates(.review)
            return context.flag(.reviews) { row in
                guard code[row] == "PN0", let birth = born[row], let date = held[row] else { return false }
                return date > birth.adding(years: 4)
            }
        },
        SSDA903Rule("441", tables: [.reviews]) { context in
            let code = context[.reviews][.reviewCode]
            let ages = context.reviewAges()
            return context.flag(.reviews) { row in
                guard let participation = code[row], participation != "PN0", SSDA903Codes.reviewParticipation.contains(participation) else { return false }
                return ages[row].map { $0 < 4 } ?? false
            }
        },
        SSDA903Rule("442", tables: [.header, .episodes]) { context in
            let upn = context[.header][.upn], children = context[.header].children
            return context.flag(.header) { row in upn[row] == nil && (children[row].map { context.episodesByChild[$0] != nil } ?? false) }
        },
        SSDA903Rule("444", years: 2026...2027, tables: [.header]) { context in
            let upn = context[.header][.upn]
            var rowsByUPN: [String: [Int]] = [:]
            for (row, number) in upn.enumerated() {
                // The unknown-UPN codes UN1–UN5 are shared by design; anything else (UN6 included) must be unique.
                if let number, !["UN1", "UN2", "UN3", "UN4", "UN5"].contains(number) { rowsByUPN[number, default: []].append(row) }
            }
            return rowsByUPN.values.filter { $0.count > 1 }.flatMap { $0.map { SSDA903RowReference(.header, $0) } }
        },
        // Placement orders (E1) came with the Adoption and Children Act 2002, from 30 December 2005.
        SSDA903Rule("446", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let ls = episodes[.ls], began = episodes.dates(.decom)
            let commenced = LocalDate(year: 2005, month: 12, day: 1)!
            return context.flag(.episodes) { ls[$0] == "E1" && (began[$0].map { $0 < commenced } ?? false) }
        },
        SSDA903Rule("460", tables: [.header, .episodes]) { context in
            let rec = context[.episodes][.rec]
            return context.episodes(agedOn: .dec) { row, age in rec[row] == "E17" && age < 18 }
        },
    ]
}

extension SSDA903Context {
    /// Continuation episodes with a reason for new episode in `reasons` that `contradicts` what changed since the
    /// episode before (legal status; placement type, postcode or URN).
    func continuation(_ reasons: Set<String>, contradicts: (_ legalStatusChanged: Bool, _ placementChanged: Bool) -> Bool) -> [SSDA903RowReference] {
        let episodes = self[.episodes]
        let rne = episodes[.rne], ls = episodes[.ls], place = episodes[.place], post = episodes[.plPost], urn = episodes[.urn]
        let provider = episodes[.placeProvider]
        return consecutiveEpisodes { previous, next in
            guard let reason = rne[next], reasons.contains(reason) else { return [] }
            let legalStatusChanged = ls[previous] != ls[next]
            // The placement is its type, provider, postcode and URN: a change in any of them is a placement change.
            let placementChanged = place[previous] != place[next] || provider[previous] != provider[next] || post[previous] != post[next]
                || urn[previous] != urn[next]
            return contradicts(legalStatusChanged, placementChanged) ? [next] : []
        }
    }

    /// Each review's child's age on the review date, from the review row's own date of birth.
    func reviewAges() -> [Int?] {
        let reviews = self[.reviews]
        let born = reviews.dates(.dob), held = reviews.dates(.review)
        return reviews.indices.map { row in
            guard let birth = born[row], let date = held[row] else { return nil }
            return birth.age(on: date)
        }
    }
}

import OversightCore
import OversightInterchange

/// The social worker episode rules (SW…STG1 field checks, SW…STG2 checks across a child's episodes), collected
/// since 2023/24.
extension SSDA903Rules {
    static let socialWorkerReasons: Set<String> = [
        "MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS",
    ]

    static let rulesSocialWorker: [SSDA903Rule] = [
        SSDA903Rule("SW01aSTG1", years: 2024...2025, tables: [.socialWorkerEpisodes]) { context in
            let began = context[.socialWorkerEpisodes].dates(.swDecom)
            return context.flag(.socialWorkerEpisodes) { began[$0] == nil }
        },
        SSDA903Rule("SW01bSTG1", years: 2024...2025, tables: [.socialWorkerEpisodes]) { context in
            let reason = context[.socialWorkerEpisodes][.swReason]
            return context.flag(.socialWorkerEpisodes) { reason[$0] == nil }
        },
        SSDA903Rule("SW02STG1", tables: [.socialWorkerEpisodes]) { context in
            let id = context[.socialWorkerEpisodes][.swID]
            return context.flag(.socialWorkerEpisodes) { row in id[row].map { !$0.hasPrefix("SW") && !$0.hasPrefix("XX") } ?? true }
        },
        SSDA903Rule("SW04STG1", tables: [.socialWorkerEpisodes]) { $0.invalidDate(.socialWorkerEpisodes, .swDecom, required: false) },
        SSDA903Rule("SW05STG1", tables: [.socialWorkerEpisodes]) { $0.invalidDate(.socialWorkerEpisodes, .swDec, required: false) },
        SSDA903Rule("SW06STG2", tables: [.socialWorkerEpisodes]) { context in
            let began = context[.socialWorkerEpisodes].dates(.swDecom)
            return context.flag(.socialWorkerEpisodes) { began[$0].map { $0 > context.collectionEnd } ?? false }
        },
        SSDA903Rule("SW07STG2", tables: [.socialWorkerEpisodes]) { context in
            let ended = context[.socialWorkerEpisodes].dates(.swDec)
            return context.flag(.socialWorkerEpisodes) { ended[$0].map { $0 > context.collectionEnd } ?? false }
        },
        // An episode without a (valid) end followed by another: the open one is flagged.
        SSDA903Rule("SW08STG2", tables: [.socialWorkerEpisodes]) { context in
            let ended = context[.socialWorkerEpisodes].dates(.swDec)
            return context.consecutiveSocialWorkerEpisodes { previous, _ in ended[previous] == nil ? [previous] : [] }
        },
        SSDA903Rule("SW09STG2", years: 2024...2025, tables: [.socialWorkerEpisodes]) { context in
            context.socialWorkerEpisodes { start, end in start == end }
        },
        SSDA903Rule("SW09STG2", years: 2026...2027, tables: [.socialWorkerEpisodes]) { context in
            context.socialWorkerEpisodes { start, end in end <= start }
        },
        // Episodes follow on: each starts the day the one before ended (an open one before it never ended).
        SSDA903Rule("SW10STG2", tables: [.socialWorkerEpisodes]) { context in
            let table = context[.socialWorkerEpisodes]
            let began = table.dates(.swDecom), ended = table.dates(.swDec)
            return context.consecutiveSocialWorkerEpisodes { previous, next in
                ended[previous] == nil || began[next] != ended[previous] ? [next] : []
            }
        },
        SSDA903Rule("SW10aSTG2", years: 2026...2027, tables: [.socialWorkerEpisodes]) { context in
            let table = context[.socialWorkerEpisodes]
            let began = table.dates(.swDecom), ended = table.dates(.swDec)
            return context.consecutiveSocialWorkerEpisodes { previous, next in
                guard let end = ended[previous], let start = began[next] else { return [next] }
                return abs(end.days(to: start)) > 7 ? [next] : []
            }
        },
        // First contact (FCONTA) opens a child's social work; as the reason for a later episode it cannot come while
        // the one before is still open (no end, or ending after it starts).
        SSDA903Rule("SW10bSTG2", years: 2026...2027, tables: [.socialWorkerEpisodes]) { context in
            let table = context[.socialWorkerEpisodes]
            let began = table.dates(.swDecom), ended = table.dates(.swDec), endText = table[.swDec], reason = table[.swReason]
            return context.consecutiveSocialWorkerEpisodes { previous, next in
                guard reason[next] == "FCONTA", let start = began[next] else { return [] }
                if endText[previous] == nil { return [next] }
                return ended[previous].map { start < $0 } ?? false ? [next] : []
            }
        },
        // The child's latest social worker episode (by start) ending before 31 March leaves the rest of the year without one.
        SSDA903Rule("SW11bSTG2", tables: [.socialWorkerEpisodes]) { context in
            let ended = context[.socialWorkerEpisodes].dates(.swDec)
            return context.socialWorkerEpisodesByChild(validStartsOnly: true).values.compactMap { rows in
                guard let last = rows.last, let end = ended[last], end < context.collectionEnd else { return nil }
                return SSDA903RowReference(.socialWorkerEpisodes, last)
            }
        },
        // A child looked after on 31 March has social worker episodes from 1 April (or their birth, if later), before
        // they came into care as well; otherwise their episodes open at 31 March are flagged.
        SSDA903Rule("SW12STG2", tables: [.episodes, .socialWorkerEpisodes]) { context in
            let episodes = context[.episodes]
            let began = episodes.dates(.decom), ended = episodes.dates(.dec), endText = episodes[.dec]
            let socialWork = context[.socialWorkerEpisodes]
            let swBegan = socialWork.dates(.swDecom)
            var earliest: [String: LocalDate] = [:]
            for (row, child) in socialWork.children.enumerated() {
                if let child, let start = swBegan[row] { earliest[child] = min(earliest[child] ?? start, start) }
            }
            let born = context.birthDates
            return context.episodesByChild.flatMap { child, rows -> [SSDA903RowReference] in
                let open = rows.filter { row in
                    guard let start = began[row], start <= context.collectionEnd else { return false }
                    return endText[row] == nil || (ended[row].map { $0 > context.collectionEnd } ?? false)
                }
                guard !child.isEmpty, !open.isEmpty else { return [] }
                let due = max(context.collectionStart, born[child] ?? context.collectionStart)
                return earliest[child].map { $0 <= due } ?? false ? [] : open.map { SSDA903RowReference(.episodes, $0) }
            }
        },
        SSDA903Rule("SW13STG1", tables: [.socialWorkerEpisodes]) {
            $0.invalidCode(.socialWorkerEpisodes, .swReason, in: SSDA903Rules.socialWorkerReasons, required: false)
        },
        // The child's latest social worker episode (by start) should still be open at 31 March.
        SSDA903Rule("SW17STG2", years: 2026...2027, tables: [.socialWorkerEpisodes]) { context in
            let ended = context[.socialWorkerEpisodes][.swDec]
            return context.socialWorkerEpisodesByChild(validStartsOnly: true).values.compactMap { rows in
                guard let last = rows.last, ended[last] != nil else { return nil }
                return SSDA903RowReference(.socialWorkerEpisodes, last)
            }
        },
        // The peer also flags an episode ending the day it began.
        SSDA903Rule("SW18STG2", years: 2026...2027, tables: [.socialWorkerEpisodes]) { context in
            context.socialWorkerEpisodes { start, end in end <= start }
        },
        // Two episodes starting the same day: the later row is flagged.
        SSDA903Rule("SW19STG2", years: 2026...2027, tables: [.socialWorkerEpisodes]) { context in
            let began = context[.socialWorkerEpisodes].dates(.swDecom)
            return context.consecutiveSocialWorkerEpisodes { previous, next in
                began[previous] != nil && began[previous] == began[next] ? [max(previous, next)] : []
            }
        },
    ]
}

extension SSDA903Context {
    /// Each child's social worker episode rows, ordered by start; rows without a valid start come last, in file
    /// order, unless `validStartsOnly` leaves them out.
    func socialWorkerEpisodesByChild(validStartsOnly: Bool = false) -> [String: [Int]] {
        let table = self[.socialWorkerEpisodes]
        let began = table.dates(.swDecom)
        var byChild: [String: [Int]] = [:]
        for (row, child) in table.children.enumerated() where !validStartsOnly || began[row] != nil {
            if let child { byChild[child, default: []].append(row) }
        }
        return byChild.mapValues { rows in
            rows.sorted { a, b in
                switch (began[a], began[b]) {
                case let (x?, y?): x < y || (x == y && a < b)
                case (.some, nil): true
                case (nil, .some): false
                case (nil, nil): a < b
                }
            }
        }
    }

    /// Social worker episodes with both dates valid for which `fails(start, end)` holds.
    func socialWorkerEpisodes(where fails: (_ start: LocalDate, _ end: LocalDate) -> Bool) -> [SSDA903RowReference] {
        let table = self[.socialWorkerEpisodes]
        let began = table.dates(.swDecom), ended = table.dates(.swDec)
        return flag(.socialWorkerEpisodes) { row in
            guard let start = began[row], let end = ended[row] else { return false }
            return fails(start, end)
        }
    }

    /// Pairs of a child's consecutive social worker episodes for which `fails` holds; flags the rows it returns.
    func consecutiveSocialWorkerEpisodes(_ fails: (_ previous: Int, _ next: Int) -> [Int]) -> [SSDA903RowReference] {
        socialWorkerEpisodesByChild().values.flatMap { rows in
            zip(rows, rows.dropFirst()).flatMap { fails($0, $1).map { SSDA903RowReference(.socialWorkerEpisodes, $0) } }
        }
    }
}

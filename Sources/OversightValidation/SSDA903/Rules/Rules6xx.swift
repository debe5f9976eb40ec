import OversightCore
import OversightInterchange

/// Codes 600–699 (with 393, 399 and 3001): motherhood, previous permanence, and care leavers' accommodation.
extension SSDA903Rules {
    static let rules6xx: [SSDA903Rule] = [
        // Every girl looked after (other than on short breaks alone) has her motherhood recorded, whatever her age.
        SSDA903Rule("393", tables: [.header, .episodes]) { context in
            let ls = context[.episodes][.ls]
            let lookedAfter = context.childrenWithEpisode { !["V3", "V4"].contains(ls[$0] ?? "") }
            return context.motherhoodNotRecorded(for: lookedAfter)
        },
        // The episode that ended care in the year (other than a short break) is flagged with the header.
        SSDA903Rule("607", tables: [.header, .episodes]) { context in
            let episodes = context[.episodes]
            let rec = episodes[.rec], ended = episodes.dates(.dec), ls = episodes[.ls], children = episodes.children
            let ceasing = context.flag(.episodes) { row in
                // A reason without an end date still says care ended (148 reports the missing date).
                guard let reason = rec[row], reason != "X1", !["V3", "V4"].contains(ls[row] ?? "") else { return false }
                return ended[row].map { $0 >= context.collectionStart && $0 <= context.collectionEnd } ?? true
            }
            let headers = context.motherhoodNotRecorded(for: Set(ceasing.compactMap { children[$0.row] }))
            let flaggedChildren = Set(headers.compactMap { context[.header].children[$0.row] })
            return headers + ceasing.filter { children[$0.row].map(flaggedChildren.contains) ?? false }
        },
        // Short breaks (V3/V4) are not looked after in the full sense: no motherhood or reviews are collected. The
        // child's header, episodes and reviews are flagged.
        SSDA903Rule("399", tables: [.header, .episodes, .reviews]) { context in
            let ls = context[.episodes][.ls]
            let mother = context[.header][.mother], headerChildren = context[.header].children
            let reviewed = Set(context[.reviews].children.compactMap { $0 })
            let shortBreaksOnly = Set(context.episodesByChild.filter { child, rows in
                !child.isEmpty && !rows.isEmpty && rows.allSatisfy { ["V3", "V4"].contains(ls[$0] ?? "") }
            }.keys)
            let withMother = Set(headerChildren.enumerated().compactMap { row, child in mother[row] != nil ? child : nil })
            let flagged = shortBreaksOnly.filter { reviewed.contains($0) || withMother.contains($0) }
            return context.rows(of: .header, for: flagged) + context.rows(of: .episodes, for: flagged) + context.rows(of: .reviews, for: flagged)
        },
        SSDA903Rule("611", tables: [.header]) { context in
            let header = context[.header]
            let mother = header[.mother], born = header[.motherChildDOB]
            return context.flag(.header) { mother[$0] == "1" && born[$0] == nil }
        },
        SSDA903Rule("612", tables: [.header]) { context in
            let header = context[.header]
            let mother = header[.mother], born = header[.motherChildDOB]
            return context.flag(.header) { mother[$0] == "0" && born[$0] != nil }
        },
        SSDA903Rule("620", tables: [.header]) { context in
            let header = context[.header]
            let mother = header[.mother]
            let ages = context.ages(.header, on: context.collectionStart)
            return context.flag(.header) { mother[$0] == "1" && (ages[$0].map { $0 < 11 } ?? false) }
        },
        SSDA903Rule("621", tables: [.header]) { context in
            let header = context[.header]
            let born = header.dates(.dob), child = header.dates(.motherChildDOB)
            return context.flag(.header) { row in
                guard let mother = born[row], let baby = child[row] else { return false }
                return baby < mother
            }
        },
        SSDA903Rule("624", tables: [.header], lastYear: [.header]) { context in
            context.changedSinceLastYear(.motherChildDOB) { last, now in last != nil && now != nil && last != now }
        },
        // The first child's birth cannot be after the year or after the mother left care; her episodes are flagged too.
        SSDA903Rule("625", tables: [.header, .episodes]) { context in
            let left = context.dateLeftCare()
            let header = context[.header]
            let baby = header.dates(.motherChildDOB), children = header.children
            let flagged = context.flag(.header) { row in
                guard let born = baby[row] else { return false }
                if born > context.collectionEnd { return true }
                return children[row].flatMap { left[$0] }.map { born > $0 } ?? false
            }
            return flagged + context.rows(of: .episodes, for: Set(flagged.compactMap { children[$0.row] }))
        },
        SSDA903Rule("626", tables: [.header], lastYear: [.header]) { context in
            let last = context.lastYear(.header)
            let lastMother = last[.mother]
            var notMother = Set<String>()
            for (row, child) in last.children.enumerated() where lastMother[row] == "0" { if let child { notMother.insert(child) } }
            let header = context[.header]
            let mother = header[.mother], baby = header.dates(.motherChildDOB), children = header.children
            return context.flag(.header) { row in
                guard mother[row] == "1", let born = baby[row], born < context.collectionStart, let child = children[row] else { return false }
                return notMother.contains(child)
            }
        },
        SSDA903Rule("628", tables: [.header, .episodes, .oc3]) { context in
            let leavers = Set(context[.oc3].children.compactMap { $0 })
            let header = context[.header]
            let mother = header[.mother], children = header.children
            return context.flag(.header) { row in
                guard mother[row] != nil, let child = children[row], leavers.contains(child) else { return false }
                return context.episodesByChild[child] == nil
            }
        },
        // Previous permanence is asked of every child starting a period of care in the year; a row with an invalid
        // option does not answer it.
        SSDA903Rule("630", tables: [.episodes, .previousPermanence]) { context in
            let table = context[.previousPermanence]
            let option = table[.prevPerm]
            let answered = Set(table.children.enumerated().compactMap { row, child in
                option[row].map(SSDA903Rules.previousPermanenceOptions.contains) == true ? child : nil
            })
            return context.periodsStartedInYear().filter { !answered.contains($0.child) }.map { SSDA903RowReference(.episodes, $0.row) }
        },
        SSDA903Rule("631", tables: [.previousPermanence]) {
            $0.invalidCode(.previousPermanence, .prevPerm, in: SSDA903Rules.previousPermanenceOptions, required: false)
        },
        // The order's date may leave the day or the month unknown as ZZ; the period's start is flagged with it.
        SSDA903Rule("632", tables: [.episodes, .previousPermanence]) { context in
            let table = context[.previousPermanence]
            let date = table[.datePerm], children = table.children
            let flagged = context.flag(.previousPermanence) { row in date[row].map { !SSDA903Rules.isPermanenceDate($0) } ?? false }
            let invalid = Set(flagged.compactMap { children[$0.row] })
            return flagged + context.periodsStartedInYear().filter { invalid.contains($0.child) }.map { SSDA903RowReference(.episodes, $0.row) }
        },
        // A 3-digit LA code (999 when unknown), or Northern Ireland, Scotland, Wales or outside the UK.
        SSDA903Rule("633", tables: [.previousPermanence]) { context in
            let la = context[.previousPermanence][.laPerm]
            return context.flag(.previousPermanence) { row in
                guard let code = la[row] else { return false }
                return !(["NIR", "SCO", "WAL", "NUK"].contains(code) || (code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }))
            }
        },
        // Previous permanence is collected for periods of care starting on or after 1 April 2016; the child's
        // episodes are flagged with the row.
        SSDA903Rule("634", tables: [.episodes, .previousPermanence]) { context in
            // Judged on the episodes' real start dates, as the peer does: a child all of whose dated episodes began
            // before April 2016 did not start this period of care since; one with no real dates is not judged.
            let began = context[.episodes].dates(.decom)
            let from = LocalDate(year: 2016, month: 4, day: 1)!
            let before = context.childrenWithEpisode { began[$0] != nil }
                .subtracting(context.childrenWithEpisode { began[$0].map { $0 >= from } ?? false })
            let table = context[.previousPermanence]
            let items = [SSDA903Field.prevPerm, .laPerm, .datePerm].map { table[$0] }
            let children = table.children
            let flagged = context.flag(.previousPermanence) { row in
                items.contains { $0[row] != nil } && (children[row].map(before.contains) ?? false)
            }
            return flagged + context.rows(of: .episodes, for: Set(flagged.compactMap { children[$0.row] }))
        },
        SSDA903Rule("635", tables: [.previousPermanence]) { context in
            let table = context[.previousPermanence]
            let option = table[.prevPerm], la = table[.laPerm], date = table[.datePerm]
            return context.flag(.previousPermanence) { option[$0] == "Z1" && la[$0] != nil && date[$0] != nil }
        },
        // Around the 17th birthday a care leaver cannot yet be "staying put" with former foster carers (Z1/Z2).
        SSDA903Rule("3001", tables: [.oc3]) { context in
            let oc3 = context[.oc3]
            let accommodation = oc3[.accom]
            let ages = context.ages(.oc3, on: context.collectionEnd)
            return context.flag(.oc3) { ["Z1", "Z2"].contains(accommodation[$0] ?? "") && ages[$0] == 17 }
        },
    ]
}

extension SSDA903Rules {
    static let previousPermanenceOptions: Set<String> = ["P1", "P2", "P3", "P4", "Z1"]

    /// dd/mm/yyyy, where the day, or the day and the month, may be ZZ when not known.
    static func isPermanenceDate(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        let day = parts[0] == "ZZ" ? "01" : parts[0], month = parts[1] == "ZZ" ? "01" : parts[1]
        if parts[1] == "ZZ" && parts[0] != "ZZ" { return false }
        return SSDA903Date.parse("\(day)/\(month)/\(parts[2])") != nil
    }
}

extension SSDA903Context {
    /// The S episodes starting in the collection year, with their child.
    func periodsStartedInYear() -> [(row: Int, child: String)] {
        let episodes = self[.episodes]
        let rne = episodes[.rne], began = episodes.dates(.decom), children = episodes.children
        return episodes.indices.compactMap { row in
            guard rne[row] == "S", let start = began[row], start >= collectionStart, start <= collectionEnd, let child = children[row] else { return nil }
            return (row, child)
        }
    }

    /// Header rows of girls (F; the retired code 2 is 101's finding) in `children` with MOTHER blank.
    func motherhoodNotRecorded(for children: Set<String>) -> [SSDA903RowReference] {
        let header = self[.header]
        let sex = header[.sex], mother = header[.mother], child = header.children
        return flag(.header) { row in
            mother[row] == nil && sex[row] == "F" && (child[row].map(children.contains) ?? false)
        }
    }
}

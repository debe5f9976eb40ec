import OversightCore
import OversightInterchange

/// Codes 101–199: the validity of each field, and the first consistency checks within a table.
extension SSDA903Rules {
    static let rules1xx: [SSDA903Rule] = [
        // Sex was recoded from 1/2 to M/F/U for 2024/25.
        SSDA903Rule("101", tables: [.header]) { $0.invalidCode(.header, .sex, in: ["M", "F", "U"], required: true) },
        SSDA903Rule("102", tables: [.header]) { $0.invalidDate(.header, .dob, required: true) },
        SSDA903Rule("103", tables: [.header]) { $0.invalidCode(.header, .ethnic, in: SSDA903Codes.ethnicity, required: true) },
        SSDA903Rule("104", tables: [.uasc]) { $0.invalidDate(.uasc, .duc, required: false) },
        // The CSV return codes a child UASC by giving them a UASC row, so a status can only be wrong by naming no child
        // of the return (a blank or unknown CHILD).
        SSDA903Rule("105", tables: [.header, .uasc]) { $0.uascRowsNamingNoChild() },
        SSDA903Rule("112", tables: [.ad1]) { $0.invalidDate(.ad1, .dateInt, required: false) },
        SSDA903Rule("113", tables: [.ad1]) { $0.invalidDate(.ad1, .dateMatch, required: false) },
        SSDA903Rule("114", tables: [.ad1]) { $0.invalidCode(.ad1, .fosterCare, in: ["0", "1"], required: false) },
        SSDA903Rule("115", tables: [.placedAdoption]) { $0.invalidDate(.placedAdoption, .datePlaced, required: false) },
        SSDA903Rule("116", tables: [.placedAdoption]) { $0.invalidDate(.placedAdoption, .datePlacedCeased, required: false) },
        // The decision reversed is one event: its date and its reason come together.
        SSDA903Rule("119", tables: [.placedAdoption]) { $0.partlyCompleted(.placedAdoption, [.datePlacedCeased, .reasonPlacedCeased]) },
        // Both decisions must fall by 31 March and while the child was looked after: flag the decision and the
        // child's last episode.
        SSDA903Rule("117", tables: [.episodes, .placedAdoption]) { context in
            let episodes = context[.episodes]
            let dec = episodes.dates(.dec), rec = episodes[.rec]
            let placed = context[.placedAdoption]
            let decided = placed.dates(.datePlaced), reversed = placed.dates(.datePlacedCeased), children = placed.children
            var flagged: [SSDA903RowReference] = []
            for row in placed.indices {
                let last = children[row].flatMap { context.episodesByChild[$0]?.last }
                let ceasedCare = last.flatMap { rec[$0] != nil && rec[$0] != "X1" ? dec[$0] : nil }
                let late = [decided[row], reversed[row]].contains { date in
                    guard let date else { return false }
                    return date > context.collectionEnd || ceasedCare.map { date > $0 } == true
                }
                guard late else { continue }
                flagged.append(SSDA903RowReference(.placedAdoption, row))
                if let last { flagged.append(SSDA903RowReference(.episodes, last)) }
            }
            return flagged
        },
        SSDA903Rule("118", tables: [.episodes, .placedAdoption]) { context in
            let decom = context[.episodes].dates(.decom)
            let placed = context[.placedAdoption]
            let reversed = placed.dates(.datePlacedCeased), children = placed.children
            var flagged: [SSDA903RowReference] = []
            for row in placed.indices {
                guard let date = reversed[row] else { continue }
                let rows = children[row].flatMap { context.episodesByChild[$0] } ?? []
                let started = rows.compactMap { decom[$0] }.min()
                guard date < context.collectionStart || started.map({ date < $0 }) == true else { continue }
                flagged.append(SSDA903RowReference(.placedAdoption, row))
                if let last = rows.last { flagged.append(SSDA903RowReference(.episodes, last)) }
            }
            return flagged
        },
        SSDA903Rule("120", tables: [.placedAdoption]) {
            $0.invalidCode(.placedAdoption, .reasonPlacedCeased, in: SSDA903Codes.adoptionReversalReason, required: false)
        },
        SSDA903Rule("151", tables: [.ad1]) {
            $0.partlyCompleted(.ad1, [.dateInt, .dateMatch, .fosterCare, .nbAdoptr, .sexAdoptr, .lsAdoptr])
        },
        // A care leaver's row must say whether they are in touch and what they are doing: blank fails.
        SSDA903Rule("131", tables: [.oc3]) { $0.invalidCode(.oc3, .inTouch, in: SSDA903Codes.inTouch, required: true) },
        SSDA903Rule("132", tables: [.oc3]) { $0.invalidCode(.oc3, .activ, in: SSDA903Codes.activity, required: true) },
        // A blank start date, code or placement on an episode is left to other rules, as the DfE's tool does.
        SSDA903Rule("133", tables: [.oc3]) { $0.invalidCode(.oc3, .accom, in: SSDA903Codes.accommodation, required: true) },
        SSDA903Rule("153", tables: [.oc3]) { $0.partlyCompleted(.oc3, [.inTouch, .activ, .accom]) },
        SSDA903Rule("134", tables: [.oc3, .ad1]) { context in
            let leavers = Set(context[.oc3].children.compactMap { $0 })
            let ad1 = context[.ad1]
            let items = [SSDA903Field.dateInt, .dateMatch, .fosterCare, .nbAdoptr, .sexAdoptr, .lsAdoptr].map { ad1[$0] }
            let children = ad1.children
            return context.flag(.ad1) { row in (children[row].map(leavers.contains) ?? false) && items.contains { $0[row] != nil } }
        },
        SSDA903Rule("141", tables: [.episodes]) { $0.invalidDate(.episodes, .decom, required: false) },
        // An episode followed by another must have ended: a real end date and a reason.
        SSDA903Rule("142", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let dec = episodes.dates(.dec), rec = episodes[.rec]
            return context.episodesByChild.values.flatMap { rows in
                rows.dropLast().filter { dec[$0] == nil || rec[$0] == nil }.map { SSDA903RowReference(.episodes, $0) }
            }
        },
        SSDA903Rule("143", tables: [.episodes]) { $0.invalidCode(.episodes, .rne, in: SSDA903Codes.reasonNewEpisode, required: false) },
        SSDA903Rule("144", tables: [.episodes]) { $0.invalidCode(.episodes, .ls, in: SSDA903Codes.legalStatus, required: false) },
        SSDA903Rule("145", tables: [.episodes]) { $0.invalidCode(.episodes, .cin, in: SSDA903Codes.categoryOfNeed, required: false) },
        SSDA903Rule("146", tables: [.episodes]) { context in
            context.invalidCode(.episodes, .place, in: SSDA903Codes.placement(year: context.year), required: false)
        },
        SSDA903Rule("147", tables: [.episodes]) { $0.invalidDate(.episodes, .dec, required: false) },
        // DEC and REC record one event, the episode ending: one without the other is half a record.
        SSDA903Rule("148", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let ended = episodes[.dec]
            let reason = episodes[.rec]
            return context.flag(.episodes) { (ended[$0] == nil) != (reason[$0] == nil) }
        },
        SSDA903Rule("149", tables: [.episodes]) { $0.invalidCode(.episodes, .rec, in: SSDA903Codes.reasonEpisodeCeased, required: false) },
        SSDA903Rule("157", tables: [.oc2, .episodes]) { context in
            let oc2 = context[.oc2]
            let reason = oc2[.sdqReason], score = oc2[.sdqScore], children = oc2.children
            let atStart = context.ages(.oc2, on: context.collectionStart), atEnd = context.ages(.oc2, on: context.collectionEnd)
            return context.flag(.oc2) { row in
                guard reason[row] == "SDQ1", score[row] == nil, let child = children[row], context.lookedAfterTwelveMonths.contains(child),
                    let start = atStart[row], let end = atEnd[row]
                else { return false }
                return start >= 4 && end < 17
            }
        },
        SSDA903Rule("158", tables: [.oc2]) { context in
            let oc2 = context[.oc2]
            let received = oc2[.interventionReceived], offered = oc2[.interventionOffered]
            return context.flag(.oc2) { received[$0] == "1" && offered[$0] != nil }
        },
        SSDA903Rule("159", tables: [.oc2]) { context in
            let oc2 = context[.oc2]
            let received = oc2[.interventionReceived], offered = oc2[.interventionOffered]
            return context.flag(.oc2) { received[$0] == "0" && offered[$0] == nil }
        },
        // "Data entry for mother status is invalid": a MOTHER value other than 0 or 1. A girl without one is 393's and
        // 607's finding; the peer also reads girls and boys by the pre-2024/25 sex codes 2 and 1 (docs/ssda903.md,
        // "Where we differ from the peer").
        SSDA903Rule("165", tables: [.header]) { $0.invalidCode(.header, .mother, in: SSDA903Codes.zeroOrOne, required: false) },
        SSDA903Rule("166", tables: [.reviews]) { $0.invalidDate(.reviews, .review, required: true) },
        // Participation is recorded for a review that happened: a row without its review date fails here too.
        SSDA903Rule("167", tables: [.reviews]) { context in
            let reviews = context[.reviews]
            let code = reviews[.reviewCode], date = reviews[.review]
            return context.flag(.reviews) { row in date[row] == nil || !(code[row].map(SSDA903Codes.reviewParticipation.contains) ?? false) }
        },
        SSDA903Rule("168", tables: [.header]) { context in
            let upn = context[.header][.upn]
            return context.flag(.header) { row in upn[row].map { !SSDA903Codes.isUniquePupilNumber($0) } ?? false }
        },
        SSDA903Rule("171", tables: [.header]) { $0.invalidDate(.header, .motherChildDOB, required: false) },
        SSDA903Rule("174", tables: [.header]) { context in
            let header = context[.header]
            let sex = header[.sex], childBorn = header[.motherChildDOB]
            return context.flag(.header) { childBorn[$0] != nil && (sex[$0] == "M" || sex[$0] == "1") }
        },
        SSDA903Rule("175", tables: [.ad1]) { $0.invalidCode(.ad1, .nbAdoptr, in: SSDA903Codes.numberOfAdopters, required: false) },
        SSDA903Rule("176", tables: [.ad1]) { $0.invalidCode(.ad1, .sexAdoptr, in: SSDA903Codes.sexOfAdopters, required: false) },
        SSDA903Rule("177", tables: [.ad1]) { $0.invalidCode(.ad1, .lsAdoptr, in: SSDA903Codes.legalStatusOfAdopters, required: false) },
        // An unknown provider code, or any provider on a placement type that takes none (the 213 condition).
        SSDA903Rule("178", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let provider = episodes[.placeProvider], place = episodes[.place]
            // In 2024/25 the "other placement" Z1 took no provider either; 2025/26 split it into Z11–Z14.
            let without = SSDA903Codes.placementsWithoutProvider(year: context.year).union(context.year <= 2025 ? ["Z1"] : [])
            return context.flag(.episodes) { row in
                guard let code = provider[row] else { return false }
                return !SSDA903Codes.placementProvider.contains(code) || place[row].map(without.contains) == true
            }
        },
        SSDA903Rule("184", tables: [.header, .placedAdoption]) { context in
            let born = context[.header].dates(.dob)
            let placed = context[.placedAdoption]
            let decided = placed.dates(.datePlaced), children = placed.children
            return context.flag(.placedAdoption) { row in
                guard let decision = decided[row], let header = children[row].flatMap({ context.headerRows[$0] }),
                    let birth = born[header]
                else { return false }
                return decision < birth
            }
        },
        SSDA903Rule("185", tables: [.episodes, .oc2]) { $0.outsideTwelveMonthCohort(with: [.sdqScore]) },
        SSDA903Rule("186", tables: [.episodes, .oc2]) { context in
            let oc2 = context[.oc2]
            let score = oc2[.sdqScore], reason = oc2[.sdqReason]
            let atStart = context.ages(.oc2, on: context.collectionStart), atEnd = context.ages(.oc2, on: context.collectionEnd)
            return context.inTwelveMonthCohort { row in
                guard let start = atStart[row], let end = atEnd[row] else { return false }
                return start >= 4 && end < 17 && score[row] == nil && reason[row] == nil
            }
        },
        // The OC2 cohort cannot also be adopted or a care leaver this year: flag each of those rows.
        SSDA903Rule("187", tables: [.episodes, .ad1, .oc3]) { context in
            let cohort = context.lookedAfterTwelveMonths
            let ad1 = context[.ad1].children, oc3 = context[.oc3].children
            return context.flag(.ad1) { ad1[$0].map(cohort.contains) ?? false } + context.flag(.oc3) { oc3[$0].map(cohort.contains) ?? false }
        },
        SSDA903Rule("180", tables: [.oc2]) { context in
            let score = context[.oc2][.sdqScore]
            return context.flag(.oc2) { row in score[row].map { Int($0).map { !(0...40).contains($0) } ?? true } ?? false }
        },
        SSDA903Rule("181", tables: [.oc2]) { context in
            let columns = SSDA903Rules.twelveMonthItems.map { context[.oc2][$0] }
            return context.flag(.oc2) { row in columns.contains { $0[row].map { !SSDA903Codes.zeroOrOne.contains($0) } ?? false } }
        },
        SSDA903Rule("182", tables: [.oc2]) { context in
            let oc2 = context[.oc2]
            let needed = [SSDA903Field.immunisations, .teethCheck, .healthAssessment, .substanceMisuse].map { oc2[$0] }
            let all = SSDA903Rules.twelveMonthItems.map { oc2[$0] }
            return context.flag(.oc2) { row in needed.contains { $0[row] == nil } && all.contains { $0[row] != nil } }
        },
        SSDA903Rule("188", tables: [.oc2]) { context in
            let oc2 = context[.oc2]
            let ages = context.ages(.oc2, on: context.collectionEnd)
            let score = oc2[.sdqScore], reason = oc2[.sdqReason]
            return context.flag(.oc2) { row in (ages[row].map { $0 < 4 } ?? false) && (score[row] != nil || reason[row] != nil) }
        },
        SSDA903Rule("189", tables: [.oc2]) { context in
            let oc2 = context[.oc2]
            let ages = context.ages(.oc2, on: context.collectionStart)
            let score = oc2[.sdqScore], reason = oc2[.sdqReason]
            return context.flag(.oc2) { row in (ages[row].map { $0 >= 17 } ?? false) && (score[row] != nil || reason[row] != nil) }
        },
        SSDA903Rule("190", tables: [.episodes, .oc2]) { $0.outsideTwelveMonthCohort(with: SSDA903Rules.twelveMonthItems) },
        // A child in the cohort needs the health items; one missing from OC2 altogether is flagged on their first episode.
        SSDA903Rule("191", tables: [.episodes, .oc2]) { context in
            let oc2 = context[.oc2]
            let needed = [SSDA903Field.immunisations, .teethCheck, .healthAssessment, .substanceMisuse].map { oc2[$0] }
            let incomplete = context.inTwelveMonthCohort { row in needed.contains { $0[row] == nil } }
            let listed = Set(oc2.children.compactMap { $0 })
            let absent = context.lookedAfterTwelveMonths.subtracting(listed).compactMap { child in
                context.episodesByChild[child]?.first.map { SSDA903RowReference(.episodes, $0) }
            }
            return incomplete + absent
        },
        SSDA903Rule("192", tables: [.oc2]) { context in
            let oc2 = context[.oc2]
            let misuse = oc2[.substanceMisuse], received = oc2[.interventionReceived]
            return context.flag(.oc2) { misuse[$0] == "1" && received[$0] == nil }
        },
        // "Not identified" includes not recorded: only a 1 opens the intervention questions.
        SSDA903Rule("193", tables: [.oc2]) { context in
            let oc2 = context[.oc2]
            let misuse = oc2[.substanceMisuse], received = oc2[.interventionReceived], offered = oc2[.interventionOffered]
            return context.flag(.oc2) { misuse[$0] != "1" && (received[$0] != nil || offered[$0] != nil) }
        },
        SSDA903Rule("196", tables: [.oc2]) { $0.invalidCode(.oc2, .sdqReason, in: SSDA903Codes.sdqReason, required: false) },
        // Children who turn 4 or 17 during the year are in the SDQ age range for part of it.
        SSDA903Rule("197B", tables: [.oc2, .episodes]) { context in
            let oc2 = context[.oc2]
            let score = oc2[.sdqScore], reason = oc2[.sdqReason]
            let atStart = context.ages(.oc2, on: context.collectionStart), atEnd = context.ages(.oc2, on: context.collectionEnd)
            return context.inTwelveMonthCohort { row in
                guard let start = atStart[row], let end = atEnd[row], score[row] == nil, reason[row] == nil else { return false }
                return (start < 4 && end >= 4) || (start < 17 && end >= 17)
            }
        },
        SSDA903Rule("197a", tables: [.oc2]) { context in
            let oc2 = context[.oc2]
            let score = oc2[.sdqScore], reason = oc2[.sdqReason]
            return context.flag(.oc2) { score[$0] != nil && reason[$0] != nil }
        },
        SSDA903Rule("198", tables: [.episodes, .oc2]) { $0.outsideTwelveMonthCohort(with: [.sdqReason]) },
        // A child adopted from care (E11, E12) is no longer the authority's: an episode starting after the
        // adoption episode began fails, whether the adoption is in this year's episodes or (when supplied) last year's.
        SSDA903Rule("199", tables: [.episodes]) { context in
            var adopted: [String: LocalDate] = [:]
            for table in [context[.episodes], context.lastYear(.episodes)] {
                // The adoption episode's start dates it: its end date may be missing or mistyped.
                let rec = table[.rec], decom = table.dates(.decom), children = table.children
                for row in table.indices where rec[row] == "E11" || rec[row] == "E12" {
                    guard let child = children[row], let date = decom[row] else { continue }
                    adopted[child] = min(adopted[child] ?? date, date)
                }
            }
            let episodes = context[.episodes]
            let decom = episodes.dates(.decom), children = episodes.children
            return context.flag(.episodes) { row in
                guard let child = children[row], let adoption = adopted[child], let began = decom[row] else { return false }
                return began > adoption
            }
        },
    ]

    /// The OC2 items recorded for a child looked after continuously for 12 months (rules 181, 182, 190, 191).
    static let twelveMonthItems: [SSDA903Field] = [
        .convicted, .healthCheck, .immunisations, .teethCheck, .healthAssessment, .substanceMisuse, .interventionReceived,
        .interventionOffered,
    ]
}

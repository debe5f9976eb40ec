import OversightCore
import OversightInterchange

/// The rules on the placement fields the DfE derives from an episode's postcodes: PL_DISTANCE (miles from home),
/// PL_LA (the authority the placement is in) and PL_LOCATION (IN or OUT of the submitting authority). They run
/// when the postcode grid is supplied (`--reference DIR`, `postcodes.csv`); 398 reads the postcodes alone.
extension SSDA903Rules {
    static let rulesPlacementGeography: [SSDA903Rule] = [
        // A derived distance is 0.0–999.9 miles; a missing one is 392a's finding, and UASC children's is 406's.
        SSDA903Rule("164", tables: [.episodes]) { context in
            let asylum = context.unaccompaniedAsylumSeekers
            return context.flagPlacements { placements, row in
                guard let tenths = placements.distance[row], !asylum(row) else { return false }
                return !(0...9999).contains(tenths)
            }
        },
        // Every looked-after episode (not short breaks) is placed in some authority, UASC children's included.
        SSDA903Rule("169", tables: [.episodes]) { context in
            let shortBreak = context.shortBreak
            return context.flagPlacements { placements, row in !shortBreak(row) && placements.authority[row] == nil }
        },
        SSDA903Rule("179", tables: [.episodes]) { context in
            let shortBreak = context.shortBreak
            return context.flagPlacements { placements, row in
                !shortBreak(row) && !["IN", "OUT"].contains(placements.location[row] ?? "")
            }
        },
        // UASC children may have no home postcode, so no distance (the DfE's note: formerly UASC children not
        // in the UASC table are false positives).
        SSDA903Rule("392a", tables: [.episodes]) { context in
            let shortBreak = context.shortBreak, asylum = context.unaccompaniedAsylumSeekers
            return context.flagPlacements { placements, row in
                !shortBreak(row) && !asylum(row) && placements.distance[row] == nil
            }
        },
        // A postcode recorded (home or placement, whatever the legal status) that is not a real postcode.
        SSDA903Rule("392c", tables: [.episodes]) { context in
            context.flagPlacements { placements, row in placements.unknownPostcode[row] }
        },
        // The distance is derived from the two postcodes, so a short-break episode that records either of them
        // has completed the distance field, whether or not the postcode is real.
        SSDA903Rule("398", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let home = episodes[.homePost], placed = episodes[.plPost], shortBreak = context.shortBreak
            return context.flag(.episodes) { row in shortBreak(row) && (home[row] != nil || placed[row] != nil) }
        },
        SSDA903Rule("406", tables: [.episodes, .uasc]) { context in
            let asylum = context.unaccompaniedAsylumSeekers
            return context.flagPlacements { placements, row in asylum(row) && placements.distance[row] != nil }
        },
        SSDA903Rule("411", tables: [.episodes]) { context in
            context.flagPlacements { placements, row in
                guard let authority = placements.authority[row] else { return false }
                switch placements.location[row] {
                case "IN": return authority != placements.submittingAuthority
                case "OUT": return authority == placements.submittingAuthority
                default: return false
                }
            }
        },
        SSDA903Rule("420", tables: [.episodes]) { context in
            let shortBreak = context.shortBreak
            return context.flagPlacements { placements, row in shortBreak(row) && placements.authority[row] != nil }
        },
        SSDA903Rule("452", tables: [.episodes], lastYear: [.episodes]) { $0.firstEpisodeDiffersFromLastYear(\.authority) },
        SSDA903Rule("453", tables: [.episodes], lastYear: [.episodes]) { $0.firstEpisodeDistanceDiffersFromLastYear() },
        SSDA903Rule("503G", tables: [.episodes], lastYear: [.episodes]) { $0.firstEpisodeDistanceDiffersFromLastYear() },
        SSDA903Rule("503H", tables: [.episodes], lastYear: [.episodes]) { $0.firstEpisodeDiffersFromLastYear(\.authority) },
        SSDA903Rule("503J", tables: [.episodes], lastYear: [.episodes]) { $0.firstEpisodeDiffersFromLastYear(\.location) },
        // Over 350 miles (2025/26): beyond the length of England, so a postcode is probably wrong.
        SSDA903Rule("454", tables: [.episodes]) { context in
            let asylum = context.unaccompaniedAsylumSeekers
            return context.flagPlacements { placements, row in
                !asylum(row) && (placements.distance[row].map { $0 > 3500 } ?? false)
            }
        },
        // The council's own foster carers and adopters may live outside it, and from 2025/26 so may its registered
        // supported accommodation (K3); any other own provision (PR1) is inside the authority. A short break
        // (V3/V4) reports no placement location (420), so it is not judged, as the peer does not.
        SSDA903Rule("1015", tables: [.episodes]) { context in
            let episodes = context[.episodes], shortBreak = context.shortBreak, postcode = episodes[.plPost]
            let provider = episodes[.placeProvider], place = episodes[.place]
            let mayBeOutside = SSDA903Context.placementsForAdoption.union(["U1", "U2", "U3", "U4", "U5", "U6"])
                .union(context.year >= 2026 ? ["K3"] : [])
            return context.flagPlacements { placements, row in
                // A placement postcode the grid does not know is not shown to be in the authority either.
                provider[row] == "PR1" && postcode[row] != nil && placements.location[row] != "IN" && !mayBeOutside.contains(place[row] ?? "")
                    && !shortBreak(row)
            }
        },
    ]
}

extension SSDA903Context {
    /// This year's and last year's derived placement fields, when the postcode grid was supplied.
    static func derivePlacements(
        _ data: SSDA903Return, reference: SSDA903ReferenceData
    ) -> (thisYear: SSDA903Placement?, lastYear: SSDA903Placement?) {
        guard let grid = reference.postcodes else { return (nil, nil) }
        let authority = reference.submittingAuthority(for: data)
        let derive = { (episodes: SSDA903Table?) in
            episodes.map { SSDA903Placement(episodes: $0, grid: grid, submittingAuthority: authority) }
        }
        return (derive(data[.episodes]), derive(data.lastYear[.episodes]))
    }

    /// Episodes for which `fails` holds of the derived placement fields; none without the grid (rules that need
    /// it are skipped by the validator before they get here).
    func flagPlacements(_ fails: (SSDA903Placement, Int) -> Bool) -> [SSDA903RowReference] {
        guard let placements else { return [] }
        return flag(.episodes) { fails(placements, $0) }
    }

    /// Whether an episode's legal status is a series of short breaks (V3, V4), which the distance rules exclude.
    var shortBreak: (Int) -> Bool {
        let ls = self[.episodes][.ls]
        return { ["V3", "V4"].contains(ls[$0] ?? "") }
    }

    /// Whether an episode's child is unaccompanied asylum-seeking, now or formerly, as far as the loaded data
    /// shows: in this year's UASC table or last year's (the DfE's notes on 164, 392a, 406 and 454 say children
    /// formerly UASC who are in neither are misjudged).
    var unaccompaniedAsylumSeekers: (Int) -> Bool {
        let children = self[.episodes].children
        let asylum = Set([data[.uasc], data.lastYear[.uasc]].flatMap { $0?.children.compactMap { $0 } ?? [] })
        return { children[$0].map(asylum.contains) ?? false }
    }

    /// This year's first episodes whose derived `field` differs from last year's open episode; a value on one side
    /// and a blank on the other differs.
    func firstEpisodeDiffersFromLastYear(_ field: KeyPath<SSDA903Placement, [String?]>) -> [SSDA903RowReference] {
        guard let now = placements?[keyPath: field], let before = lastYearPlacements?[keyPath: field] else { return [] }
        return firstEpisodesAgainstLastYearsOpenEpisode { first, open in now[first] != before[open] }
    }

    /// This year's first episodes whose distance differs from last year's open episode by more than 0.2 miles (a
    /// re-surveyed postcode moves it a little), or was blank last year; a blank this year is 392a's finding.
    func firstEpisodeDistanceDiffersFromLastYear() -> [SSDA903RowReference] {
        guard let now = placements?.distance, let before = lastYearPlacements?.distance else { return [] }
        return firstEpisodesAgainstLastYearsOpenEpisode { first, open in
            guard let distance = now[first] else { return false }
            return before[open].map { abs($0 - distance) > 2 } ?? true
        }
    }
}

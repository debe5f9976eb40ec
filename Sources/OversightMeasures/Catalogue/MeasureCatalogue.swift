/// Every measure Oversight computes, in the order of kpis.md §3.
public enum MeasureCatalogue {
    public static let all: [MeasureDefinition] = frontDoor + childProtection + lookedAfter + careLeavers + workforce + reviewsAndSEND

    private static let byID: [String: MeasureDefinition] = Dictionary(uniqueKeysWithValues: all.map { ($0.id.uppercased(), $0) })

    /// The measure with this id, in any letter case.
    public static func measure(_ id: String) -> MeasureDefinition? { byID[id.uppercased()] }
}

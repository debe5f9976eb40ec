import Foundation
import OversightCore

/// How one council's case system words the values that returns want as DfE codes.
///
/// SystemC exports descriptions ("Full care order") where the SSD specifies codes (`C2`); Mosaic
/// exports codes; councils rename things. A value is read as, in order: a code; a leading code
/// token ("C2 - Full care order"); a description this mapping knows. Anything else is an error
/// that names the value, so a council adds it to its mapping file rather than losing the row.
public struct ValueMapping: Sendable, Equatable {
    /// Normalised description → code, per code list name (`LegalStatus`, `ReasonNewEpisode`, …).
    public var descriptions: [String: [String: String]]
    /// The `invo_professional_role_id` codes that mean "allocated social worker".
    public var allocatedWorkerRoles: Set<InvolvementRole>

    /// A mapping target that marks a value as recognised but outside what Oversight stores,
    /// e.g. a special guardianship order in the legal-status table, which is not a looked-after status.
    public static let notApplicable = "-"

    public init(descriptions: [String: [String: String]], allocatedWorkerRoles: Set<InvolvementRole>) {
        self.descriptions = descriptions
        self.allocatedWorkerRoles = allocatedWorkerRoles
    }

    /// The mapping that ships: every code's DfE label, the SystemC wordings seen in extracts, and `CW`
    /// as the allocated-worker role.
    public static let standard: ValueMapping = {
        var descriptions: [String: [String: String]] = [:]
        func add<C: CodeList>(_ type: C.Type, extra: [String: String] = [:]) {
            var table: [String: String] = [:]
            for value in C.allCases { table[normalise(value.label)] = value.rawValue }
            for (text, code) in extra { table[normalise(text)] = code }
            descriptions[C.listName] = table
        }
        add(LegalStatus.self, extra: [
            "Interim Care Order": "C1", "Full Care Order": "C2", "Care Order": "C2", "Placement Order": "E1",
            "Section 20": "V2", "Accommodated under section 20": "V2", "Police Protection": "L1",
            "Emergency Protection Order": "L2", "Remanded to local authority accommodation": "J1",
            "Special Guardianship Order": notApplicable, "Child Arrangements Order": notApplicable,
            "Residence Order": notApplicable, "Private Fostering": notApplicable, "Adoption Order": notApplicable,
        ])
        add(ReasonNewEpisode.self, extra: [
            "Started to be looked after": "S", "Change of legal status only": "L",
        ])
        add(ReasonEpisodeCeased.self, extra: [
            "New episode": "X1", "Adopted": "E11", "Returned home": "E4A", "Special guardianship order": "E48",
        ])
        add(CategoryOfAbuse.self, extra: ["Multiple": "MUL"])
        add(CareLeaverAccommodation.self)
        add(CareLeaverActivity.self)
        add(CareLeaverContact.self, extra: ["Yes": "YES", "No": "NO"])
        add(PlacementType.self)
        add(PlacementProvider.self)
        add(ReferralSource.self)
        add(CategoryOfNeed.self)
        add(ClosureReason.self)
        add(ReasonPlacementChange.self)
        add(ReviewParticipation.self)
        add(MissingType.self, extra: ["Missing": "M", "Away": "A", "Absent": "A", "Away from placement": "A"])
        add(WorkerChangeReason.self)
        // The SSD spec spells Chinese CNHE; the returns use CHNE.
        add(Ethnicity.self, extra: ["CNHE": "CHNE"])
        add(Sex.self, extra: ["Male": "M", "Female": "F", "Unknown": "U", "Indeterminate": "U", "I": "U"])
        return ValueMapping(descriptions: descriptions, allocatedWorkerRoles: ["CW"])
    }()

    /// Reads a council's mapping file and lays it over `standard`.
    ///
    /// The file is JSON: `{"allocatedWorkerRoles": ["CW"], "values": {"LegalStatus": {"Care order (s31)": "C2"}}}`.
    /// Codes are checked against their lists when the file is read, so a typo fails at once.
    /// - Throws: `InterchangeError.invalidValue` naming the list and description.
    public static func load(path: String) throws(InterchangeError) -> ValueMapping {
        struct File: Decodable {
            var allocatedWorkerRoles: [String]?
            var values: [String: [String: String]]?
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .cannotRead(path: path, reason: error.localizedDescription)
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw .invalidValue(path, reason: "is not a mapping file: \(error)", at: SourceLocation(file: path, line: 0))
        }
        var mapping = standard
        if let roles = file.allocatedWorkerRoles { mapping.allocatedWorkerRoles = Set(roles.map { InvolvementRole($0) }) }
        for (list, entries) in file.values ?? [:] {
            guard let valid = validCodes[list] else {
                throw .invalidValue(list, reason: "is not a code list Oversight maps (known: \(validCodes.keys.sorted().joined(separator: ", ")))",
                                    at: SourceLocation(file: path, line: 0, field: "values"))
            }
            for (text, code) in entries {
                guard code == notApplicable || valid.contains(code) else {
                    throw .invalidValue(code, reason: "is not a \(list) code (mapped from '\(text)')",
                                        at: SourceLocation(file: path, line: 0, field: "values.\(list)"))
                }
                mapping.descriptions[list, default: [:]][normalise(text)] = code
            }
        }
        return mapping
    }

    /// The mapping as the JSON a council edits: `oversight mapping` prints it.
    public func jsonText() -> String {
        let object: [String: Any] = [
            "allocatedWorkerRoles": allocatedWorkerRoles.map(\.code).sorted(),
            "values": descriptions,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static let validCodes: [String: Set<String>] = {
        func codes<C: CodeList>(_ type: C.Type) -> (String, Set<String>) { (C.listName, Set(C.allCases.map(\.rawValue))) }
        return Dictionary(uniqueKeysWithValues: [
            codes(LegalStatus.self), codes(ReasonNewEpisode.self), codes(ReasonEpisodeCeased.self), codes(CategoryOfAbuse.self),
            codes(CareLeaverAccommodation.self), codes(CareLeaverActivity.self), codes(CareLeaverContact.self),
            codes(PlacementType.self), codes(PlacementProvider.self), codes(ReferralSource.self), codes(CategoryOfNeed.self),
            codes(ClosureReason.self), codes(ReasonPlacementChange.self), codes(ReviewParticipation.self),
            codes(MissingType.self), codes(WorkerChangeReason.self), codes(Ethnicity.self), codes(Sex.self),
        ])
    }()

    /// Case, spacing and punctuation vary between extracts of the same wording
    /// ("Training or employment: full time", "training or employment, full time").
    public static func normalise(_ text: some StringProtocol) -> String {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    /// The outcome of reading one coded value.
    public enum Resolution<C: CodeList>: Equatable {
        case code(C)
        case notApplicable
        case unknown
    }

    /// Reads a value of code list `C` from a code, a leading code token, or a mapped description.
    public func resolve<C: CodeList>(_ text: String, as type: C.Type) -> Resolution<C> {
        if let code = C(code: text) { return .code(code) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let separator = trimmed.firstIndex(where: { $0 == " " || $0 == "-" || $0 == ":" }),
            let code = C(code: trimmed[..<separator])
        {
            return .code(code)
        }
        let key = Self.normalise(trimmed)
        if let mapped = descriptions[C.listName]?[key] ?? (key.hasPrefix("multiple") ? descriptions[C.listName]?["multiple"] : nil) {
            if mapped == Self.notApplicable { return .notApplicable }
            if let code = C(rawValue: mapped) { return .code(code) }
        }
        return .unknown
    }
}

import OversightCore

/// The ways SystemC extracts write values, quirks included (ssd.md §2.1), so an importer meets here
/// what it will meet in a council's files.
struct SystemCText {
    var rng: SeededGenerator

    /// A coded value as councils' extracts write it: usually the description, sometimes "code - label",
    /// sometimes the bare code, because each council's lookup tables differ.
    mutating func coded<Code: CodeList>(_ code: Code) -> String {
        let u = rng.unit()
        if u < 0.8 { return code.label }
        if u < 0.9 { return code.rawValue + " - " + code.label }
        return code.rawValue
    }

    mutating func yesNo(_ value: Bool) -> Cell { .text(value ? "Y" : "N") }

    /// An optional worker reference: a few carry the CMS's "-1" for "none" that the SQL did not null.
    mutating func workerReference(_ value: String?) -> Cell {
        if rng.chance(0.004) { return .text("-1") }
        return value.map(Cell.text) ?? .empty
    }

    /// Optional free text: a few rows hold the SSD's `PLACEHOLDER_DATA` or nothing at all.
    mutating func optionalText(_ value: String) -> Cell {
        let u = rng.unit()
        if u < 0.004 { return .text("PLACEHOLDER_DATA") }
        if u < 0.008 { return .empty }
        return .text(value)
    }

    /// A `*_outcome_json` value built the way SystemC's pre-2016 SQL concatenates it, without escaping.
    ///
    /// About one in a hundred carries a comment with a bare quote or a line break, which makes the JSON
    /// invalid exactly as real extracts do; that is always present, not injected dirt.
    mutating func outcomeJSON(
        flags: [(String, Bool?)], countKey: String, commentKey: String = "COMMENTS"
    ) -> Cell {
        var text = "{"
        text.reserveCapacity(480)
        var count = 0
        var known = true
        for (key, value) in flags {
            text.append("\"")
            text.append(key)
            switch value {
            case .some(true):
                text.append("\": \"Y\", ")
                count += 1
            case .some(false): text.append("\": \"N\", ")
            case .none:
                text.append("\": \"\", ")
                known = false
            }
        }
        text.append("\"")
        text.append(countKey)
        text.append("\": ")
        text.append(known ? String(count) : "null")
        text.append(", \"")
        text.append(commentKey)
        text.append("\": \"")
        let u = rng.unit()
        if u < 0.005 {
            text.append(rng.element(of: Self.quotedComments))
        } else if u < 0.01 {
            text.append(rng.element(of: Self.comments))
            text.append("\n")
            text.append(rng.element(of: Self.comments))
        } else if u >= 0.45 {
            text.append(rng.element(of: Self.comments))
        }
        text.append("\"}")
        return .multiline(text)
    }

    static let comments = [
        "Strategy discussion held with police and health.", "Family known to early help.",
        "Parents engaged with the assessment.", "Concerns about home conditions.", "School raised attendance concerns.",
        "Advice given to referrer.", "Checks completed with partner agencies.", "Case discussed with team manager.",
        "Child seen at school.", "Mother declined support at this time.", "Agreed with family to review in 3 months.",
    ]
    static let quotedComments = [
        "Mum said \"she would engage\" with the plan.", "Child described home as \"fine\".",
        "Referrer reported \"shouting most nights\".", "Dad stated \"no further contact\".",
    ]
}

extension Double {
    /// One decimal place without Foundation, as SQL `float` distances print (e.g. `12.5`, `999.9`).
    var oneDecimal: String {
        let tenths = Int((self * 10).rounded())
        return String(tenths / 10) + "." + String(tenths % 10)
    }
}

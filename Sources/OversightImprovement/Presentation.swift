import Foundation
import OversightCore
import OversightMeasures

// How Oversight writes figures, dates and charts, on pages and in the board pack alike.

/// How figures are written on pages.
public enum Figures {
    public static func value(_ value: Double?, unit: MeasureUnit, decimals: Int = 1) -> String {
        guard let value else { return "–" }
        switch unit {
        case .percentage: return String(format: "%.\(decimals)f%%", value)
        case .ratePer10000: return String(format: "%.1f", value)
        case .meanDays: return "\(Int(value.rounded())) days"
        case .average: return String(format: "%.1f", value)
        case .count: return value == value.rounded() ? Int(value).formatted : String(format: "%.1f", value)
        }
    }

    public static func count(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value == value.rounded() ? Int(value).formatted : String(format: "%.1f", value)
    }

    /// "22 Nov 2026".
    public static func date(_ date: LocalDate?) -> String {
        guard let date else { return "" }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// The tag colour for a RAG rating; grey when not yet rated.
    public static func colour(_ rag: RAG?) -> String {
        switch rag {
        case .red: "red"
        case .amber: "amber"
        case .green: "green"
        case .blue: "blue"
        case nil: "grey"
        }
    }

    public static func period(_ period: ReportingPeriod) -> String {
        switch period {
        case .rolling(let months, let end): "The \(months) months to \(date(end))"
        case .financialYear(let year): "Financial year \(period) (April \(year) to March \(year + 1))"
        default: "\(date(period.start)) to \(date(period.end))"
        }
    }
}

/// Small inline SVG charts, drawn from numbers only.
public enum Charts {
    public static func sparkline(_ values: [Double?], width: Int = 120, height: Int = 28) -> String {
        let points = plot(values, width: Double(width), height: Double(height), padding: 2)
        return """
            <svg class="spark" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-label="Trend over 12 months"><polyline fill="none" stroke="#1d70b8" stroke-width="2" points="\(points)"/></svg>
            """
    }

    public static func line(_ values: [Double?], labels: [String], width: Int = 720, height: Int = 220) -> String {
        let points = plot(values, width: Double(width), height: Double(height - 30), padding: 10)
        let known = values.compactMap { $0 }
        let low = known.min() ?? 0, high = known.max() ?? 0
        let first = labels.first ?? "", last = labels.last ?? ""
        return """
            <svg class="chart" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-label="Monthly trend from \(first) to \(last), ranging \(String(format: "%.1f", low)) to \(String(format: "%.1f", high))"><rect x="0" y="0" width="\(width)" height="\(height - 30)" fill="#f3f2f1"/><polyline fill="none" stroke="#1d70b8" stroke-width="3" points="\(points)"/><text x="0" y="\(height - 8)" font-size="14" fill="#0b0c0c">\(first)</text><text x="\(width)" y="\(height - 8)" font-size="14" text-anchor="end" fill="#0b0c0c">\(last)</text></svg>
            """
    }

    private static func plot(_ values: [Double?], width: Double, height: Double, padding: Double) -> String {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max(), values.count > 1 else { return "" }
        let span = high - low == 0 ? 1 : high - low
        return values.enumerated().compactMap { index, value -> String? in
            guard let value else { return nil }
            let x = padding + (width - 2 * padding) * Double(index) / Double(values.count - 1)
            let y = padding + (height - 2 * padding) * (1 - (value - low) / span)
            return String(format: "%.1f,%.1f", x, y)
        }.joined(separator: " ")
    }
}

extension Int {
    /// Thousands separated with commas, as the DfE publishes counts.
    public var formatted: String {
        let digits = String(abs(self))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (self < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}

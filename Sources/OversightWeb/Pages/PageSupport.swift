import Foundation
import Hummingbird
import OversightCore
import Mustache
import OversightMeasures

/// The header, navigation and banner every page shares.
struct Chrome {
    struct NavLink { var href: String; var label: String; var current: Bool }
    var authorityName: String
    var signedIn: Bool
    var userName: String
    var roleTitle: String
    var csrf: String
    var nav: [NavLink]

    init(authorityName: String, user: UserAccount?, csrf: String?, path: String) {
        self.authorityName = authorityName
        signedIn = user != nil
        userName = user?.displayName ?? ""
        roleTitle = user?.role.title ?? ""
        self.csrf = csrf ?? ""
        var links: [(String, String)] = [("/", "Dashboard"), ("/measures", "Measures"), ("/caseload/weekly", "Caseloads"), ("/plans", "Plans")]
        if let team = user?.teamID, user?.role.seesChildLevelData == true { links.append(("/teams/\(team)", "My team")) }
        if user?.role == .inspector { links.append(("/inspection/lists", "Annex A lists")) }
        if let role = user?.role, ImportPages.mayImport(role) { links.append(("/imports", "Imports")) }
        if user?.role.mayReadAccessLog == true { links.append(("/admin/access-log", "Access log")) }
        if user?.role.mayAdminister == true { links.append(("/admin", "Users")) }
        nav = links.map { NavLink(href: $0.0, label: $0.1, current: $0.0 == path || ($0.0 != "/" && $0.0 != "/admin" && path.hasPrefix($0.0))) }
    }
}

/// A rendered page: `Page(template:, model:)` with the model's `chrome` set.
struct HTMLPage: ResponseGenerator {
    var html: String
    var status: HTTPResponse.Status = .ok

    init(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) {
        html = Templates.library.render(model, withTemplate: template) ?? "template \(template) is missing"
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8",
                // Pages name children: never cache them in shared or browser caches.
                .cacheControl: "no-store",
                .init("X-Content-Type-Options")!: "nosniff",
                .init("Referrer-Policy")!: "same-origin",
                .init("Content-Security-Policy")!: "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// A refusal or a missing page, rendered in the layout.
struct ErrorPage {
    var chrome: Chrome
    var heading: String
    var message: String
}

/// How figures are written on pages.
enum Figures {
    static func value(_ value: Double?, unit: MeasureUnit, decimals: Int = 1) -> String {
        guard let value else { return "–" }
        switch unit {
        case .percentage: return String(format: "%.\(decimals)f%%", value)
        case .ratePer10000: return String(format: "%.1f", value)
        case .meanDays: return "\(Int(value.rounded())) days"
        case .average: return String(format: "%.1f", value)
        case .count: return value == value.rounded() ? Int(value).formatted : String(format: "%.1f", value)
        }
    }

    static func count(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value == value.rounded() ? Int(value).formatted : String(format: "%.1f", value)
    }

    /// "22 Nov 2026".
    static func date(_ date: LocalDate?) -> String {
        guard let date else { return "" }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    static func period(_ period: ReportingPeriod) -> String {
        switch period {
        case .rolling(let months, let end): "The \(months) months to \(date(end))"
        case .financialYear(let year): "Financial year \(period) (April \(year) to March \(year + 1))"
        default: "\(date(period.start)) to \(date(period.end))"
        }
    }
}

/// Small inline SVG charts, drawn from numbers only.
enum Charts {
    static func sparkline(_ values: [Double?], width: Int = 120, height: Int = 28) -> String {
        let points = plot(values, width: Double(width), height: Double(height), padding: 2)
        return """
            <svg class="spark" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-label="Trend over 12 months"><polyline fill="none" stroke="#1d70b8" stroke-width="2" points="\(points)"/></svg>
            """
    }

    static func line(_ values: [Double?], labels: [String], width: Int = 720, height: Int = 220) -> String {
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

// Every page's frame (the layout) renders on every request, so its models name their fields for
// Mustache directly rather than through `Mirror`, which was most of a cached page's cost.
extension Chrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "authorityName": authorityName
        case "signedIn": signedIn
        case "userName": userName
        case "roleTitle": roleTitle
        case "csrf": csrf
        case "nav": nav
        default: nil
        }
    }
}

extension Chrome.NavLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        case "current": current
        default: nil
        }
    }
}

extension MeasurePages.Dashboard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "body": body
        default: nil
        }
    }
}

extension MeasurePages.MeasureShell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "heading": heading
        case "body": body
        default: nil
        }
    }
}

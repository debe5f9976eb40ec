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
        links += TrackerPages.navLinks
        if let team = user?.teamID, team != LADOAccessPolicy.defaultTeamID, user?.role.seesChildLevelData == true { links.append(("/teams/\(team)", "My team")) }
        if user?.role == .inspector { links.append(("/inspection/lists", "Annex A lists")) }
        if user != nil { links += [("/escalations", "Escalations"), ("/send", "SEND")] }
        if let role = user?.role, ImportPages.mayImport(role) { links.append(("/imports", "Imports")) }
        if let role = user?.role, AuditPages.mayList(role) { links.append(("/audits", "Audits")) }
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

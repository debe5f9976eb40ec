/// A team or department (SSD `ssd_department`).
public struct Team: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Team>
    public var name: String
    /// The source's parent reference; not a reliable tree in SystemC extracts, so kept as text.
    public var parentReference: String?
    public var parentName: String?

    public init(id: Identifier<Team>, name: String, parentReference: String? = nil, parentName: String? = nil) {
        self.id = id
        self.name = name
        self.parentReference = parentReference
        self.parentName = parentName
    }
}

/// A professional known to the case management system: social worker, manager, IRO, personal adviser.
public struct Worker: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Worker>
    public var staffID: String?
    public var name: String?
    public var registrationNumber: String?
    public var isAgency: Bool?
    public var jobTitle: String?
    /// The team name the CMS reports today; team history lives in involvements.
    public var currentTeamName: String?
    public var fullTimeEquivalent: Double?

    public init(
        id: Identifier<Worker>, staffID: String? = nil, name: String? = nil, registrationNumber: String? = nil,
        isAgency: Bool? = nil, jobTitle: String? = nil, currentTeamName: String? = nil, fullTimeEquivalent: Double? = nil
    ) {
        self.id = id
        self.staffID = staffID
        self.name = name
        self.registrationNumber = registrationNumber
        self.isAgency = isAgency
        self.jobTitle = jobTitle
        self.currentTeamName = currentTeamName
        self.fullTimeEquivalent = fullTimeEquivalent
    }
}

/// The CMS code of an involvement's role. Each CMS and council has its own vocabulary, so this is
/// text rather than a closed list; which codes mean "allocated social worker" is configuration.
public struct InvolvementRole: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var code: String
    public init(_ code: String) { self.code = code.trimmingCharacters(in: .whitespaces).uppercased() }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { code }

    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// Which worker or team holds which child, from when to when, in which role.
public struct Involvement: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Involvement>
    public var childID: Identifier<Child>
    public var workerID: Identifier<Worker>?
    public var teamID: Identifier<Team>?
    public var role: InvolvementRole
    public var start: LocalDate
    public var end: LocalDate?
    public var changeReason: WorkerChangeReason?
    public var referralID: Identifier<ChildInNeedEpisode>?

    public init(
        id: Identifier<Involvement>, childID: Identifier<Child>, workerID: Identifier<Worker>? = nil,
        teamID: Identifier<Team>? = nil, role: InvolvementRole, start: LocalDate, end: LocalDate? = nil,
        changeReason: WorkerChangeReason? = nil, referralID: Identifier<ChildInNeedEpisode>? = nil
    ) {
        self.id = id
        self.childID = childID
        self.workerID = workerID
        self.teamID = teamID
        self.role = role
        self.start = start
        self.end = end
        self.changeReason = changeReason
        self.referralID = referralID
    }

    /// An allocation counts on every day from its start to its end inclusive.
    public var interval: DateInterval { DateInterval(start: start, end: end) }
}

import Foundation

/// A child (or young person, or unborn child) known to children's social care.
///
/// Named after the SSD's person table and the returns' child module: one record per child, whatever
/// the number of episodes. An unborn child has no date of birth but an expected one.
public struct Child: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Child>
    public var forename: String?
    public var surname: String?
    public var sex: Sex?
    public var ethnicity: Ethnicity?
    public var dateOfBirth: LocalDate?
    public var expectedDateOfBirth: LocalDate?
    public var dateOfDeath: LocalDate?
    /// Unique Pupil Number, or the reason it is unknown (UN1–UN5) in `upnUnknownReason`.
    public var upn: String?
    public var upnUnknownReason: String?
    public var legacyID: String?
    /// Whether a looked-after young woman is a mother (SSDA903 `MOTHER`), and her child's date of birth (`MC_DOB`).
    public var isMother: Bool?
    public var motherChildDateOfBirth: LocalDate?
    /// A UPN the child held before (CIN census `FormerUPN`), so their school records can still be matched.
    public var formerUPN: String?
    /// CIN census `Disabilities`: `[.none]` when the child has none, empty when nothing is recorded.
    public var disabilities: [Disability]

    public init(
        id: Identifier<Child>, forename: String? = nil, surname: String? = nil, sex: Sex? = nil,
        ethnicity: Ethnicity? = nil, dateOfBirth: LocalDate? = nil, expectedDateOfBirth: LocalDate? = nil,
        dateOfDeath: LocalDate? = nil, upn: String? = nil, upnUnknownReason: String? = nil, legacyID: String? = nil,
        isMother: Bool? = nil, motherChildDateOfBirth: LocalDate? = nil, formerUPN: String? = nil, disabilities: [Disability] = []
    ) {
        self.id = id
        self.forename = forename
        self.surname = surname
        self.sex = sex
        self.ethnicity = ethnicity
        self.dateOfBirth = dateOfBirth
        self.expectedDateOfBirth = expectedDateOfBirth
        self.dateOfDeath = dateOfDeath
        self.upn = upn
        self.upnUnknownReason = upnUnknownReason
        self.legacyID = legacyID
        self.isMother = isMother
        self.motherChildDateOfBirth = motherChildDateOfBirth
        self.formerUPN = formerUPN
        self.disabilities = disabilities
    }

    /// Unborn on `date`: no recorded birth, and an expected birth still to come.
    public func isUnborn(on date: LocalDate) -> Bool {
        dateOfBirth == nil && (expectedDateOfBirth.map { $0 > date } ?? false)
    }

    /// Age in whole years on `date`; `nil` when neither a birth nor an expected birth date is known.
    public func age(on date: LocalDate) -> Int? {
        guard let born = dateOfBirth ?? expectedDateOfBirth else { return nil }
        return max(0, born.age(on: date))
    }
}

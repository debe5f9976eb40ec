import Foundation
import OversightCore
import Testing

@testable import OversightInterchange

@Suite("Ofsted provider lists (903 --reference)")
struct SSDA903OfstedProvidersTests {
    /// The children's homes sheet as Ofsted heads it, with columns the rules do not read, saved from Excel with a BOM.
    static let homes = """
        \u{FEFF}URN,Setting Name,Local Authority,Provider Code,Provider Placement Code,Registration Date,Closed Date,Setting Postcode
        SC100001,Elm House,Richmond upon Thames,K2,PR4/PR5,01/01/2015,,TW9 1AA
        sc100002,Oak House,Richmond upon Thames,K1,PR1,01/01/2015,01/09/2024,tw9 2bb
        ,,,,,,,

        """
    static let current = """
        URN,Provider type,Local authority,Placement code,Placement provider code,Setting postcode
        1234567,Independent fostering agency,Westminster,"U1,U2,U3,U4,U5,U6",PR4,SW1A 2AA

        """
    static let closed = """
        URN,Local authority,Placement code,Placement provider code,Deregistration date,Setting postcode
        SC200001,Westminster,A3/A4,PR5,2024-06-30 00:00:00,SW1A 0AA

        """

    static func folder(homes: String? = Self.homes, current: String? = Self.current, closed: String? = Self.closed) -> String {
        let directory = temporaryDirectory()
        for (text, list) in [(homes, SSDA903OfstedProviders.ListFile.childrensHomes), (current, .socialCareProviders), (closed, .closedSocialCareProviders)] {
            if let text { write(text, to: directory + "/" + list.fileName) }
        }
        return directory
    }

    @Test("Ofsted's headings in any case and order, extra columns ignored; codes split on / and commas; both date forms; blank rows skipped")
    func readsTheThreeSheets() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let providers = try #require(try SSDA903OfstedProviders.load(directory: directory))
        #expect(providers.count == 4)
        let home = try #require(providers["SC100001"])
        #expect(home.list == .childrensHomes)
        #expect(home.placementCodes == ["K2"] && home.providerCodes == ["PR4", "PR5"])
        #expect(home.closed == nil && home.localAuthority == "Richmond upon Thames" && home.postcode == "TW9 1AA")
        let closedHome = try #require(providers["SC100002"], "URNs are upper-cased as the return's are")
        #expect(closedHome.closed == d("2024-09-01") && closedHome.postcode == "TW9 2BB")
        #expect(providers["1234567"]?.placementCodes == ["U1", "U2", "U3", "U4", "U5", "U6"])
        #expect(providers["SC200001"]?.closed == d("2024-06-30") && providers["SC200001"]?.list == .closedSocialCareProviders)
        #expect(SSDA903OfstedProviders.comparablePostcode("sw1a 2aa") == "SW1A2AA")
    }

    @Test("A bad row is an error naming the file, line and column", arguments: [
        ("SC100003,X,Richmond upon Thames,K2,PR4,,31/02/2024,TW9 1AA", "ofsted-childrens-homes.csv:4: Closed Date: '31/02/2024' is not a date"),
        ("SC100003,X,Richmond upon Thames,K2,P4,,,TW9 1AA", "ofsted-childrens-homes.csv:4: Provider Placement Code: 'P4' is not a list of 903 codes"),
        ("SC100003,X,Richmond upon Thames,Home,PR4,,,TW9 1AA", "ofsted-childrens-homes.csv:4: Provider Code: 'Home'"),
        (",X,Richmond upon Thames,K2,PR4,,,TW9 1AA", "ofsted-childrens-homes.csv:4: URN: '' is blank"),
        ("SC100003,X,Richmond upon Thames,K2,PR4", "ofsted-childrens-homes.csv:4: 'SC100003,X,Richmond upon Thames,K2,PR4' has 5 fields where the header has 8"),
    ])
    func badRow(row: String, message: String) {
        let lines = Self.homes.components(separatedBy: "\n")
        let directory = Self.folder(homes: (lines.prefix(3) + [row, ""]).joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            _ = try SSDA903OfstedProviders.load(directory: directory)
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test("A list without a column the rules read names the column")
    func missingColumn() {
        let directory = Self.folder(current: "URN,Local authority,Placement code,Setting postcode\n1234567,Westminster,U1,SW1A 2AA\n")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            _ = try SSDA903OfstedProviders.load(directory: directory)
        } throws: { error in
            "\(error)" == "ofsted-social-care-providers.csv:1: required column 'Placement provider code' is missing from the header"
        }
    }

    @Test("No lists in the folder is nil (the rules are skipped); one list without the other is an error; the closed sheet is optional")
    func whichFilesArePresent() throws {
        let empty = Self.folder(homes: nil, current: nil, closed: nil)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(try SSDA903OfstedProviders.load(directory: empty) == nil)

        let homesOnly = Self.folder(current: nil, closed: nil)
        defer { try? FileManager.default.removeItem(atPath: homesOnly) }
        #expect {
            _ = try SSDA903OfstedProviders.load(directory: homesOnly)
        } throws: { error in
            "\(error)".contains("ofsted-social-care-providers.csv: cannot be read: no such file; the URN rules need both Ofsted lists")
        }

        let noClosed = Self.folder(closed: nil)
        defer { try? FileManager.default.removeItem(atPath: noClosed) }
        #expect(try SSDA903OfstedProviders.load(directory: noClosed)?.count == 3)
        #expect(throws: InterchangeError.notADirectory(path: noClosed + "/none")) { try SSDA903OfstedProviders.load(directory: noClosed + "/none") }
    }

    @Test("A provider on two lists is merged: either row's codes count, and it is closed only if both say so")
    func merged() {
        let providers = SSDA903OfstedProviders([
            .init(urn: "SC1", list: .childrensHomes, localAuthority: "A", placementCodes: ["K2"], providerCodes: ["PR4"], closed: d("2024-06-01"), postcode: "TW9 1AA"),
            .init(urn: "SC1", list: .socialCareProviders, localAuthority: "B", placementCodes: ["K1"], providerCodes: ["PR5"], closed: nil, postcode: nil),
        ])
        #expect(providers.count == 1)
        #expect(providers["SC1"]?.placementCodes == ["K1", "K2"] && providers["SC1"]?.providerCodes == ["PR4", "PR5"])
        #expect(providers["SC1"]?.closed == nil && providers["SC1"]?.localAuthority == "A")
    }

    @Test("What write(to:) writes, load(directory:) reads back the same, closed social care providers on their own sheet")
    func roundTrip() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let providers = try #require(try SSDA903OfstedProviders.load(directory: directory))
        let copy = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try providers.write(to: copy)
        let again = try #require(try SSDA903OfstedProviders.load(directory: copy))
        #expect(again.providers == providers.providers)
        let closedSheet = try String(contentsOfFile: copy + "/ofsted-social-care-providers-closed.csv", encoding: .utf8)
        #expect(closedSheet.contains("SC200001,Westminster,\"A3,A4\",PR5,SW1A 0AA,30/06/2024"))
    }
}

import Foundation
import Hummingbird
import MultipartKit
import OversightCore
import OversightImprovement
import OversightInterchange
import OversightStorage
import OversightValidation
import Synchronization

/// Uploading an SSD extract, a CIN census or an SSDA903 return from the browser, with progress while it imports and
/// a report after: the same imports as `oversight import ssd|cin|903`, all or nothing.
///
/// The upload streams to a temporary folder part by part, so a large extract never sits in memory; the
/// import runs as a background job and its page refreshes itself until the job ends (no JavaScript).
struct ImportPages {
    let services: WebServices

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/imports") { request, context in try index(request, context) }
        router.post("/imports") { request, context in try await upload(request, context) }
        router.get("/imports/jobs/{id}") { request, context in try job(request, context) }
    }

    /// Who may replace the authority's data: the people accountable for it.
    static func mayImport(_ role: Role) -> Bool { role == .director || role == .performanceAnalyst }

    struct ExtractRow { var kind, source, importedAt: String; var rowsRead, rowsRejected: String }
    struct YearOption { var value: Int; var label: String; var selected: Bool }
    struct IndexModel { var chrome: Chrome; var csrf: String; var extracts: [ExtractRow]; var jobs: [JobRow]; var years: [YearOption] }
    struct JobRow { var id, state, started: String }

    private func importer(_ context: OversightRequestContext) throws -> UserAccount {
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        guard Self.mayImport(user.role) else {
            throw HTTPError(.forbidden, message: "Only a director or a performance analyst can import data.")
        }
        return user
    }

    private func index(_ request: Request, _ context: OversightRequestContext) throws -> HTMLPage {
        let user = try importer(context)
        let extracts = try services.store.fetchExtracts().reversed().map {
            ExtractRow(kind: $0.kind.uppercased(), source: $0.source, importedAt: OverviewPage.readable($0.importedAt),
                       rowsRead: $0.rowsRead.formatted, rowsRejected: $0.rowsRejected.formatted)
        }
        return HTMLPage("imports", IndexModel(
            chrome: Chrome(authorityName: services.configuration.authorityName, user: user, csrf: context.session?.csrfToken, path: "/imports"),
            csrf: context.session?.csrfToken ?? "", extracts: extracts,
            jobs: services.imports.all().map { JobRow(id: $0.id, state: $0.state.summary, started: $0.startedAt) },
            years: ImportJobs.years.reversed().map {
                YearOption(value: $0, label: "\($0 - 1)/\(String($0 % 100))", selected: $0 == ImportJobs.defaultYear)
            }))
    }

    private func upload(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        let user = try importer(context)
        guard let session = context.session else { throw HTTPError(.forbidden, message: "Sign in to import.") }
        let folder = NSTemporaryDirectory() + "oversight-upload-" + Secrets.token().prefix(16)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let kind: ImportJobs.Kind
        let year: Int
        do {
            let (files, fields) = try await Self.receive(request, into: folder, csrf: session.csrfToken)
            year = fields["year"].flatMap(Int.init) ?? ImportJobs.defaultYear
            guard !files.isEmpty else {
                throw HTTPError(.badRequest, message: "Choose the extract's ssd_*.csv files, a CIN census .xml file or the 903 return's CSV files to upload.")
            }
            kind = try ImportJobs.Kind(files: files, in: folder)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
        let id = services.imports.start(kind, year: year, folder: folder, by: user, store: services.store, now: services.now)
        return .redirect(to: "/imports/jobs/\(id)", type: .normal)
    }

    /// Streams a multipart body into `folder`, one file per part, and returns the files' names and the form's other
    /// fields. The first part must be the form's CSRF token: nothing is written before the request is known to come
    /// from Oversight's own form.
    static func receive(_ request: Request, into folder: String, csrf: String) async throws -> (files: [String], fields: [String: String]) {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = contentType.components(separatedBy: "boundary=").last?.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        else { throw HTTPError(.badRequest, message: "The upload must be sent from the import form (multipart/form-data).") }
        let parser = MultipartParser(boundary: boundary)
        final class Part {
            var name = "", filename: String?, value = Data()
            var handle: FileHandle?
        }
        var current = Part()
        var files: [String] = []
        var fields: [String: String] = [:]
        var sawToken = false
        var failure: (any Error)?
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition" else { return }
            for item in value.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if item.hasPrefix("name=") { current.name = item.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                if item.hasPrefix("filename=") { current.filename = item.dropFirst(9).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            }
        }
        parser.onBody = { buffer in
            guard failure == nil else { return }
            if current.filename == nil {
                current.value.append(contentsOf: buffer.readableBytesView)
                return
            }
            guard sawToken else {
                failure = HTTPError(.forbidden, message: "This form has expired or did not come from Oversight. Reload the page and try again.")
                return
            }
            if current.handle == nil {
                // Only the file's own name, and only CSV or XML files: a crafted name must not reach another folder.
                let name = (current.filename ?? "").split(separator: "/").last.map(String.init)?.split(separator: "\\").last.map(String.init) ?? ""
                let lower = name.lowercased()
                guard lower.hasSuffix(".csv") || lower.hasSuffix(".xml"), !name.hasPrefix("."), !name.isEmpty else {
                    failure = HTTPError(
                        .badRequest, message: "'\(current.filename ?? "")' is not a CSV or XML file; upload the extract's ssd_*.csv files, a CIN census .xml or a 903 return's CSV files.")
                    return
                }
                let path = folder + "/" + name
                FileManager.default.createFile(atPath: path, contents: nil)
                current.handle = FileHandle(forWritingAtPath: path)
                files.append(name)
            }
            current.handle?.write(Data(buffer.readableBytesView))
        }
        parser.onPartComplete = {
            if current.filename == nil, current.name == "csrf" {
                sawToken = String(decoding: current.value, as: UTF8.self) == csrf
                if !sawToken { failure = HTTPError(.forbidden, message: "This form has expired or did not come from Oversight. Reload the page and try again.") }
            } else if current.filename == nil, sawToken {
                fields[current.name] = String(decoding: current.value.prefix(100), as: UTF8.self)
            }
            try? current.handle?.close()
            current = Part()
        }
        for try await buffer in request.body {
            try parser.execute(buffer)
            if let failure { throw failure }
        }
        if let failure { throw failure }
        guard sawToken else { throw HTTPError(.forbidden, message: "This form has expired or did not come from Oversight. Reload the page and try again.") }
        return (files, fields)
    }

    struct TableRow { var table: String; var read, stored, rejected, notApplicable: String }
    struct RejectionRow { var file: String; var line: Int; var field, value, reason: String }
    struct JobModel {
        var chrome: Chrome
        var id, started, state: String
        var running, succeeded, failed: Bool
        var table: String
        var percent: Int
        var error: String?
        var tables: [TableRow]
        var rejections: [RejectionRow]
        var rejectionCount: String
        var ignored: String?
        /// For a census or a 903 return: what was stored, and the DfE rules the file fails.
        var returnImported: String? = nil
        var rulesSummary: String? = nil
        var failedRules: [FailedRuleRow] = []
    }
    struct FailedRuleRow { var code, kind, message, rows, children: String }

    private func job(_ request: Request, _ context: OversightRequestContext) throws -> HTMLPage {
        let user = try importer(context)
        let id = try context.parameters.require("id")
        guard let job = services.imports.job(id) else { throw HTTPError(.notFound, message: "There is no import job \(id).") }
        var model = JobModel(
            chrome: Chrome(authorityName: services.configuration.authorityName, user: user, csrf: context.session?.csrfToken, path: "/imports"),
            id: id, started: job.startedAt, state: job.state.summary, running: false, succeeded: false, failed: false, table: "",
            percent: 0, error: nil, tables: [], rejections: [], rejectionCount: "0", ignored: nil)
        switch job.state {
        case .running(let table, let done, let total):
            model.running = true
            model.table = table
            model.percent = total > 0 ? min(100, done * 100 / total) : 0
        case .failed(let message):
            model.failed = true
            model.error = message
        case .importedReturn(let report):
            model.returnImported = "The \(report.kind.name) replaces the data Oversight held: \(report.records.formatted) records from \(report.rowsRead.formatted) rows."
            switch report.validation {
            case .failure(let failure):
                model.rulesSummary = "Stored, but not checked against the DfE's rules: \(failure.message)"
            case .success(let validation):
                let failed = validation.failed
                let skipped = validation.outcomes.filter { $0.skipped != nil }.count
                model.rulesSummary =
                    "Checked against the DfE's \(report.year - 1)/\(report.year % 100) rules: \(failed.count) of \(validation.outcomes.count) failed"
                    + (skipped > 0 ? ", \(skipped) not run (they need last year's return or reference data; run them with the command line)." : ".")
                model.failedRules = failed.map {
                    FailedRuleRow(code: $0.rule.code, kind: $0.rule.kind == .query ? "query" : "error", message: $0.rule.message,
                                  rows: $0.failures.count.formatted, children: Set($0.failures.map(\.child)).count.formatted)
                }
            }
        case .succeeded(let report):
            model.succeeded = true
            model.tables = report.tables.map {
                TableRow(table: $0.table, read: $0.rowsRead.formatted, stored: $0.rowsStored.formatted, rejected: $0.rowsRejected.formatted,
                         notApplicable: $0.rowsNotApplicable.formatted)
            }
            model.rejections = report.rejections.prefix(200).map {
                RejectionRow(file: $0.location.file, line: $0.location.line, field: $0.location.field ?? "", value: $0.value, reason: $0.reason)
            }
            model.rejectionCount = report.rejections.count.formatted
            model.ignored = report.ignoredFiles.isEmpty ? nil : report.ignoredFiles.joined(separator: ", ")
        }
        return HTMLPage("import-job", model)
    }
}

/// Import jobs running or finished in this process.
final class ImportJobs: Sendable {
    /// What an upload holds, told from its files: one XML file is a CIN census, or an SSDA903 return when its root is
    /// the 903's `<EXPSSDA903>`; CSV files named `ssd_*` are an SSD extract; other CSV files are an SSDA903 return,
    /// whose tables the reader recognises by their columns.
    enum Kind: Sendable, Equatable {
        case ssd, census, ssda903

        init(files: [String], in folder: String) throws {
            let xml = files.filter { $0.lowercased().hasSuffix(".xml") }
            if let file = xml.first {
                guard files.count == 1 else {
                    throw HTTPError(
                        .badRequest, message: "A CIN census or a 903 return in XML is one .xml file; upload it on its own (\(files.joined(separator: ", "))).")
                }
                // The root element comes within the first few hundred bytes, after the declaration.
                let head = FileHandle(forReadingAtPath: folder + "/" + file).map { handle in
                    defer { try? handle.close() }
                    return String(decoding: handle.readData(ofLength: 4_096), as: UTF8.self)
                }
                self = head?.contains("<EXPSSDA903") == true ? .ssda903 : .census
            } else {
                self = files.contains { $0.lowercased().hasPrefix("ssd_") } ? .ssd : .ssda903
            }
        }

        var name: String {
            switch self {
            case .ssd: "SSD extract"
            case .census: "CIN census"
            case .ssda903: "SSDA903 return"
            }
        }
    }

    /// What a census or 903 import stored (they refuse a bad file whole, so there are no rejected rows to list),
    /// and what the DfE's rules for the collection year found in the file.
    struct ReturnImport: Sendable {
        var kind: Kind
        var rowsRead: Int
        var records: Int
        var year: Int
        /// The rules' findings, or why the file could not be checked after it was stored.
        var validation: Result<ValidationReport, CheckFailure>
    }

    /// Why a stored return could not be checked; the import stands, and the page says so rather than showing no rules.
    struct CheckFailure: Error, Sendable {
        var message: String
        init(_ error: any Error) { message = "\(error)" }
    }

    /// The collection years whose rule packs Oversight holds for both returns (2025 is 2024/25).
    static let years = max(CINRulePack.years.lowerBound, SSDA903Catalogue.years.lowerBound)...min(CINRulePack.years.upperBound, SSDA903Catalogue.years.upperBound)
    static let defaultYear = years.upperBound

    enum State: Sendable {
        case running(table: String, done: Int, total: Int)
        case succeeded(SSDImportReport)
        case importedReturn(ReturnImport)
        case failed(String)

        var summary: String {
            switch self {
            case .running(let table, _, _): "Importing \(table)"
            case .succeeded(let report): "Imported \(report.extract.rowsRead.formatted) rows, \(report.rejections.count.formatted) rejected"
            case .importedReturn(let report): "Imported the \(report.kind.name): \(report.records.formatted) records"
            case .failed: "Failed; nothing was changed"
            }
        }
    }

    struct Job: Sendable {
        var id: String
        var startedAt: String
        var state: State
    }

    private let jobs = Mutex<[String: Job]>([:])

    func job(_ id: String) -> Job? { jobs.withLock { $0[id] } }
    func all() -> [Job] { jobs.withLock { Array($0.values) }.sorted { $0.startedAt > $1.startedAt } }

    /// Finished jobs kept for their reports; older ones are forgotten when a new job starts.
    static let kept = 20

    /// Imports the folder on a background thread. In an SSD extract invalid rows are rejected and reported, not
    /// fatal, as a person uploading from a browser wants the whole report rather than the first error; a census or a
    /// 903 return is a statutory return, refused whole with the file, line and field of its first fault.
    func start(_ kind: Kind = .ssd, year: Int = defaultYear, folder: String, by user: UserAccount, store: any CaseRecordStore, now: Int64) -> String {
        let id = String(Secrets.token().prefix(12))
        let started = AccessGate.timestamp(now)
        jobs.withLock { jobs in
            let finished = jobs.values.filter { if case .running = $0.state { false } else { true } }.sorted { $0.startedAt > $1.startedAt }
            for old in finished.dropFirst(Self.kept) { jobs[old.id] = nil }
            jobs[id] = Job(id: id, startedAt: started, state: .running(table: "the upload", done: 0, total: 1))
        }
        Thread.detachNewThread { [self] in
            let state: State
            do {
                switch kind {
                case .ssd:
                    let report = try SSDImporter(skipInvalid: true).importExtract(from: folder, into: store, importedAt: started) { progress in
                        self.update(id, .running(table: progress.table, done: progress.bytesDone, total: progress.bytesTotal))
                    }
                    state = .succeeded(report)
                case .census:
                    let file = try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.lowercased().hasSuffix(".xml") } ?? ""
                    let report = try CINCensusImporter().importCensus(from: folder + "/" + file, into: store, importedAt: started) { share in
                        self.update(id, .running(table: file, done: Int(share * 1_000), total: 1_000))
                    }
                    self.update(id, .running(table: "checking the DfE's rules", done: 0, total: 1))
                    let validation = Result { try CINValidation.validate(file: folder + "/" + file, year: year).report }.mapError(CheckFailure.init)
                    state = .importedReturn(
                        ReturnImport(kind: .census, rowsRead: report.extract.rowsRead, records: report.records, year: year, validation: validation))
                case .ssda903:
                    let report = try SSDA903CaseData.importReturn(from: folder, into: store, importedAt: started) { progress in
                        switch progress {
                        case .reading(let file): self.update(id, .running(table: file.file, done: file.bytesDone, total: file.bytesTotal))
                        case .writing(let done, let total): self.update(id, .running(table: "storing the records", done: done, total: total))
                        }
                    }
                    self.update(id, .running(table: "checking the DfE's rules", done: 0, total: 1))
                    let validation = Result { try SSDA903Reader().read(directory: folder) }.mapError(CheckFailure.init).map {
                        SSDA903Validator(year: year).validate(SSDA903Return(tables: $0))
                    }
                    state = .importedReturn(
                        ReturnImport(
                            kind: .ssda903, rowsRead: report.extract.rowsRead, records: report.stored.values.reduce(0, +), year: year,
                            validation: validation))
                }
            } catch {
                state = .failed("\(error)")
            }
            self.update(id, state)
            try? FileManager.default.removeItem(atPath: folder)
        }
        return id
    }

    private func update(_ id: String, _ state: State) {
        jobs.withLock { $0[id]?.state = state }
    }
}

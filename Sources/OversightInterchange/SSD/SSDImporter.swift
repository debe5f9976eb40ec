import Foundation
import OversightCore
import OversightStorage

/// A row the importer did not store, and why.
public struct RowRejection: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var value: String
    public var reason: String

    public var description: String { "\(location): '\(value)' \(reason)" }
}

/// Rows read and stored for one SSD table.
public struct TableImportCount: Sendable, Hashable {
    public var table: String
    public var rowsRead: Int
    public var rowsStored: Int
    public var rowsRejected: Int
    /// Rows recognised but outside what Oversight stores, e.g. non-looked-after legal statuses.
    public var rowsNotApplicable: Int
}

/// What an SSD import did.
public struct SSDImportReport: Sendable {
    public var extract: ExtractDescription
    public var tables: [TableImportCount]
    public var rejections: [RowRejection]
    /// Files in the folder that are not SSD tables Oversight imports.
    public var ignoredFiles: [String]
}

/// How far an import has got, for a progress line.
public struct SSDImportProgress: Sendable {
    public var table: String
    public var rowsInTable: Int
    public var bytesDone: Int
    public var bytesTotal: Int
}

/// Imports a Standard Safeguarding Dataset extract: a folder with one CSV per SSD table.
///
/// The import is all or nothing. Each bad row either stops it with `file:line: column: reason`, or,
/// with `skipInvalid`, is left out and listed in the report's rejections, so no row vanishes unseen.
/// Every SSD run is a full rebuild of the council's data, so an import replaces what the store held.
public struct SSDImporter: Sendable {
    public var mapping: ValueMapping
    public var skipInvalid: Bool

    public init(mapping: ValueMapping = .standard, skipInvalid: Bool = false) {
        self.mapping = mapping
        self.skipInvalid = skipInvalid
    }

    /// Reads every SSD table in `directory` into `store`.
    /// - Parameters:
    ///   - importedAt: the time to record against the extract (the caller's clock).
    ///   - progress: called as rows are read, at most every few thousand rows.
    /// - Returns: what was stored and what was rejected.
    /// - Throws: `InterchangeError` for the first bad row (unless `skipInvalid`) or an unreadable file;
    ///   `StorageError` when the store fails. The store is unchanged after any throw.
    public func importExtract(
        from directory: String, into store: some CaseRecordStore, importedAt: String,
        progress: (SSDImportProgress) -> Void = { _ in }
    ) throws -> SSDImportReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InterchangeError.notADirectory(path: directory)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw InterchangeError.cannotRead(path: directory, reason: error.localizedDescription)
        }
        let known = Set(SSDTable.allCases.map(\.fileName))
        let present = SSDTable.allCases.filter { names.contains($0.fileName) }
        let ignored = names.filter { !known.contains($0) && !$0.hasPrefix(".") }
        guard present.contains(where: { $0 == .person }) else {
            throw InterchangeError.noTables(path: directory, expected: "ssd_person.csv (every SSD table refers to it)")
        }
        let paths = present.map { (directory as NSString).appendingPathComponent($0.fileName) }
        let bytesTotal = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? NSNumber)?.intValue ?? 0) }
        let fingerprint = try Self.fingerprint(paths)

        var report = SSDImportReport(
            extract: ExtractDescription(kind: "ssd", source: directory, fingerprint: fingerprint, importedAt: importedAt),
            tables: [], rejections: [], ignoredFiles: ignored)

        // Mosaic leaves the child off involvements (and some plans); those rows reach the child through
        // the referral, so referral → child is kept only when a header shows it is needed.
        var needsReferralLookup = false
        for (table, path) in zip(present, paths) where table == .involvements || table == .cinPlans {
            let header = try CSVReader(path: path).header.map { $0.lowercased() }
            if !header.contains(table.personColumn) { needsReferralLookup = true }
        }

        let reader = ExtractReader(
            tables: Array(zip(present, paths)), mapping: mapping, needsReferralLookup: needsReferralLookup)

        try store.replaceCaseRecords { writer in
            let pipeline = RecordPipeline()
            let thread = Thread { reader.read(into: pipeline) }
            thread.stackSize = 8 << 20
            thread.start()
            // Whatever happens below, the reading thread is stopped and finished before this returns.
            defer {
                pipeline.cancel()
                pipeline.waitUntilFinished()
            }
            // Indexed by table position, because the tally changes on every row.
            var tallies = SSDTable.allCases.map {
                TableImportCount(table: $0.rawValue, rowsRead: 0, rowsStored: 0, rowsRejected: 0, rowsNotApplicable: 0)
            }
            var bytesBefore = 0
            func reject(_ table: SSDTable, _ location: SourceLocation, _ value: String, _ reason: String) throws {
                guard skipInvalid else { throw InterchangeError.invalidValue(value, reason: reason, at: location) }
                report.rejections.append(RowRejection(location: location, value: value, reason: reason))
                tallies[table.ordinal].rowsRejected += 1
            }
            while let batch = try pipeline.next() {
                for item in batch {
                    switch item {
                    case .row(let table, let line, let record):
                        guard let record else {
                            tallies[table.ordinal].rowsNotApplicable += 1
                            continue
                        }
                        do throws(StorageError) {
                            try writer.insert(record)
                            tallies[table.ordinal].rowsStored += 1
                        } catch {
                            switch error {
                            case .duplicateKey(_, let key):
                                try reject(table, SourceLocation(file: table.fileName, line: line, field: table.keyColumn), key,
                                           "appears more than once in \(table.fileName)")
                            case .unknownChild(_, _, let childID):
                                try reject(table, SourceLocation(file: table.fileName, line: line, field: table.personColumn), childID,
                                           "is not a person in ssd_person.csv")
                            default:
                                throw error
                            }
                        }
                    case .invalid(let table, let location, let value, let reason):
                        try reject(table, location, value, reason)
                    case .progress(let table, let rows, let bytes):
                        progress(SSDImportProgress(table: table.rawValue, rowsInTable: rows, bytesDone: bytesBefore + bytes, bytesTotal: bytesTotal))
                    case .tableFinished(let table, let rowsRead, let bytes):
                        var count = tallies[table.ordinal]
                        count.rowsRead = rowsRead
                        report.tables.append(count)
                        bytesBefore += bytes
                        progress(SSDImportProgress(table: table.rawValue, rowsInTable: rowsRead, bytesDone: bytesBefore, bytesTotal: bytesTotal))
                    }
                }
            }
            report.extract.rowsRead = report.tables.reduce(0) { $0 + $1.rowsRead }
            report.extract.rowsRejected = report.rejections.count
            return report.extract
        }
        return report
    }

    /// Names, sizes and the first 64 KB of each file: enough to recognise the same extract again
    /// without hashing gigabytes.
    static func fingerprint(_ paths: [String]) throws -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        for path in paths {
            mix((path as NSString).lastPathComponent.utf8)
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw InterchangeError.cannotRead(path: path, reason: "cannot be opened")
            }
            defer { try? handle.close() }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            mix(String(size).utf8)
            if let head = try? handle.read(upToCount: 65_536) { mix(head) }
        }
        return String(hash, radix: 16)
    }
}

/// Reads an extract's tables in order on its own thread, turning rows into records.
///
/// It owns every piece of state it touches (the lookups, the readers) and shares only the
/// pipeline, whose lock orders the hand-off: that is why it may cross to another thread.
final class ExtractReader: @unchecked Sendable {
    let tables: [(SSDTable, String)]
    var state: ImportState
    static let batchSize = 512

    init(tables: [(SSDTable, String)], mapping: ValueMapping, needsReferralLookup: Bool) {
        self.tables = tables
        self.state = ImportState(mapping: mapping)
        self.state.needsReferralLookup = needsReferralLookup
    }

    func read(into pipeline: RecordPipeline) {
        do {
            for (table, path) in tables {
                guard try readTable(table, path: path, into: pipeline) else { break }
            }
            pipeline.finish(failure: nil)
        } catch {
            pipeline.finish(failure: error)
        }
    }

    /// Returns false when the storing side has stopped.
    private func readTable(_ table: SSDTable, path: String, into pipeline: RecordPipeline) throws -> Bool {
        let reader = try CSVReader(path: path)
        let columns = ColumnIndex(header: reader.header, aliases: table.aliases)
        for required in table.requiredColumns where columns.position(required) == nil {
            throw InterchangeError.missingColumn(required, at: SourceLocation(file: table.fileName, line: 1))
        }
        var batch: [PipelineItem] = []
        batch.reserveCapacity(Self.batchSize)
        var rowsRead = 0
        while let record = try reader.next() {
            rowsRead += 1
            if record.fields.count != columns.header.count {
                batch.append(.invalid(table, SourceLocation(file: table.fileName, line: record.line), value: "\(record.fields.count) fields",
                                      reason: "does not match the header's \(columns.header.count) columns"))
            } else {
                let row = SSDRow(record: record, columns: columns, resolver: state.resolver)
                do {
                    batch.append(.row(table, line: record.line, record: try table.read(row, &state)))
                } catch {
                    batch.append(.invalid(table, SourceLocation(file: table.fileName, line: record.line, field: error.column),
                                          value: error.value, reason: error.reason))
                }
            }
            if batch.count >= Self.batchSize {
                batch.append(.progress(table, rows: rowsRead, bytes: reader.progressBytes))
                guard pipeline.push(batch) else { return false }
                batch.removeAll(keepingCapacity: true)
            }
        }
        batch.append(.tableFinished(table, rowsRead: rowsRead, bytes: reader.totalBytes))
        return pipeline.push(batch)
    }
}

/// Lookups built from earlier tables so later ones can be resolved: Mosaic leaves the person off
/// some tables, and an episode's legal status lives in a separate table.
struct ImportState {
    let resolver: CodeResolver
    var factorsByAssessment: [String: [AssessmentFactor]] = [:]
    var disabilitiesByPerson: [String: [Disability]] = [:]
    var childByReferral: [String: Identifier<Child>] = [:]
    var childByCINPlan: [String: Identifier<Child>] = [:]
    var childByCPPlan: [String: Identifier<Child>] = [:]
    var childByPeriodOfCare: [String: Identifier<Child>] = [:]
    var legalStatusByChild: [Identifier<Child>: [LegalStatusSpell]] = [:]
    /// Only kept when a later table needs it (Mosaic involvements without a person).
    var needsReferralLookup = false

    init(mapping: ValueMapping) { self.resolver = CodeResolver(mapping: mapping) }

    func child(from row: SSDRow, personColumn: String, via lookup: [String: Identifier<Child>], column: String, lookupName: String)
        throws(RowError) -> Identifier<Child>
    {
        if let person: Identifier<Child> = row.id(personColumn) { return person }
        guard let reference = row.text(column), !lookup.isEmpty else {
            throw RowError(column: personColumn, value: "", reason: "is required but empty")
        }
        guard let child = lookup[reference] else {
            throw RowError(column: column, value: reference, reason: "refers to a \(lookupName) not in the extract, so the child cannot be found")
        }
        return child
    }
}

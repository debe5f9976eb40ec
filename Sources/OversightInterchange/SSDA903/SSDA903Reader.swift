import Foundation
import OversightCore

/// How far a read has got, for the terminal's progress line.
public struct SSDA903ReadProgress: Sendable {
    public var file: String
    public var bytesDone: Int
    public var bytesTotal: Int
}

/// Reads a folder of SSDA903 CSV files (or the DfE's 903 XML, through `SSDA903XMLReader`) into tables.
///
/// Each file is recognised by its set of columns (the DfE's tools do the same), so `Episodes 2025.csv`
/// and `episodes.csv` both work. Anything that would lose data silently stops the read with the file,
/// line and column: a column set that matches no table, two files for one table, a row with the wrong
/// number of fields, or a file far larger than any real return.
public struct SSDA903Reader: Sendable {
    /// England's whole looked-after population is about 100k children; its episodes file is some 15 MB.
    /// A file many times that is not a 903 table, and holding it in memory would exhaust the machine.
    public var maximumFileBytes: Int

    public init(maximumFileBytes: Int = 256 << 20) {
        self.maximumFileBytes = maximumFileBytes
    }

    /// Reads every `.csv` file in `directory`, or the return's one `.xml` file (the DfE's 903 XML) when the folder
    /// holds no CSV; `directory` may also be the path of that XML file. The two forms are never mixed.
    /// - Throws: `InterchangeError` naming the file (and line and column where there is one).
    public func read(
        directory: String, progress: ((SSDA903ReadProgress) -> Void)? = nil
    ) throws(InterchangeError) -> [SSDA903TableKind: SSDA903Table] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw .cannotRead(path: directory, reason: "no such folder")
        }
        guard isDirectory.boolValue else {
            guard directory.lowercased().hasSuffix(".xml") else { throw .notADirectory(path: directory) }
            return try SSDA903XMLReader(maximumFileBytes: maximumFileBytes).read(path: directory, progress: progress)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw .cannotRead(path: directory, reason: error.localizedDescription)
        }
        let xmlNames = names.filter { $0.lowercased().hasSuffix(".xml") }
        if let xml = xmlNames.first {
            if let csv = names.first(where: { $0.lowercased().hasSuffix(".csv") }) {
                throw .cannotRead(
                    path: directory,
                    reason: "holds both 903 XML (\(xml)) and CSV (\(csv)); a return is one form or the other, so remove one")
            }
            guard xmlNames.count == 1 else {
                throw .cannotRead(
                    path: directory, reason: "holds \(xmlNames.count) XML files (\(xmlNames.joined(separator: ", "))); a 903 XML return is one file")
            }
            return try SSDA903XMLReader(maximumFileBytes: maximumFileBytes).read(path: directory + "/" + xml, progress: progress)
        }
        var tables: [SSDA903TableKind: SSDA903Table] = [:]
        for name in names where name.lowercased().hasSuffix(".csv") {
            let table = try readTable(path: directory + "/" + name, progress: progress)
            if let other = tables[table.kind] {
                throw .invalidValue(
                    name, reason: "holds the \(table.kind.rawValue) table, which \(other.file) already holds; remove one of them",
                    at: SourceLocation(file: name, line: 0))
            }
            tables[table.kind] = table
        }
        guard !tables.isEmpty else { throw .noTables(path: directory, expected: "SSDA903 CSV or XML") }
        return tables
    }

    /// Reads one file and recognises its table from its header.
    /// - Throws: `InterchangeError` naming the file, line and column.
    public func readTable(path: String, progress: ((SSDA903ReadProgress) -> Void)? = nil) throws(InterchangeError) -> SSDA903Table {
        let name = (path as NSString).lastPathComponent
        _ = try size(
            of: path, name: name,
            cap: "an SSDA903 table is at most \(Self.megabytes(maximumFileBytes)) (all of England's episodes fit in about 15 MB)")
        let reader = try CSVReader(path: path, displayName: name)
        let header = reader.header.map { $0.uppercased() }
        guard let kind = SSDA903TableKind(columns: header) else {
            throw .invalidValue(header.joined(separator: ","), reason: Self.unrecognised(header), at: SourceLocation(file: name, line: 1))
        }
        let slots = kind.fields.map { field in header.firstIndex(of: field.rawValue)! }
        var columns = Array(repeating: [String?](), count: slots.count)
        var lines: [Int] = []
        var records = 0
        while let record = try reader.next() {
            guard record.fields.count == header.count else {
                let field = record.fields.count < header.count ? header[record.fields.count] : nil
                throw .invalidValue(
                    record.fields.joined(separator: ","),
                    reason: "has \(record.fields.count) fields where the header has \(header.count)",
                    at: SourceLocation(file: name, line: record.line, field: field))
            }
            for (column, slot) in slots.enumerated() { columns[column].append(SSDA903Table.normalised(record.fields[slot])) }
            lines.append(record.line)
            records += 1
            if records % 4096 == 0 { progress?(SSDA903ReadProgress(file: name, bytesDone: reader.progressBytes, bytesTotal: reader.totalBytes)) }
        }
        progress?(SSDA903ReadProgress(file: name, bytesDone: reader.totalBytes, bytesTotal: reader.totalBytes))
        var values: [SSDA903Field: [String?]] = [:]
        for (column, field) in kind.fields.enumerated() { values[field] = columns[column] }
        return SSDA903Table(kind: kind, file: name, lines: lines, values: values)
    }

    /// The file's size in bytes; a file beyond `maximumFileBytes` is refused before any of it is read, saying `cap`.
    func size(of path: String, name: String, cap: String) throws(InterchangeError) -> Int {
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        if size > maximumFileBytes {
            throw .cannotRead(path: name, reason: "is \(Self.megabytes(size)); \(cap), so this is not a 903 file")
        }
        return size
    }

    /// Says which table the header came closest to and what it lacks or adds, so the fix is obvious.
    static func unrecognised(_ header: [String]) -> String {
        let names = Set(header)
        let closest = SSDA903TableKind.allCases.max { a, b in
            names.intersection(a.fields.map(\.rawValue)).count < names.intersection(b.fields.map(\.rawValue)).count
        }!
        let expected = closest.fields.map(\.rawValue)
        let missing = expected.filter { !names.contains($0) }
        let extra = header.filter { !expected.contains($0) }
        var reason = "is not the column set of any SSDA903 table; the nearest is \(closest.rawValue) (\(expected.joined(separator: ",")))"
        if !missing.isEmpty { reason += ", which also needs \(missing.joined(separator: ","))" }
        if !extra.isEmpty { reason += ", and has no \(extra.joined(separator: ","))" }
        if Set(header).count != header.count { reason += "; a column is repeated" }
        return reason
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? String(format: "%.1f GB", Double(bytes) / Double(1 << 30)) : "\(bytes >> 20) MB"
    }
}

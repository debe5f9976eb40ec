import Foundation

/// Writes SSDA903 tables as the DfE's CSV files: the specification's column order and file names,
/// dates as dd/mm/yyyy, missing values as empty fields.
public enum SSDA903Writer {
    /// Writes each table of `tables` into `directory` (created if missing) and returns the paths written.
    /// - Throws: `InterchangeError.cannotWrite` when the folder or a file cannot be created.
    @discardableResult
    public static func write(_ tables: [SSDA903TableKind: SSDA903Table], to directory: String) throws(InterchangeError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: error.localizedDescription)
        }
        var paths: [String] = []
        for kind in tables.keys.sorted() {
            let table = tables[kind]!
            let path = directory + "/" + kind.fileName
            let writer = try CSVWriter(path: path, header: kind.fields.map(\.rawValue))
            let columns = kind.fields.map { table[$0] }
            for row in table.indices {
                for column in columns { writer.field(column[row]) }
                writer.endRow()
            }
            writer.close()
            paths.append(path)
        }
        return paths
    }
}

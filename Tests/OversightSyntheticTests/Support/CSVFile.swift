import Foundation

/// A CSV file read back for checking: every record with the physical line it starts on.
///
/// The generator's JSON columns can hold raw line breaks inside quoted fields, so records and lines
/// differ; the dirt manifest counts lines, and this reader counts them the same way.
struct CSVFile {
    struct Record {
        var line: Int
        var fields: [String]
    }

    var header: [String]
    var records: [Record]

    init(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var parsed: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < bytes.count && bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else if byte == 0x22 {
                inQuotes = true
            } else if byte == 0x2C {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == 0x0A {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                parsed.append(Record(line: recordLine, fields: fields))
                fields.removeAll(keepingCapacity: true)
                line += 1
                recordLine = line
            } else {
                field.append(byte)
            }
            index += 1
        }
        guard let first = parsed.first else {
            header = []
            records = []
            return
        }
        header = first.fields
        records = Array(parsed.dropFirst())
    }

    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The values of one column, in file order.
    func values(_ name: String) -> [String] {
        guard let index = column(name) else { return [] }
        return records.map { $0.fields[index] }
    }
}

/// `YYYY-MM-DD 00:00:00.000` → the day, as the generator writes SQL datetimes.
func day(_ text: String) -> (year: Int, month: Int, day: Int)? {
    let parts = text.prefix(10).split(separator: "-")
    guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
    return (y, m, d)
}

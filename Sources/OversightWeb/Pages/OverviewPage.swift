import OversightCore
import OversightImprovement
import OversightStorage

/// The first page: what data the authority holds and where it came from.
enum OverviewPage {
    struct Model: Equatable {
        var authorityName: String
        var counts: [(entity: Entity, count: Int)]
        var extract: ExtractDescription?

        init(authorityName: String, counts: [(entity: Entity, count: Int)], extract: ExtractDescription?) {
            self.authorityName = authorityName
            self.counts = counts
            self.extract = extract
        }

        init(store: some CaseRecordStore, authorityName: String) throws(StorageError) {
            let counts = try store.fetchEntityCounts()
            self.init(
                authorityName: authorityName,
                counts: Entity.allCases.map { ($0, counts[$0] ?? 0) },
                extract: try store.fetchExtracts().last)
        }

        static func == (lhs: Model, rhs: Model) -> Bool {
            lhs.authorityName == rhs.authorityName && lhs.extract == rhs.extract
                && lhs.counts.map(\.entity) == rhs.counts.map(\.entity) && lhs.counts.map(\.count) == rhs.counts.map(\.count)
        }
    }

    static func render(_ model: Model) -> String {
        let rows = model.counts.map { entry in
            "<tr><th scope=\"row\">\(escape(entry.entity.title))</th><td class=\"num\">\(entry.count.formatted)</td></tr>"
        }.joined(separator: "\n")
        let source: String
        if let extract = model.extract {
            source = """
                <p>Imported from <code>\(escape(extract.source))</code> (\(escape(extract.kind.uppercased())) extract) on \
                \(escape(readable(extract.importedAt))): \(extract.rowsRead.formatted) rows read, \(extract.rowsRejected.formatted) rejected.</p>
                """
        } else {
            source = "<p>No extract has been imported yet. Run <code>oversight import ssd DIR --db FILE</code>.</p>"
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(model.authorityName)) – Oversight</title>
            <style>
            body { font-family: Arial, sans-serif; margin: 0; color: #0b0c0c; }
            header { background: #0b0c0c; color: #fff; padding: 12px 24px; font-weight: bold; font-size: 1.2rem; }
            main { max-width: 960px; margin: 24px auto; padding: 0 24px; }
            h1 { font-size: 2rem; margin: 0 0 16px; }
            table { border-collapse: collapse; width: 100%; max-width: 560px; }
            th, td { text-align: left; padding: 8px 12px 8px 0; border-bottom: 1px solid #b1b4b6; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            code { background: #f3f2f1; padding: 0 4px; }
            </style>
            </head>
            <body>
            <header>Oversight</header>
            <main>
            <h1>\(escape(model.authorityName))</h1>
            \(source)
            <table>
            <caption style="text-align:left;font-weight:bold;padding-bottom:8px">Records held</caption>
            <thead><tr><th scope="col">Record</th><th scope="col" style="text-align:right">Count</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            </main>
            </body>
            </html>
            """
    }

    /// "2026-11-22T16:56:56Z" as people write it: "22 November 2026 at 16:56 UTC"; other text as it is.
    static func readable(_ timestamp: String) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        let u = Array(timestamp.utf8)
        guard u.count >= 16, u[10] == UInt8(ascii: "T"), let date = LocalDate(iso: timestamp.prefix(10)) else { return timestamp }
        let time = String(decoding: u[11..<16], as: UTF8.self)
        let zone = timestamp.hasSuffix("Z") ? " UTC" : ""
        return "\(date.day) \(months[date.month - 1]) \(date.year) at \(time)\(zone)"
    }

    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

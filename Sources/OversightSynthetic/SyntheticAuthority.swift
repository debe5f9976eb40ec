import Foundation
import OversightCore
import OversightInterchange

/// A deterministic, entirely invented local authority, written as Standard Safeguarding Dataset CSVs.
///
/// The output has the shape of a SystemC (Liquidlogic) SSD v1.4.5 extract: one `<table>.csv` per
/// table, the deployed script's column names and order, its date rendering, descriptions where SystemC
/// writes descriptions, and its quirks (`1900-01-01` sentinels, `SSD_PH`, stray `-1` IDs, hand-built
/// JSON that is sometimes invalid). Rates follow national and Buckinghamshire figures (kpis.md), so
/// measures computed from it land in realistic ranges. No person in it is real.
///
/// ```swift
/// let summary = try SyntheticAuthority.generate(GeneratorOptions(size: .tiny, seed: 7), into: "/tmp/ssd")
/// ```
public enum SyntheticAuthority {
    /// Writes a synthetic authority's SSD extract into `directory` (created if missing).
    ///
    /// Children are generated and written one at a time, each from its own random stream, so memory
    /// stays flat for the `england` size and equal options give byte-identical files.
    ///
    /// - Parameters:
    ///   - options: size, seed, extract date, history and whether to inject errors.
    ///   - directory: the folder to write into; existing files of the same names are replaced.
    ///   - progress: called every few thousand children and once at the end.
    /// - Returns: rows written per table, the folder and the number of injected errors.
    /// - Throws: `InterchangeError.cannotWrite` when the folder or a file cannot be created.
    public static func generate(
        _ options: GeneratorOptions, into directory: String, progress: (GenerationProgress) -> Void = { _ in }
    ) throws -> GenerationSummary {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw InterchangeError.cannotWrite(path: directory, reason: "the folder could not be created: \(error)")
        }
        let manifestPath = directory + "/" + DirtManifest.fileName
        if !options.dirt && FileManager.default.fileExists(atPath: manifestPath) {
            // A manifest left by an earlier dirty run would describe errors this run does not contain.
            do {
                try FileManager.default.removeItem(atPath: manifestPath)
            } catch {
                throw InterchangeError.cannotWrite(path: manifestPath, reason: "a stale manifest could not be removed: \(error)")
            }
        }

        let profile = AuthorityProfile(size: options.size)
        let workforce = SyntheticWorkforce(scale: profile.scale, seed: options.seed)
        let simulator = JourneySimulator(options: options, workforce: workforce, profile: profile)
        let extract = try ExtractWriter(
            directory: directory, options: options, workforce: workforce, children: simulator.childCount,
            scale: profile.scale)
        extract.writeDepartments()

        var numbers = RecordNumbers()
        let total = simulator.childCount
        let reportEvery = max(1_000, total / 200)
        for index in 0..<total {
            let child = simulator.child(at: index, numbers: &numbers)
            extract.write(child)
            if (index + 1) % reportEvery == 0 { progress(GenerationProgress(childrenDone: index + 1, childrenTotal: total)) }
        }
        extract.writeProfessionals()
        extract.close()
        try workforce.writeRegister(
            workforce.register(seed: options.seed, historyStart: options.windowStart.adding(years: -1), extractDate: options.extractDate),
            into: directory)
        progress(GenerationProgress(childrenDone: total, childrenTotal: total))

        return GenerationSummary(
            rowsByTable: SSDTable.allCases.map { ($0.name, extract.rows(in: $0)) }, directory: directory,
            dirtInjected: extract.manifest?.entries ?? 0)
    }
}

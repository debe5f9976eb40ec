import ArgumentParser
import Foundation
import OversightInterchange
import OversightStorage
import OversightSynthetic
import OversightWeb

extension OversightCommand {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate the small synthetic authority, import it and serve the web app on it.",
            discussion: "Everything shown is synthetic. The database is ./oversight-demo.sqlite unless --db says otherwise.")

        @Option(help: "The demo database: a SQLite file, sqlite:PATH, or postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME].")
        var db: String = "./oversight-demo.sqlite"

        @Option(help: "Where to write the generated SSD extract.")
        var extract: String = "./oversight-demo-extract"

        @Option(help: "Address to listen on.")
        var host: String = "127.0.0.1"

        @Option(help: "Port to listen on.")
        var port: Int = 8080

        @Option(help: "Random seed for the synthetic authority.")
        var seed: UInt64 = 1

        @Option(help: "Size of the synthetic authority: small (the default) or tiny.")
        var size: AuthoritySize = .small

        @Flag(help: "Generate and import only; do not start the server.")
        var noServe = false

        @Option(help: "Give every demo user this password instead of generated ones (for scripted browser tests).")
        var demoPassword: String?

        @Flag(help: "Send cookies without the Secure attribute (for HTTP tools that are not browsers).")
        var insecureCookies = false

        func validate() throws { _ = try StoreLocation(parsing: db) }

        func run() async throws {
            let location = try StoreLocation(parsing: db)
            var terminal = Terminal()
            do {
                try FileManager.default.createDirectory(atPath: extract, withIntermediateDirectories: true)
                _ = try SyntheticAuthority.generate(GeneratorOptions(size: size, seed: seed), into: extract) { progress in
                    terminal.progress("Generating the demo authority", done: progress.childrenDone, total: progress.childrenTotal)
                }
                terminal.finish("Generated the demo authority in \(extract)")
                let store = try location.open()
                try OversightCommand.Import.SSD.importExtract(
                    extract, into: store, importer: SSDImporter(), rejectsPath: location.defaultRejectsPath)
                try OversightCommand.Import.Workforce.importRegister(from: extract, into: location)
                // The improvement plan the demo's pages show: imported once, kept with its updates afterwards.
                if try store.fetchPlan("ofsted-2022") == nil {
                    let plan = try PlanDocument.decode(Data(PackageResources.demo_plan_json), file: "demo-plan.json", id: "ofsted-2022")
                    try store.savePlan(plan.plan, updates: plan.updates)
                }
                if let trackers = store as? any CaseRecordStore & TrackerDocumentStore & PlanStore { try seedTrackerDemo(trackers) }
                let users = try DemoUsers.create(in: store) { _ in demoPassword ?? Secrets.demoPassword() }
                let lado = try DemoTrackers.seed(store, seed: seed, password: demoPassword ?? Secrets.demoPassword())
                // Written straight to the file handle, so the list appears before the server starts even when piped.
                var list = "\nDemo users (one per role; passwords change each time the demo starts unless --demo-password is given):\n"
                for created in users {
                    list += "  \(created.user.username.padding(toLength: 10, withPad: " ", startingAt: 0)) \(created.password)   \(created.user.role.title)\n"
                }
                list += "  \(lado.user.username.padding(toLength: 10, withPad: " ", startingAt: 0)) \(lado.password)   LADO officer (the only one who opens allegations)\n"
                FileHandle.standardOutput.write(Data((list + "\n").utf8))
            } catch let error as ExitCode {
                throw error
            } catch {
                throw failure(error)
            }
            guard !noServe else { return }
            var configuration = WebConfiguration(host: host, port: port)
            configuration.secureCookies = !insecureCookies
            try await OversightCommand.Serve.serve(location, configuration: configuration)
        }
    }
}

import ArgumentParser
import Foundation
import Hummingbird
import OversightStorageSQLite
import OversightWeb

extension OversightCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve the web app over an Oversight database.")

        @OptionGroup var database: ExistingDatabase

        @Option(help: "Address to listen on.")
        var host: String = "127.0.0.1"

        @Option(help: "Port to listen on.")
        var port: Int = 8080

        func run() async throws {
            try await Self.serve(path: database.path, configuration: WebConfiguration(host: host, port: port))
        }

        static func serve(path: String, configuration: WebConfiguration) async throws {
            let store: SQLiteCaseRecordStore
            do { store = try SQLiteCaseRecordStore(path: path) } catch { throw failure(error) }
            Terminal.write("Oversight is serving \(path) at http://\(configuration.host):\(configuration.port)/ (Ctrl-C to stop)\n")
            do {
                try await buildApplication(store: store, configuration: configuration).runService()
            } catch where "\(error)".contains("Address already in use") {
                throw failure(CommandFailure("port \(configuration.port) on \(configuration.host) is already in use; stop the other server or pass --port"))
            }
        }
    }
}

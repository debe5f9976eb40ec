import ArgumentParser
import Foundation
import Hummingbird
import Metrics
import Prometheus
import OversightWeb

extension OversightCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve the web app over an Oversight database.")

        @OptionGroup var database: ExistingDatabase

        @Option(help: "Address to listen on (OVERSIGHT_HOST).")
        var host: String = ProcessInfo.processInfo.environment["OVERSIGHT_HOST"] ?? "127.0.0.1"

        @Option(help: "Port to listen on (OVERSIGHT_PORT).")
        var port: Int = Int(ProcessInfo.processInfo.environment["OVERSIGHT_PORT"] ?? "") ?? 8080

        @Option(help: "The authority's name, shown on every page (OVERSIGHT_AUTHORITY).")
        var authority: String = ProcessInfo.processInfo.environment["OVERSIGHT_AUTHORITY"] ?? "Demo authority (synthetic data)"

        @Option(help: "Minutes without a request after which a session ends (OVERSIGHT_SESSION_MINUTES).")
        var sessionMinutes: Int = Int(ProcessInfo.processInfo.environment["OVERSIGHT_SESSION_MINUTES"] ?? "") ?? 30

        @Flag(help: "Send cookies without the Secure attribute, for HTTP clients that are not browsers (never in service).")
        var insecureCookies = false

        func run() async throws {
            var configuration = WebConfiguration(host: host, port: port, authorityName: authority)
            configuration.sessionIdleSeconds = Int64(sessionMinutes) * 60
            configuration.secureCookies = !insecureCookies
            try await Self.serve(database.location, configuration: configuration)
        }

        static func serve(_ location: StoreLocation, configuration: WebConfiguration) async throws {
            let store: any OversightStore
            do { store = try location.open() } catch { throw failure(error) }
            Terminal.write("Oversight is serving \(location) at http://\(configuration.host):\(configuration.port)/ (Ctrl-C to stop)\n")
            do {
                // Request counts and durations from Hummingbird's metrics middleware land in the same registry.
                let registry = PrometheusCollectorRegistry()
                MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
                try await buildApplication(store: store, configuration: configuration, metrics: registry).runService()
            } catch where "\(error)".contains("Address already in use") {
                throw failure(CommandFailure("port \(configuration.port) on \(configuration.host) is already in use; stop the other server or pass --port"))
            }
        }
    }
}

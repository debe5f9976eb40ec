import ArgumentParser

/// The root command only lists subcommands; each lives in its own file under `Subcommands/`.
@main
struct OversightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oversight",
        abstract: "Performance and improvement for children's social care: import case data, compute measures, serve the web app.",
        subcommands: [
            Demo.self, Generate.self, Import.self, Stats.self, Measures.self, Serve.self, User.self, BoardPackCommand.self, Migrate.self, Backup.self,
            Restore.self, Mapping.self, WorkingDays.self, Plan.self, Census.self, SSDA903.self, Caseload.self, WorkforceCommand.self, AuditCommand.self, LADO.self, Notifications.self, Escalations.self, SEND.self,
        ])
}

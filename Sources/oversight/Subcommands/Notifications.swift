import ArgumentParser
import Foundation
import OversightCore
import OversightStorage
import OversightTrackers

extension OversightCommand {
    struct Notifications: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notifications",
            abstract: "The partner-notification screening queue: import in bulk, add or screen one, report the queue and its alert.",
            discussion: "The format of the notifications CSV is in docs/trackers-lado-notifications.md.",
            subcommands: [Import.self, Add.self, Screen.self, Report.self])
    }
}

extension OversightCommand.Notifications {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add notifications from a CSV, all or nothing: a bad row, or an ID already stored, refuses the whole file.")

        @Argument(help: "The notifications CSV.")
        var file: String

        @OptionGroup var database: TargetDatabase

        func run() throws {
            try TrackerCommandSupport.reporting {
                let csv = try TrackerCommandSupport.readCSV(file)
                let notifications = try PartnerNotificationCSV.parse(file: csv.file, header: csv.header, rows: csv.rows)
                try database.location.openTrackers().addNotifications(notifications)
                print("Imported \(notifications.count) notifications from \(csv.file)")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add one notification to the queue.")

        @Option(help: "The notification's ID.")
        var id: String

        @Option(help: "police, health or school.")
        var source: String

        @Option(help: "The day it was received (YYYY-MM-DD).")
        var received: String

        @Option(help: "What it is about, e.g. 'domestic abuse'.")
        var category: String

        @Option(help: "The partner's own reference.")
        var reference = ""

        @OptionGroup var database: TargetDatabase

        func validate() throws {
            _ = try TrackerCommandSupport.parseDate(received, option: "--received")
            guard NotificationSource(rawValue: source) != nil else {
                throw ValidationError("--source: '\(source)' is not one of \(NotificationSource.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            let notification = PartnerNotification(
                id: Identifier(id), source: NotificationSource(rawValue: source)!, reference: reference, receivedOn: LocalDate(iso: received)!,
                category: category)
            try TrackerCommandSupport.reporting { try database.location.openTrackers().addNotifications([notification]) }
            print("Added notification \(id) to the screening queue")
        }
    }

    struct Screen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a notification's screening, the child or family it was linked to, and its outcome.")

        @Argument(help: "The notification's ID.")
        var id: String

        @Option(help: "The day it was screened (YYYY-MM-DD).")
        var on: String

        @Option(help: "Who screened it.")
        var by: String

        @Option(help: "The child it was linked to (their ID in the case records).")
        var child: String?

        @Option(help: "The family it was linked to, when no one child.")
        var family: String?

        @Option(help: "nfa, shared-with-school, mash-contact or open-case-updated.")
        var outcome: String

        @OptionGroup var database: ExistingDatabase

        func validate() throws {
            _ = try TrackerCommandSupport.parseDate(on, option: "--on")
            guard NotificationOutcome(rawValue: outcome) != nil else {
                throw ValidationError("--outcome: '\(outcome)' is not one of \(NotificationOutcome.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            let day = LocalDate(iso: on)!
            try TrackerCommandSupport.reporting {
                let store = try database.location.openTrackers()
                guard var notification = try store.fetchNotifications().first(where: { $0.id.rawValue == id }) else {
                    throw CommandFailure("no notification has ID '\(id)'")
                }
                guard day >= notification.receivedOn else { throw CommandFailure("--on \(day) is before the notification was received (\(notification.receivedOn))") }
                notification.screenedOn = day
                notification.screenedBy = by
                notification.linkedChildID = child
                notification.linkedFamily = family
                notification.outcome = NotificationOutcome(rawValue: outcome)
                notification.outcomeOn = day
                try store.updateNotification(notification)
                print("Screened \(id) on \(day): \(notification.outcome!.title)")
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The queue on a day: size, oldest, age bands, throughput per week, forecast time to clear, and the service-level alert.",
            discussion: "Exits 0 whether or not the queue breaches the service level; the alert is printed, and is `alert` in the JSON.")

        @OptionGroup var database: ExistingDatabase
        @OptionGroup var options: TrackerPeriodOptions

        @Option(help: "The agreed service level: screened within this many working days of receipt.")
        var serviceLevelDays = 1

        @Option(help: "Weeks over which throughput is averaged.")
        var weeks = 4

        @Option(help: "table, json or csv.")
        var format: ReportFormat = .table

        func validate() throws {
            guard serviceLevelDays >= 0, weeks > 0 else { throw ValidationError("--service-level-days and --weeks must be positive") }
        }

        struct Output: Encodable {
            var queue: ScreeningQueue
            var alert: String?
            var measures: [TrackerCommandSupport.FigureSummary]
        }

        func run() throws {
            let notifications: [PartnerNotification]
            notifications = try TrackerCommandSupport.reporting { try database.location.openTrackers().fetchNotifications() }
            let serviceLevel = ScreeningServiceLevel(workingDays: serviceLevelDays)
            let queue = ScreeningQueue(notifications, asOf: options.date, serviceLevel: serviceLevel, throughputWeeks: weeks)
            let figures = NotificationMeasures.all(serviceLevel).map { $0.figure(notifications, period: options.reportingPeriod, asOf: options.date) }
            switch format {
            case .json:
                print(jsonString(Output(queue: queue, alert: queue.alert, measures: figures.map(TrackerCommandSupport.FigureSummary.init))))
            case .csv:
                print(csvLine(["notification_id", "source", "received_on", "age_days", "working_days_waiting", "beyond_service_level"]))
                for waiting in queue.waiting {
                    print(csvLine([
                        waiting.id, waiting.source.rawValue, waiting.receivedOn.isoString, String(waiting.ageDays), String(waiting.workingDaysWaiting),
                        waiting.isBeyondServiceLevel ? "yes" : "no",
                    ]))
                }
            case .table:
                print("Screening queue on \(queue.asOf): \(queue.size) waiting")
                if let oldest = queue.oldestReceivedOn, let age = queue.oldestAgeDays { print("Oldest: received \(oldest), \(age) days ago") }
                print("Throughput: \(numberText((queue.throughputPerWeek * 10).rounded() / 10)) screened a week over the last \(queue.throughputWeeks) weeks")
                print("Forecast to clear at that rate: " + (queue.weeksToClear.map { "\(numberText(($0 * 10).rounded() / 10)) weeks" } ?? "never (nothing screened)"))
                print("")
                printTable(header: ["age", "waiting"], rows: queue.bands.map { [$0.band.rawValue, String($0.count)] })
                print("")
                TrackerCommandSupport.printFigures(figures, format: .table)
                if let alert = queue.alert { print("\nALERT: \(alert)") }
            }
        }
    }
}

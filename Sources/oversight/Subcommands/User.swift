import ArgumentParser
import Foundation
import OversightCore
import OversightStorage
import OversightWeb

extension Role: ExpressibleByArgument {}

extension OversightCommand {
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage who can sign in, their API tokens, restricted records and audit assignments.",
            subcommands: [Add.self, List.self, Token.self, Restrict.self, AssignAudit.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a user, or change an existing one's role, team or password.",
                discussion: "Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")). The password is read from OVERSIGHT_PASSWORD, or generated and printed.")

            @Argument(help: "The sign-in name (lower case).") var username: String
            @Option(help: "The role, which decides what the user can see.") var role: Role
            @Option(help: "The name shown on pages.") var name: String?
            @Option(help: "The worker ID in the case data (social workers).") var worker: String?
            @Option(help: "The team ID whose children the user sees (social workers, team managers).") var team: String?
            @OptionGroup var database: ExistingDatabase

            func run() throws {
                let store = try database.open()
                let password = ProcessInfo.processInfo.environment["OVERSIGHT_PASSWORD"] ?? Secrets.demoPassword()
                let account = UserAccount(
                    username: username.lowercased(), displayName: name ?? username, role: role, workerID: worker, teamID: team)
                do { try store.saveUser(account, passwordHash: Secrets.hashPassword(password)) } catch { throw failure(error) }
                print("Saved \(account.username) (\(role.title)).")
                if ProcessInfo.processInfo.environment["OVERSIGHT_PASSWORD"] == nil { print("Password: \(password)") }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List users and their roles.")
            @OptionGroup var database: ExistingDatabase

            func run() throws {
                let store = try database.open()
                let users: [UserAccount]
                do { users = try store.users() } catch { throw failure(error) }
                printTable(
                    header: ["Username", "Name", "Role", "Team", "Worker"],
                    rows: users.map { [$0.username, $0.displayName, $0.role.rawValue, $0.teamID ?? "", $0.workerID ?? ""] })
            }
        }

        struct Token: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Issue an API token for a user. It is printed once; only its hash is stored.")
            @Argument var username: String
            @Option(help: "What the token is for.") var label: String = "api"
            @OptionGroup var database: ExistingDatabase

            func run() throws {
                let store = try database.open()
                let token = Secrets.token()
                do {
                    guard try store.user(named: username.lowercased()) != nil else { throw CommandFailure("no user called \(username)") }
                    try store.saveAPIToken(hash: Secrets.tokenHash(token), username: username.lowercased(), label: label)
                } catch { throw failure(error) }
                print(token)
            }
        }

        struct Restrict: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Restrict a child's record to named users and teams; no one else can open it, whatever their role.")
            @Argument var child: String
            @Option(help: "Comma-separated usernames allowed.") var users: String = ""
            @Option(help: "Comma-separated team IDs allowed.") var teams: String = ""
            @Option(help: "Why the record is restricted.") var reason: String
            @Flag(help: "Lift the restriction instead.") var lift = false
            @OptionGroup var database: ExistingDatabase

            func run() throws {
                let store = try database.open()
                func list(_ text: String) -> Set<String> {
                    Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
                }
                do {
                    if lift {
                        try store.removeRestriction(childID: child)
                    } else {
                        try store.saveRestriction(ChildRestriction(childID: child, usernames: list(users), teamIDs: list(teams), reason: reason))
                    }
                } catch { throw failure(error) }
                print(lift ? "Lifted the restriction on \(child)." : "Restricted \(child).")
            }
        }

        struct AssignAudit: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "assign-audit", abstract: "Let a QA auditor open a child's record for an audit.")
            @Argument var username: String
            @Argument var children: [String]
            @OptionGroup var database: ExistingDatabase

            func run() throws {
                let store = try database.open()
                do { for child in children { try store.assignAudit(childID: child, to: username.lowercased()) } } catch { throw failure(error) }
                print("Assigned \(children.count) children to \(username).")
            }
        }
    }
}

import ArgumentParser
import ClassStore
import Foundation
import ReviewStore
import TerminalUI

/// `jatta class`: sharing results with a class on a PostgreSQL server
/// (docs/class.md). Students join and sync; instructors report; an
/// administrator sets the server up. Only these commands and `jatta sync`
/// load libpq.
struct ClassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Share results with a class on a PostgreSQL server (join, report, setup).",
        discussion: """
            Passwords never go on the command line: libpq reads them from ~/.pgpass \
            (mode 0600), PGPASSFILE or PGPASSWORD. See docs/class.md.
            """,
        subcommands: [ClassJoinCommand.self, ClassReportCommand.self, ClassSetupCommand.self])
}

/// The two settings `jatta class join` keeps in the progress database.
enum ClassSettings {
    /// The connection string (never with a password).
    static let connection = "class.connection"
    /// The class's id.
    static let classID = "class.id"

    /// The class this store joined, if any.
    static func address(in store: ProgressStore) throws -> ClassAddress? {
        guard let connection = try store.setting(connection), let classID = try store.setting(classID) else { return nil }
        return ClassAddress(connectionString: connection, classID: classID)
    }

    /// libpq waits forever for a silent server unless told otherwise; a
    /// sync must give up soon and leave it to the next one.
    static func prepareEnvironment() {
        setenv("PGCONNECT_TIMEOUT", "10", 0)
        setenv("PGAPPNAME", "jatta", 0)
    }
}

/// Prints a class error in the user's language and gives the exit status:
/// 75 (try again later) when the server could not be reached, 69 when libpq
/// is missing, 1 otherwise.
enum ClassFailure {
    static func exit(_ error: ClassError, language: Language, syncing: Bool = false, joining: Bool = false) -> ExitCode {
        var text = error.message(kazakh: language == .kk)
        if joining {
            // Nothing is remembered before the server says the role is in
            // the class: 75 must not read as "the next sync sends it".
            text += language == .kk
                ? " (сыныпқа қосылған жоқсыз: сервер қолжетімді болғанда осы jatta class join командасын қайталаңыз)"
                : " (the class was not joined: run this jatta class join again once the server can be reached)"
        } else if syncing, error.isTransient {
            text += language == .kk
                ? " (жауаптарыңыз сақталды, келесі синхрондауда жіберіледі)"
                : " (your answers are kept and go with the next sync)"
        }
        Console.errorLine("jatta: " + TerminalText.oneLine(text))
        switch error.kind {
        case .unreachable: return ExitCode(75)
        case .libraryMissing: return ExitCode(69)
        case .passwordInAddress, .badAddress, .noClassName, .badClassID: return ExitCode(64)
        default: return ExitCode(1)
        }
    }
}

/// `jatta class join URL`: remembers the class in the progress database
/// (opt-in: nothing is sent before this) and sends what is there already.
struct ClassJoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join a class: remember its server and send your results there.",
        discussion: """
            URL is a libpq connection string, e.g. \
            postgresql://alice@class.example.edu/jatta?sslmode=verify-full&class=IR101 \
            (class= names the class; or give --class). It must not hold a password. \
            Once joined, every study or quiz session ends with a sync in the background.
            """)

    @Argument(help: ArgumentHelp("The class server's address (libpq URI or key=value string).", valueName: "url"))
    var url: String

    @Option(name: .customLong("class"), help: "The class's id, when the URL does not give class=.")
    var className: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        ClassSettings.prepareEnvironment()
        let address: ClassAddress
        let isStudent: Bool
        let connection: PostgresConnection
        do {
            address = try ClassAddress.parse(url, classOption: className)
            connection = try PostgresConnection(connectionString: address.connectionString)
            isStudent = try connection.scalar("SELECT jatta.is_member($1)", [address.classID]) == "t"
            let teaches = try connection.scalar("SELECT jatta.teaches($1)", [address.classID]) == "t"
            guard isStudent || teaches else { throw ClassError(.notMember, detail: address.classID) }
        } catch let error as ClassError {
            throw ClassFailure.exit(error, language: language, joining: error.isTransient || error.kind == .loginRefused)
        }
        let store: ProgressStore
        do {
            store = try database.openStore()
            try store.setSetting(ClassSettings.connection, address.connectionString)
            try store.setSetting(ClassSettings.classID, address.classID)
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        let name = TerminalText.oneLine(address.classID)
        guard isStudent else {
            Console.line(
                language == .kk
                    ? "\(name) сыныбы есте сақталды (оқытушы): jatta class report" : "Joined \(name) as its instructor: jatta class report")
            return
        }
        Console.line(language == .kk ? "\(name) сыныбына қосылдыңыз." : "Joined class \(name).")
        try SyncCommand.sync(connection: connection, address: address, store: store, quiet: false, language: language)
    }
}

/// `jatta class setup URL`: creates or updates the class store's schema
/// (an administrator's role: one that may create schemas and roles).
struct ClassSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Create or update the class store's tables on a server (administrators).",
        discussion: """
            Applies the missing migrations of the jatta schema, each in one \
            transaction. Classes, instructors and students are then added with \
            SQL (docs/class.md).
            """)

    @Argument(help: ArgumentHelp("The server's address, as an administrator's role.", valueName: "url"))
    var url: String

    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        ClassSettings.prepareEnvironment()
        do {
            try ClassAddress.checkNoPassword(url)
            let connection = try PostgresConnection(connectionString: url)
            let applied = try ClassMigrator.migrate(connection)
            Console.line(
                applied.isEmpty
                    ? (language == .kk ? "Сынып қоймасы жаңа." : "The class store is up to date.")
                    : (language == .kk ? "Қолданылды: " : "Applied: ") + applied.joined(separator: ", "))
        } catch {
            throw ClassFailure.exit(error, language: language)
        }
    }
}

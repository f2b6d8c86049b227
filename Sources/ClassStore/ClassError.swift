/// What went wrong talking to a class server, as a value: the commands turn
/// it into one line in the student's language and an exit status. Messages
/// never repeat the connection string, so nothing secret reaches a log.
public struct ClassError: Error, Equatable, Sendable {
    /// The kinds of failure a class command reports differently.
    public enum Kind: Equatable, Sendable {
        /// libpq (Debian's `libpq5`) is not installed.
        case libraryMissing
        /// The server could not be reached or refused the connection.
        case unreachable
        /// The server was reached and refused the login: a wrong or
        /// missing password, an unknown role or database, no entry for this
        /// host. No later sync gets through until the settings change.
        case loginRefused
        /// The server answered a statement with an error (SQLSTATE).
        case server(sqlState: String)
        /// The address carries a password, which would end up in shell
        /// history and process lists.
        case passwordInAddress
        /// The address is not a PostgreSQL connection string.
        case badAddress
        /// No `class=` was given with the address.
        case noClassName
        /// The class id is not one a class server takes: letters, digits,
        /// `_`, `.` and `-`, up to 64.
        case badClassID
        /// This progress database has not joined a class.
        case notJoined
        /// The role is neither a student nor the instructor of the class.
        case notMember
        /// The server sent something the client cannot read.
        case unexpectedReply
        /// The class holds this role's results from another progress
        /// database: this one's would be skipped or dropped.
        case otherStore
        /// The server's class store was set up by a newer jatta (a
        /// migration this one does not know).
        case newerServer
    }

    /// Which failure.
    public var kind: Kind
    /// The server's or libpq's own words, when there are any (never the
    /// connection string).
    public var detail: String

    /// Creates an error.
    public init(_ kind: Kind, detail: String = "") {
        self.kind = kind
        self.detail = detail
    }

    /// True for failures the next sync may not meet: the server down, the
    /// network gone. Studying goes on and nothing is lost.
    public var isTransient: Bool { kind == .unreachable }

    /// One line for the terminal, in Kazakh or English.
    public func message(kazakh: Bool) -> String {
        let text: (String, String)
        switch kind {
        case .libraryMissing:
            text = (
                "libpq табылмады (Debian: apt-get install libpq5); сынып командалары онсыз жұмыс істемейді",
                "libpq is not installed (Debian: apt-get install libpq5); the class commands need it")
        case .unreachable:
            text = ("сынып серверіне қосылу мүмкін болмады", "the class server cannot be reached")
        case .loginRefused:
            text = (
                "сынып сервері кіруге рұқсат бермеді: пайдаланушы атын және ~/.pgpass не PGPASSWORD ішіндегі құпия сөзді тексеріңіз",
                "the class server refused the login: check the user name and the password in ~/.pgpass or PGPASSWORD")
        case .server(let state):
            text = ("сынып сервері қате қайтарды (\(state))", "the class server refused (\(state))")
        case .passwordInAddress:
            text = (
                "мекенжайда құпия сөз болмауы керек: оны ~/.pgpass файлына (0600) немесе PGPASSWORD айнымалысына жазыңыз",
                "the address must not hold a password: put it in ~/.pgpass (mode 0600) or PGPASSWORD instead")
        case .badAddress:
            text = ("бұл PostgreSQL мекенжайы емес", "this is not a PostgreSQL address")
        case .noClassName:
            text = (
                "сыныптың атын беріңіз: мекенжайдың соңында ?class=АТЫ немесе --class АТЫ",
                "name the class: ?class=NAME at the end of the address, or --class NAME")
        case .badClassID:
            text = (
                "сынып ID-і тек латын әріптері, сандар, _ . - белгілерінен тұрады (64-ке дейін)",
                "a class id holds only Latin letters, digits, _ . and - (up to 64)")
        case .notJoined:
            text = (
                "бұл прогресс дерекқоры ешбір сыныпқа қосылмаған (jatta class join URL)",
                "this progress database has joined no class (jatta class join URL)")
        case .notMember:
            text = (
                "бұл рөл сыныптың студенті де, оқытушысы да емес",
                "this role is neither a student nor the instructor of that class")
        case .unexpectedReply:
            text = ("сынып серверінің жауабы түсініксіз", "the class server sent a reply jatta cannot read")
        case .newerServer:
            text = (
                "сынып қоймасын jatta-ның жаңарақ нұсқасы орнатқан; jatta-ны жаңартыңыз (сервер өзгертілмеді)",
                "the class store was set up by a newer jatta; update jatta (the server was left as it is)")
        case .otherStore:
            text = (
                "бұл сыныпта сіздің нәтижелеріңіз басқа прогресс дерекқорынан келген (басқа компьютер не жаңадан басталған дерекқор); сынып әр студенттің бір дерекқорын ғана қабылдайды, сондықтан мұның жауаптары жіберілмеді: сол дерекқормен оқып, сонымен синхрондаңыз",
                "the class holds your results from another progress database (another computer, or a database begun anew); a class takes one database per student, so this one's answers were not sent: study and sync with that one")
        }
        let line = kazakh ? text.0 : text.1
        return detail.isEmpty ? line : line + ": " + detail
    }
}

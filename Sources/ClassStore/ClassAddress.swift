import CLibPQ
import Foundation

/// Where a class lives: a libpq connection string without a password, and
/// the class's id. `jatta class join` keeps both in the progress database,
/// so every later sync goes to the same place with the same settings
/// (`sslmode`, `sslrootcert`, host, port, user, database).
public struct ClassAddress: Hashable, Sendable, Codable {
    /// The libpq connection string (URI or key=value), never with a password.
    public var connectionString: String
    /// The class's id on the server (`jatta.class.id`).
    public var classID: String

    /// Creates an address from parts already checked.
    public init(connectionString: String, classID: String) {
        self.connectionString = connectionString
        self.classID = classID
    }

    /// Reads what a student or instructor typed: a `postgresql://` URI that
    /// may end in `class=ID` among its query parameters (libpq itself would
    /// refuse that parameter, so it is taken out here), or a key=value string
    /// with `--class`. A password anywhere in it is refused, and libpq parses
    /// the rest, so a typo is reported before anything is stored.
    public static func parse(_ text: String, classOption: String?) throws(ClassError) -> ClassAddress {
        var connection = text.trimmingCharacters(in: .whitespaces)
        var classID = classOption
        if connection.hasPrefix("postgresql://") || connection.hasPrefix("postgres://"),
            let question = connection.firstIndex(of: "?")
        {
            let base = connection[..<question]
            var kept: [Substring] = []
            for parameter in connection[connection.index(after: question)...].split(separator: "&") {
                if parameter.hasPrefix("class=") {
                    let value = String(parameter.dropFirst("class=".count))
                    classID = value.removingPercentEncoding ?? value
                } else {
                    kept.append(parameter)
                }
            }
            connection = String(base) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        }
        // The address first: an http:// address holding class= was told
        // to name the class.
        try checkNoPassword(connection)
        guard let classID, !classID.isEmpty else { throw ClassError(.noClassName) }
        // The server's own rule for a class id (jatta.class.id's CHECK):
        // another id was sent, and answered "neither a student nor the
        // instructor".
        guard classID.utf8.count <= 64, classID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) })
        else { throw ClassError(.badClassID, detail: classID) }
        return ClassAddress(connectionString: connection, classID: classID)
    }

    /// Asks libpq to parse the string; refuses it when it names a password.
    /// (For an administrator's address, which names no class.)
    public static func checkNoPassword(_ connection: String) throws(ClassError) {
        let pq = try LibPQ.load()
        var message: UnsafeMutablePointer<CChar>?
        guard let options = pq.conninfoParse(connection, &message) else {
            let detail = PostgresConnection.oneLine(message.map { UnsafePointer($0) })
            free(message)
            throw ClassError(.badAddress, detail: detail)
        }
        defer { pq.conninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val, value.pointee != 0 {
                throw ClassError(.passwordInAddress)
            }
            option += 1
        }
    }
}

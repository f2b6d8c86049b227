import CLibPQ
import Foundation
import Glibc

/// One connection to a class server. Every statement goes through
/// `PQexecParams` with its values as separate parameters: no SQL in jatta is
/// built by pasting text together, so no deck text, answer or name can ever
/// be read as SQL.
public final class PostgresConnection {
    /// The library the connection was made with.
    private let pq: LibPQ
    /// libpq's connection.
    private let handle: OpaquePointer

    /// Connects with a libpq connection string (URI or key=value). libpq
    /// reads the password from `PGPASSWORD`, `PGPASSFILE` or `~/.pgpass`,
    /// and honours `sslmode` and every other setting of the string.
    public init(connectionString: String) throws(ClassError) {
        pq = try LibPQ.load()
        guard let handle = pq.connectdb(connectionString) else { throw ClassError(.unreachable, detail: "out of memory") }
        guard pq.status(handle) == CONNECTION_OK else {
            let detail = Self.oneLine(pq.errorMessage(handle))
            pq.finish(handle)
            throw ClassError(Self.refusesLogin(detail) ? .loginRefused : .unreachable, detail: detail)
        }
        _ = pq.setNoticeProcessor(handle, jatta_pq_ignore_notice, nil)
        self.handle = handle
    }

    deinit { pq.finish(handle) }

    /// Whether a failed connection's message says the server was reached
    /// and would not let this login in (libpq's own words, and the server's
    /// in its default English), rather than not reached at all: said as a
    /// refusal, status 1, not "the next sync sends it".
    static func refusesLogin(_ message: String) -> Bool {
        let lower = message.lowercased()
        return [
            "password authentication failed", "no password supplied", "authentication failed",
            "pg_hba.conf", "does not exist", "permission denied for database", "peer authentication",
        ].contains { lower.contains($0) } && !lower.contains("could not connect") && !lower.contains("connection refused")
            && !lower.contains("timeout expired")
    }

    /// Runs one statement with `$1 … $n` bound to `parameters` (nil is SQL
    /// NULL) and returns its rows as text.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws(ClassError) -> [[String?]] {
        let copies = parameters.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let values = copies.map { UnsafePointer<CChar>($0) }
        guard
            let result = values.withUnsafeBufferPointer({ buffer in
                pq.execParams(handle, sql, Int32(buffer.count), nil, buffer.baseAddress, nil, nil, 0)
            })
        else { throw ClassError(.unreachable, detail: Self.oneLine(pq.errorMessage(handle))) }
        return try rows(of: result)
    }

    /// Runs a fixed script of several statements (a migration). Only
    /// constant text comes here: it takes no values at all.
    func runScript(_ sql: String) throws(ClassError) {
        guard let result = pq.exec(handle, sql) else {
            throw ClassError(.unreachable, detail: Self.oneLine(pq.errorMessage(handle)))
        }
        _ = try rows(of: result)
    }

    /// Reads a result's rows as text and frees it, or throws its error.
    private func rows(of result: OpaquePointer) throws(ClassError) -> [[String?]] {
        defer { pq.clear(result) }
        let status = pq.resultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let state = pq.resultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let detail = Self.oneLine(pq.resultErrorMessage(result))
            // A connection lost mid-statement has no SQLSTATE.
            guard let state else { throw ClassError(.unreachable, detail: detail) }
            throw ClassError(.server(sqlState: state), detail: detail)
        }
        let rows = pq.ntuples(result)
        let columns = pq.nfields(result)
        var table: [[String?]] = []
        table.reserveCapacity(Int(rows))
        for row in 0..<rows {
            var values: [String?] = []
            values.reserveCapacity(Int(columns))
            for column in 0..<columns {
                if pq.getisnull(result, row, column) != 0 {
                    values.append(nil)
                } else {
                    values.append(pq.getvalue(result, row, column).map { String(cString: $0) })
                }
            }
            table.append(values)
        }
        return table
    }

    /// Runs `body` in one transaction: committed when it returns, rolled
    /// back when it throws.
    public func transaction<T>(_ body: () throws(ClassError) -> T) throws(ClassError) -> T {
        try query("BEGIN")
        do {
            let value = try body()
            try query("COMMIT")
            return value
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// The first value of the first row, for one-figure queries.
    public func scalar(_ sql: String, _ parameters: [String?] = []) throws(ClassError) -> String? {
        try query(sql, parameters).first?.first ?? nil
    }

    /// libpq's messages end in a newline and may span lines ("DETAIL:");
    /// the commands print one line.
    static func oneLine(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        return String(cString: text).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }
}

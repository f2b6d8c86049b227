import Foundation
import GRDB
import GRDBSQLite

/// The current row of a statement being stepped, read from SQLite's columns
/// directly: a pass over 100,000 cards spent most of its time boxing every
/// value into a `DatabaseValue`. Only values of the type jatta writes are
/// read here; anything else (NULL where one is required, text, a blob, a
/// real where a whole number belongs, infinities) is handed to `StoredRow`,
/// which accepts what it accepts and words the error, so both readers give
/// the same values and the same errors.
struct StatementRow: StoredValues {
    /// The cursor's row (the same row GRDB would decode), for the careful path.
    let row: Row
    /// The prepared statement the cursor steps.
    let statement: SQLiteStatement
    /// The column holding the card key, named in errors (nil: none).
    let keyColumn: Int?
    /// The database path, for the error's place.
    let path: String

    /// Steps `statement` (with `arguments`, when given) and hands `body` a
    /// reader of each row. The cursor hands over the same row at every
    /// step, so the reader is made once, not once a row: each copy retained
    /// the row, the path and the statement, 96,000 times in a start at
    /// 100,000 cards.
    static func forEach(
        of statement: Statement, arguments: StatementArguments? = nil, keyColumn: Int?, path: String,
        _ body: (StatementRow) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        guard let first = try rows.next() else { return }
        let reader = StatementRow(row: first, statement: statement.sqliteStatement, keyColumn: keyColumn, path: path)
        repeat { try body(reader) } while try rows.next() != nil
    }

    private func careful() throws -> StoredRow { try StoredRow(row, keyColumn: keyColumn, path: path) }

    // A number column is read through its value (`sqlite3_column_value`,
    // then `sqlite3_value_*`): each `sqlite3_column_*` call checks the
    // statement, the cursor and the allocator again, and asking the type
    // and then the number cost two of those per column — a fifth of the
    // statistics' pass over 96,000 state rows. Both are inlined: called
    // ten times a row, the call itself was a tenth of their cost.

    @inline(__always)
    func int64(_ index: Int, required: Bool) throws -> Int64? {
        let value = sqlite3_column_value(statement, Int32(index))
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return sqlite3_value_int64(value)
        case SQLITE_NULL where !required: return nil
        default: return try careful().int64(index, required: required)
        }
    }

    @inline(__always)
    func double(_ index: Int, required: Bool) throws -> Double? {
        let value = sqlite3_column_value(statement, Int32(index))
        switch sqlite3_value_type(value) {
        case SQLITE_FLOAT:
            let number = sqlite3_value_double(value)
            return number.isFinite ? number : try careful().double(index, required: required)
        case SQLITE_INTEGER: return Double(sqlite3_value_int64(value))
        case SQLITE_NULL where !required: return nil
        default: return try careful().double(index, required: required)
        }
    }

    /// Whether column `index` is NULL.
    func isNull(_ index: Int) -> Bool { sqlite3_column_type(statement, Int32(index)) == SQLITE_NULL }

    /// Text, read only when asked (a card's key, a deck file that changed).
    func string(_ index: Int, required: Bool) throws -> String? {
        try careful().string(index, required: required)
    }

    /// The UTF-8 bytes of text column `index` in place (nil: not text),
    /// valid until the statement steps: compared, a text repeated row after
    /// row (the deck file of each card) is made into a `String` only once.
    /// Through the column's value, as the numbers are: three
    /// `sqlite3_column_*` calls checked the statement three times.
    @inline(__always)
    func textBytes(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
        let value = sqlite3_column_value(statement, Int32(index))
        guard sqlite3_value_type(value) == SQLITE_TEXT, let text = sqlite3_value_text(value) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value)))
    }

    /// Text column `index` as a `String` when it is text and valid UTF-8
    /// (nil otherwise, for the careful path to word). Text all in ASCII,
    /// as keys usually are, is valid as it stands and is made without
    /// `String(validating:as:)`, whose generic validation was a tenth of
    /// reading a 9,999-card queue.
    func validText(_ index: Int) -> String? {
        guard let bytes = textBytes(index) else { return nil }
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The UTF-8 bytes of key column `index` in place, valid until the
    /// statement steps; a key that is not text is a corrupt store.
    func keyBytes(_ index: Int) throws -> UnsafeBufferPointer<UInt8> {
        if let bytes = textBytes(index) { return bytes }
        _ = try careful().string(index, required: true)
        throw corrupt(index, "a key that is not text")
    }

    /// SQLite's BINARY order of two texts (negative: `a` first): their
    /// bytes, then the shorter first. Two passes over tables in key order
    /// are matched by it.
    static func binaryOrder(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let x = a.baseAddress, let y = b.baseAddress {
            let order = memcmp(x, y, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    func corrupt(_ index: Int, _ problem: String) -> StoreError {
        do {
            return try careful().corrupt(index, problem)
        } catch let error as StoreError {
            return error
        } catch {
            return StoreError(.corruptValue(key: "?", what: problem), path: path)
        }
    }
}

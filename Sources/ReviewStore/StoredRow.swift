import Foundation
import GRDB

/// A row read from the progress database, decoded without trusting it.
///
/// GRDB's `row[i]` traps when a value does not convert (text in a numeric
/// column, NULL in a required one), and a damaged or hand-edited database
/// must never crash the trainer. Every accessor here throws a
/// `StoreError.corruptValue` naming the card key and the column instead.
struct StoredRow: StoredValues {
    /// The row as SQLite gave it.
    let row: Row
    /// The card key the row belongs to, for the message ("?" when unknown).
    let key: String
    /// The database path, for the error's place.
    let path: String

    /// Wraps `row`, taking the card key from column `keyColumn` when given
    /// (a key that is not text is itself a corrupt value).
    init(_ row: Row, keyColumn: Int?, knownKey: String? = nil, path: String) throws {
        let unnamed = StoredRow(row: row, key: knownKey ?? "?", path: path)
        guard let keyColumn else {
            self = unnamed
            return
        }
        self.init(row: row, key: try unnamed.string(keyColumn, required: true)!, path: path)
    }

    private init(row: Row, key: String, path: String) {
        self.row = row
        self.key = key
        self.path = path
    }

    /// The failure for column `index` holding something it must not.
    func corrupt(_ index: Int, _ problem: String) -> StoreError {
        let names = Array(row.columnNames)
        let column = index < names.count ? names[index] : "#\(index)"
        return StoreError(.corruptValue(key: key, what: "\(column): \(problem)"), path: path)
    }

    private func value(_ index: Int, required: Bool) throws -> DatabaseValue? {
        guard index < row.count else { throw corrupt(index, "missing column") }
        // Through the untyped subscript: GRDB's generic one costs a type
        // look-up per value, a quarter of reading 100,000 cards for the
        // statistics.
        let value = (row[index] as (any DatabaseValueConvertible)?)?.databaseValue ?? .null
        if value.isNull {
            if required { throw corrupt(index, "NULL") }
            return nil
        }
        return value
    }

    private func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .string(let text): "text “\(text.prefix(40))” where a number belongs"
        case .blob: "a blob where a number belongs"
        case .double(let number): "\(number) where a whole number belongs"
        default: "\(value)"
        }
    }

    /// A whole number; a real with a fraction, text or a blob is corrupt.
    func int64(_ index: Int, required: Bool = false) throws -> Int64? {
        guard let value = try value(index, required: required) else { return nil }
        switch value.storage {
        case .int64(let number): return number
        case .double(let number) where number.rounded() == number && abs(number) < 9e15: return Int64(number)
        default: throw corrupt(index, describe(value))
        }
    }

    /// A finite real number.
    func double(_ index: Int, required: Bool = false) throws -> Double? {
        guard let value = try value(index, required: required) else { return nil }
        let number: Double
        switch value.storage {
        case .int64(let whole): number = Double(whole)
        case .double(let real): number = real
        default: throw corrupt(index, describe(value))
        }
        if !number.isFinite { throw corrupt(index, "\(number)") }
        return number
    }

    /// Text.
    func string(_ index: Int, required: Bool = false) throws -> String? {
        guard let value = try value(index, required: required) else { return nil }
        guard case .string(let text) = value.storage else { throw corrupt(index, "\(value) where text belongs") }
        return text
    }

    /// A registry prompt, coded or text (`PromptCoding`).
    func prompt(_ index: Int, required: Bool = false) throws -> String? {
        guard let value = try value(index, required: required) else { return nil }
        guard let text = PromptCoding.text(stored: value) else { throw corrupt(index, "\(value) where a prompt belongs") }
        return text
    }
}

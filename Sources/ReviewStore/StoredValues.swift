/// The values of one stored row, read without trusting them: every accessor
/// throws a `StoreError.corruptValue` naming the card and the column
/// instead of trapping. `StoredRow` reads GRDB's row; `StatementRow` reads
/// SQLite's columns directly where a pass over every card must be cheap.
/// Both give the same values and the same errors, so the rules of what is
/// corrupt (`ProgressColumns.progress`) are written once, over this.
protocol StoredValues {
    /// A whole number; a real with a fraction, text or a blob is corrupt.
    func int64(_ index: Int, required: Bool) throws -> Int64?
    /// A finite real number.
    func double(_ index: Int, required: Bool) throws -> Double?
    /// The failure for column `index` holding something it must not.
    func corrupt(_ index: Int, _ problem: String) -> StoreError
}

extension StoredValues {
    /// A whole number that fits an `Int`.
    func int(_ index: Int, required: Bool = false) throws -> Int? {
        try int64(index, required: required).map { Int($0) }
    }

    /// A whole number that may not be negative (counts, steps, durations).
    func count(_ index: Int, required: Bool = false) throws -> Int? {
        guard let number = try int(index, required: required) else { return nil }
        if number < 0 { throw corrupt(index, "negative (\(number))") }
        return number
    }

    /// A flag stored as 0 or 1.
    func bool(_ index: Int, required: Bool = false) throws -> Bool? {
        guard let number = try int64(index, required: required) else { return nil }
        guard number == 0 || number == 1 else { throw corrupt(index, "\(number) where 0 or 1 belongs") }
        return number == 1
    }
}

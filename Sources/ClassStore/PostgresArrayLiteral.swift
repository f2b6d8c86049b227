/// One column of a batch as a PostgreSQL array literal (`{…}`), the text
/// form `unnest($n::type[])` reads: a batch goes as one parameter per
/// column, which the server parses several times faster than the same rows
/// as JSON, and which is a value, never SQL. Text elements are always
/// quoted, so no deck text can end an element or the array early.
struct PostgresArrayLiteral {
    /// The literal so far, without the closing brace.
    private var text = "{"
    /// Whether an element has been added (the next one needs a comma).
    private var started = false

    init() {}

    /// The finished literal.
    var literal: String { text + "}" }

    private mutating func separate() {
        if started { text += "," } else { started = true }
    }

    /// Adds a text element, or NULL. PostgreSQL text cannot hold U+0000, so
    /// it is dropped rather than failing the batch.
    mutating func append(_ value: String?) {
        separate()
        guard let value else { return text += "NULL" }
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\u{0}": continue
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// Adds an integer element, or NULL.
    mutating func append<Value: BinaryInteger>(_ value: Value?) {
        separate()
        text += value.map { "\($0)" } ?? "NULL"
    }

    /// Adds a number, or NULL for none and for a value that is not finite
    /// (no column of the class store means anything by one).
    mutating func append(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { return text += "NULL" }
        text += "\(value)"
    }
}

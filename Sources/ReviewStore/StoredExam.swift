/// An exam the student set (`jatta exam set`), as the store keeps it.
public struct StoredExam: Hashable, Sendable {
    /// The row id, which `jatta exam clear ID` names.
    public var id: Int64
    /// The exam's date, `YYYY-MM-DD` as it was given.
    public var date: String
    /// The deck files and folders it covers, as absolute paths; empty for
    /// every deck.
    public var paths: [String]
    /// The answers a day the student accepts; nil for the default.
    public var workload: Int?

    public init(id: Int64 = 0, date: String, paths: [String], workload: Int? = nil) {
        self.id = id
        self.date = date
        self.paths = paths
        self.workload = workload
    }
}

import Foundation

/// How a file-backed store is opened. The durability settings themselves are
/// not options: see `ProgressStore.init(path:options:)` for why they are fixed.
public struct StoreOptions: Hashable, Sendable {
    /// How long one statement waits for another process's write lock before
    /// SQLite gives up with SQLITE_BUSY.
    public var busyTimeout: TimeInterval
    /// How many more times a whole transaction is tried after SQLITE_BUSY.
    public var busyRetries: Int
    /// An upper bound on the database size in pages (SQLite's
    /// `max_page_count`), for quotas on shared servers; nil for none. A write
    /// beyond it fails like a full disk.
    public var maximumPageCount: Int?
    /// Open for reading only, without creating, migrating or switching
    /// journal mode: for reading commands on a database the user cannot
    /// write (a read-only folder, a copy handed in for marking).
    public var readOnly = false

    /// Creates options; the defaults suit an interactive session.
    public init(busyTimeout: TimeInterval = 5, busyRetries: Int = 3, maximumPageCount: Int? = nil, readOnly: Bool = false) {
        self.busyTimeout = busyTimeout
        self.busyRetries = busyRetries
        self.maximumPageCount = maximumPageCount
        self.readOnly = readOnly
    }
}

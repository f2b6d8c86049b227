/// Values a session keeps until the process ends instead of freeing them
/// when it returns: at 100,000 cards, freeing every card and schedule one
/// by one after the last screen was a few per cent of a start, and the
/// system takes the memory back at exit all at once. Only plain values go
/// here (never a store or a file, which must be closed).
enum KeptUntilExit {
    /// What is kept, never read.
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) { values.append(value) }
}

import Dispatch

/// Work begun on a thread of its own, its result waited for where it is
/// needed: a start reads the schedules it kept while it reads the decks,
/// and walks the faces of the second half of a large collection's decks
/// while it walks the first (`QueueBuilder.build`). The machines students
/// share have more than one core, and at 100,000 cards each of those was
/// a fifth of a start.
///
/// The work runs on a queue of its own, never on the shared pool of
/// threads: a queue made for it always gets a thread, where work sent to
/// the pool could wait for one held by the very thread waiting for it.
public final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    // Unchecked: `value` is written once by the work's thread before `done`
    // is signalled, and read and emptied only after it is waited for.

    /// Signalled once `value` is written.
    private let done = DispatchSemaphore(value: 0)
    /// The result, until it is taken.
    private var value: Result?
    /// Whether `take()` gave it already.
    private var taken = false

    /// Begins `work`.
    public init(_ work: @escaping @Sendable () -> Result) {
        DispatchQueue(label: "jatta.background-work").async { [self] in
            value = work()
            done.signal()
        }
    }

    /// The work's result, once it is there; nil when it was taken before.
    /// Taken, not copied: kept here too, a large result (the kept schedule
    /// table, 10 MB at 100,000 cards) would be copied whole at its first
    /// change, and held until this object goes.
    public func take() -> Result? {
        done.wait()
        // Left signalled for any later asker.
        done.signal()
        guard !taken else { return nil }
        taken = true
        defer { value = nil }
        return value
    }
}

/// Buffers handed to the threads of one `DispatchQueue.concurrentPerform`
/// (`ScheduleTable.updateEach`): the caller
/// keeps them alive until it returns, and each thread writes only its own
/// part of them, which the compiler cannot see.
struct UncheckedShare<Value>: @unchecked Sendable {
    /// The buffers.
    let value: Value
}

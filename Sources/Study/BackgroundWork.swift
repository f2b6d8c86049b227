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
public final class BackgroundWork<Result>: @unchecked Sendable {
    /// Signalled once `value` is written.
    private let done = DispatchSemaphore(value: 0)
    /// Written once, before `done` is signalled; read only after it is
    /// waited for.
    private var value: Result?

    /// Begins `work`.
    public init(_ work: @escaping @Sendable () -> Result) {
        DispatchQueue(label: "jatta.background-work").async { [self] in
            value = work()
            done.signal()
        }
    }

    /// The work's result, once it is there.
    public func result() -> Result {
        done.wait()
        // Left signalled for any later asker.
        done.signal()
        guard let value else { preconditionFailure("background work signalled before its result was written") }
        return value
    }
}

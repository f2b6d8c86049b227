import FSRS

/// How carrying out an effect went, when it did not simply succeed: the
/// outside world reports it back to the trainer as an event, so the model
/// follows what really happened (the session goes on, with a notice).
public enum EffectOutcome: Hashable, Sendable {
    /// The editor named by `$VISUAL`/`$EDITOR` was not found; the deck was
    /// not touched.
    case editorNotFound(command: String)
    /// The editor ended with a non-zero status (or a signal, as 128+N; nil
    /// when it could not be started or its command could not be read); the
    /// deck was not reloaded.
    case editorFailed(command: String, status: Int32?)
    /// The store refused to undo an answer because another session changed
    /// the card since; the answer stays as logged, and the card's schedule
    /// is `current`, as the store has it now.
    case undoRefused(key: String, current: CardSchedule?)
    /// The statistics could not be read; `reason` is the store's message
    /// in the interface language. The trainer goes back home.
    case statisticsUnavailable(reason: String)
}

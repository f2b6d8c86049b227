import Foundation

/// How running the editor went.
enum EditorOutcome: Equatable {
    /// It ended with status 0: the deck is read again.
    case saved
    /// No such program.
    case notFound(command: String)
    /// It failed (status, or 128+N for signal N; nil if it could not start).
    case failed(command: String, status: Int32?)
}

import DeckFormat
import Foundation
import Lectures
import TerminalUI

/// Writing a file the user named on the command line (`extract -o`,
/// `quiz --json`).
enum OutputFile {
    /// What a command writes, so that a file it wrote before may be
    /// replaced without `--force`.
    enum Kind {
        /// `quiz --json`: a quiz report.
        case quizReport
        /// `extract -o` / `--output-dir`: a draft deck.
        case draftDeck
    }

    /// What an existing file holds that writing over it would destroy.
    enum Content: Equatable {
        case database
        case deck(cards: Int)
        /// A draft of `kind`'s own whose `reviewed` question cards of
        /// `questions` no longer carry the draft tag: someone has begun
        /// checking it (`DraftDeckBuilder.review(of:)`).
        case reviewedDraft(questions: Int, reviewed: Int)
        case otherFile(bytes: Int)
    }

    /// The largest file looked into to tell what it is; anything bigger is
    /// not a previous output of jatta's and is named by its size.
    private static let inspectionLimit = 64 << 20

    /// What would be lost by writing a `kind` output to `path`; nil when
    /// nothing would be: no file yet, an empty file, a device or FIFO
    /// (written into, not replaced), or a previous output of the same kind.
    static func contentAtRisk(at path: String, kind: Kind) -> Content? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard size <= inspectionLimit, let data = FileManager.default.contents(atPath: path) else {
            return .otherFile(bytes: size)
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: Array("SQLite format 3\0".utf8)) { return .database }
        switch kind {
        case .quizReport:
            if isQuizReport(data) { return nil }
        case .draftDeck:
            break
        }
        let deck = DeckParser.parse(bytes, file: path).deck
        let cards = deck.cards
        if kind == .draftDeck, deck.metadata("description") == DraftDeckBuilder.draftDescription {
            // A draft whose question cards are all still tagged as drafts
            // has not been reviewed: replacing it loses no one's work.
            let review = DraftDeckBuilder.review(of: deck)
            if review.reviewed == 0 { return nil }
            return .reviewedDraft(questions: review.questions, reviewed: review.reviewed)
        }
        return cards.isEmpty ? .otherFile(bytes: size) : .deck(cards: cards.count)
    }

    /// The JSON object `quiz --json` writes: its keys are a fixed set.
    private static func isQuizReport(_ data: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return ["seed", "mode", "score", "startedAt", "questions"].allSatisfy { object[$0] != nil }
    }

    /// The message refusing to write a `kind` output to `path`, or nil when
    /// it may be written (nothing at risk, or `force`). Checked before any
    /// work starts, so a student never takes a quiz whose report is refused.
    static func refusal(writing kind: Kind, to path: String, force: Bool, kazakh: Bool) -> String? {
        guard !force, let content = contentAtRisk(at: path, kind: kind) else { return nil }
        return refusal(content, path: path, kind: kind, kazakh: kazakh)
    }

    /// The refusal for writing over `content` at `path`, in one language.
    static func refusal(_ content: Content, path: String, kind: Kind, kazakh: Bool) -> String {
        let output = kind == .quizReport
            ? (kk: "тест нәтижесі (JSON)", en: "a quiz report (JSON)") : (kk: "жоба дестесі", en: "a draft deck")
        let path = TerminalText.visible(path, keepingLineBreaks: false)
        let lost: (kk: String, en: String)
        switch content {
        case .database:
            lost = ("SQLite дерекқоры (үлгерім болуы мүмкін)", "an SQLite database (it may hold study progress)")
        case .deck(let cards):
            lost = ("\(cards) картасы бар десте", "a deck with \(cards) \(cards == 1 ? "card" : "cards")")
        case .reviewedDraft(let questions, let reviewed):
            // A draft of this kind: "not a draft deck but …" would
            // contradict itself. What would be lost is the review begun.
            return kazakh
                ? "\(path): қате: бұл жоба дестесін тексеру басталған (\(questions) сұрақ картасының \(reviewed)-інде draft тегі алынған); оның орнына жазылмады. Ауыстыру үшін --force қосыңыз."
                : "\(path): error: this draft deck is being reviewed (\(reviewed) of its \(questions) question cards no longer carry the draft tag); it was left untouched. Add --force to replace it."
        case .otherFile(let bytes):
            lost = ("\(bytes) байт файл", "a file of \(bytes) bytes")
        }
        return kazakh
            ? "\(path): қате: файл бар, ол \(output.kk) емес, \(lost.kk); оның орнына жазылмады. Ауыстыру үшін --force қосыңыз."
            : "\(path): error: this file exists and is not \(output.en) but \(lost.en); it was left untouched. Add --force to replace it."
    }

    /// Writes `data` to `path`. A regular file (or a new one) is replaced
    /// atomically, so an interrupted run never leaves half a file. Anything
    /// else that already exists — `/dev/null`, `/dev/stdout`, a FIFO, a
    /// shell's `>(…)` — is written into: renaming over it would replace the
    /// device node itself with a regular file.
    static func write(_ data: Data, to path: String) throws(WriteFailure) {
        let bytes = [UInt8](data)
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw WriteFailure(errno: errno) }
            defer { close(descriptor) }
            if let failure = Console.writeAll(bytes, to: descriptor) { throw WriteFailure(errno: failure) }
            return
        }
        // A temporary file beside the target, then a rename: the target is
        // either the old file or the whole new one.
        let folder = (path as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.jatta-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw WriteFailure(errno: errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure = Console.writeAll(bytes, to: descriptor)
        if failure == nil, fchmod(descriptor, 0o666 & ~currentUmask()) != 0 || fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw WriteFailure(errno: failure)
        }
    }

    /// The process's umask (read by setting it and putting it back).
    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// A failed write, with the system's reason.
    struct WriteFailure: Error {
        /// The errno of the failed call.
        var errno: Int32

        /// "cannot write: disk full" in one language.
        func message(kazakh: Bool) -> String {
            let reason = Console.writeFailureReason(errno)
            return kazakh ? "файлға жазу мүмкін емес: \(reason.kk)" : "the file cannot be written: \(reason.en)"
        }
    }
}

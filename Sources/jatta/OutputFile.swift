import ClassStore
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
        /// `class report --html`: the class report as a web page.
        case classReportPage
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
        case .classReportPage:
            if ClassReportHTML.isClassReport(data) { return nil }
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
        let output: (kk: String, en: String)
        switch kind {
        case .quizReport: output = ("тест нәтижесі (JSON)", "a quiz report (JSON)")
        case .draftDeck: output = ("жоба дестесі", "a draft deck")
        case .classReportPage: output = ("сынып есебі (HTML)", "a class report (HTML)")
        }
        let path = TerminalText.oneLine(path)
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
    ///
    /// A symbolic link is followed, never replaced: `/dev/stdout` and
    /// `/dev/stderr` (links to `/proc/self/fd/N`) are written into the
    /// process's own stream (opened anew, a redirected file would be written
    /// from its start; renamed over, the link itself became a regular file,
    /// as root `/dev/stderr` of the whole machine), and a link to a file
    /// replaces the file it names.
    static func write(_ data: Data, to named: String) throws(WriteFailure) {
        let bytes = [UInt8](data)
        let (path, stream) = followingLinks(named)
        if let stream {
            if let failure = Console.writeAll(bytes, to: stream) { throw WriteFailure(errno: failure) }
            return
        }
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

    /// Where the links from `path` lead: the last path, or the descriptor
    /// of this process a link names (`/proc/self/fd/N`, `/dev/fd/N`, as
    /// `/dev/stdout` and `/dev/stderr` do). A path that is not a link, or a
    /// chain too long, is given back as it is.
    static func followingLinks(_ path: String) -> (path: String, stream: Int32?) {
        var current = path
        for _ in 0..<40 {
            if let stream = descriptor(named: current) { return (current, stream) }
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return (current, nil) }
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &target, Int(PATH_MAX))
            guard length > 0 else { return (current, nil) }
            let destination = String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/")
                ? destination : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return (current, nil)
    }

    /// Whether writing to `path` replaces what is there whole (a regular
    /// file, or none yet), rather than adding to a stream.
    static func replacesWhole(_ named: String) -> Bool {
        guard named != "-" else { return false }
        let (path, stream) = followingLinks(named)
        guard stream == nil else { return false }
        var info = stat()
        return stat(path, &info) != 0 || (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The descriptor `N` a path `/proc/self/fd/N`, `/proc/PID/fd/N` (this
    /// process's) or `/dev/fd/N` names.
    private static func descriptor(named path: String) -> Int32? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        let ownProcess = parts.count == 4 && parts[0] == "proc" && parts[2] == "fd"
            && (parts[1] == "self" || parts[1] == Substring(String(getpid())))
        let devFD = parts.count == 3 && parts[0] == "dev" && parts[1] == "fd"
        guard ownProcess || devFD, let n = Int32(parts.last!), n >= 0, fcntl(n, F_GETFD) != -1 else { return nil }
        return n
    }

    /// Why `path` cannot take an output at all, known before any work: a
    /// folder, or a new file in a folder that is not there or cannot be
    /// written. Nil when it may (a full disk is only found by writing).
    static func unwritable(_ named: String, kazakh: Bool) -> String? {
        let (path, stream) = followingLinks(named)
        if stream != nil { return nil }
        let shown = TerminalText.oneLine(named)
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                return kazakh ? "\(shown): қате: бұл қалта, файл емес" : "\(shown): error: this is a folder, not a file"
            }
            return nil
        }
        let folder = (path as NSString).deletingLastPathComponent
        let place = folder.isEmpty ? "." : folder
        let shownPlace = TerminalText.oneLine(place)
        if stat(place, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
            return kazakh
                ? "\(shown): қате: \(shownPlace) қалтасы жоқ" : "\(shown): error: there is no folder \(shownPlace)"
        }
        if access(place, W_OK) != 0 {
            return kazakh
                ? "\(shown): қате: \(shownPlace) қалтасына жазуға рұқсат жоқ"
                : "\(shown): error: the folder \(shownPlace) cannot be written"
        }
        return nil
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

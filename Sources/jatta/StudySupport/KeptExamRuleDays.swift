import DeckIndex
import Foundation
import Study

/// The exam rule's days (`ExamRuleDays`) a start with an exam ahead found,
/// in a file beside the store's kept schedules (`STORE.exam-days`), for the
/// next start with an exam.
///
/// A cache: the days are what the rule's search gives, whichever start
/// found them, so what a start shows never depends on it. It is used only
/// when written by this very build, its bytes hash as written, and its
/// answers are of the rule the start schedules with (its weights and
/// target, checked by `ExamScheduler.adjust`). A start that finds no exam
/// set removes it, so it is not read for nothing; `JATTA_DECK_INDEX=off`
/// switches it off with the deck index.
///
/// The file: a magic line, the length of the header, the header (the
/// build's stamp, the length and hash of the days' bytes), then the days'
/// bytes (`ExamRuleDays.bytes`).
struct KeptExamRuleDays: Sendable {
    /// The file.
    let path: String
    /// Its folder.
    let directory: String
    /// Whether the file was there when this was made.
    let exists: Bool

    /// The first bytes of the file.
    static let magic = Array("jatta exam days\n".utf8)

    /// The rule's days of the store whose schedules `schedules` keeps.
    init(_ schedules: KeptSchedules) {
        directory = schedules.directory
        path = (schedules.path as NSString).deletingPathExtension + ".exam-days"
        exists = access(path, R_OK) == 0
    }

    /// The days kept, checked against this build; nil when there are none
    /// this start may use.
    func read() -> ExamRuleDays? {
        guard let file = CacheFile.Reader(path: path),
            let headerBytes = KeptFileOrigin.header(of: file, magic: Self.magic),
            let header = headerBytes.withUnsafeBufferPointer({ Header($0) }), header.stamp == DeckLoading.stamp,
            let body = KeptFileOrigin.body(of: file, length: header.length, hash: header.hash)
        else { return nil }
        return body.withUnsafeBytes { ExamRuleDays(bytes: $0) }
    }

    /// Keeps `days` for the next start; a failure to write is ignored.
    func save(_ days: ExamRuleDays) {
        let body = days.bytes
        let header = Header(
            stamp: DeckLoading.stamp, length: body.count, hash: body.withUnsafeBytes { CacheFile.hash($0) }
        ).bytes
        _ = CacheFile.replace(path, directory: directory) { write in
            KeptFileOrigin.writeHeading(magic: Self.magic, header: header, write) && body.withUnsafeBytes(write)
        }
    }

    /// Removes the file (a start without an exam ahead).
    func remove() { unlink(path) }

    /// After a start that read `kept` (nil: none) and asked `rule` what
    /// `asked` holds: keeps the days for the next start when they are
    /// worth it (`ExamRuleDays.Asked.worthKeeping`), or removes the file
    /// when no exam is set anywhere (`examsSet`: the student's, or a deck
    /// header's; a start on decks without an exam while others have one
    /// leaves it for the starts on those); on the thread of the index's
    /// writes, where the days to keep are also gathered.
    func update(asked: ExamRuleDays.Asked, over kept: ExamRuleDays?, rule: ExamRule, examAhead: Bool, examsSet: Bool) {
        if !examAhead {
            if exists, !examsSet { DeckIndexWrites.add { remove() } }
        } else if asked.worthKeeping(over: kept) {
            let stamp = rule.stamp
            DeckIndexWrites.add { save(asked.days(rule: stamp, over: kept)) }
        }
    }

    /// What the file says before the days.
    struct Header {
        /// The build that wrote it (`DeckLoading.stamp`).
        var stamp: String
        /// The length of the days' bytes.
        var length: Int
        /// Their hash (`CacheFile.hash`).
        var hash: UInt64
    }
}

extension KeptExamRuleDays.Header {
    /// The header read back from its bytes; nil when they do not decode.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var reader = IndexReader(bytes)
        do {
            let stamp = try reader.string()
            let length = try reader.number()
            let hash = try reader.fixed64()
            guard reader.isAtEnd else { return nil }
            self.init(stamp: stamp, length: length, hash: hash)
        } catch {
            return nil
        }
    }

    /// The header's bytes, in the deck index's layout (`IndexWriter`).
    var bytes: [UInt8] {
        var writer = IndexWriter()
        writer.string(stamp)
        writer.unsigned(UInt64(length))
        writer.fixed64(hash)
        return writer.bytes
    }
}

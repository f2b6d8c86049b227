import FSRS
import Foundation
import GRDB
@testable import ReviewStore

/// A fixed "now" with sub-millisecond digits, to exercise the store's rounding.
let t0 = Date(timeIntervalSince1970: 1_795_000_000.123_456)

/// A plausible schedule after an answer at `time`, derived from `before`.
func scheduleAfter(_ before: CardSchedule?, rating: Rating, at time: Date, using rng: inout SeededGenerator)
    -> CardSchedule
{
    let reps = (before?.reps ?? 0) + 1
    let lapses = (before?.lapses ?? 0) + (rating == .again && before?.state == .review ? 1 : 0)
    let state: SchedulingState = rating == .again ? (before?.state == .review ? .relearning : .learning) : .review
    let stability = Double.random(in: 0.1...400, using: &rng)
    let difficulty = Double.random(in: 1...10, using: &rng)
    return CardSchedule(
        state: state, step: state == .review ? nil : Int.random(in: 0...1, using: &rng),
        memory: MemoryState(stability: stability, difficulty: difficulty),
        due: time.addingTimeInterval(Double.random(in: 60...(86400 * 30), using: &rng)), lastReview: time,
        reps: reps, lapses: lapses)
}

func answer(
    _ key: String, deck: String = "decks/ir.deck", level: Int? = 1, rating: Rating = .good, at time: Date,
    kind: AnswerKind = .study, session: String? = "s1", before: CardSchedule? = nil, after: CardSchedule
) -> RecordedAnswer {
    RecordedAnswer(
        key: key, deckFile: deck, prompt: "Prompt of \(key)", level: level, rating: rating, time: time,
        durationMilliseconds: 4200, kind: kind, sessionID: session, before: before, after: after)
}

/// A fresh directory under the system temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func fileBytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map(Array.init)
}

/// A store file named `name` in `dir` whose schema is what the migrations
/// up to `migration` made, open as a plain queue (the caller closes it):
/// where a test of an older store starts.
func olderStore(_ name: String, in dir: URL, upTo migration: String) throws -> (path: String, queue: DatabaseQueue) {
    let path = dir.appendingPathComponent(name).path
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator.migrate(queue, upTo: migration)
    return (path, queue)
}

import FSRS
import Foundation

/// A `CardSchedule?` as `ScheduleTable` keeps it: 43 bytes instead of the
/// 88 a `CardSchedule?` takes, for the table's 96,000 entries at 100,000
/// cards the larger part of a start's memory.
///
/// A `CardSchedule` spends most of its size on padding around its optional
/// values (an `Int?` step, a `MemoryState?`, a `Date?`) and on integers far
/// wider than their values. Here the four floating-point values keep their
/// exact bits, each optional is a bit of `flags`, and the step, the state
/// and the counts are narrowed. A schedule whose integers do not fit
/// (a step past 254, counts below zero or past `UInt32.max`: none that
/// jatta makes) is kept whole in the table's side list and only its place
/// there is packed, so every schedule comes back exactly as it went in.
struct PackedSchedule {
    /// The stability's bits (0 without a memory state).
    private var stability: UInt64 = 0
    /// The difficulty's bits (0 without a memory state).
    private var difficulty: UInt64 = 0
    /// The due date's bits (`timeIntervalSinceReferenceDate`), or a wide
    /// schedule's place in the side list.
    private var due: UInt64 = 0
    /// The last review's bits (0 for a new face).
    private var lastReview: UInt64 = 0
    /// Reviews so far.
    private var reps: UInt32 = 0
    /// Lapses so far.
    private var lapses: UInt32 = 0
    /// `SchedulingState`'s raw value.
    private var state: UInt8 = 0
    /// The learning step (when `hasStep`).
    private var step: UInt8 = 0
    /// Which of the values are there (`Flag`).
    private var flags: UInt8 = 0

    /// The bits of `flags`.
    private enum Flag {
        /// A schedule is held (else the key was removed).
        static let present: UInt8 = 1
        static let hasStep: UInt8 = 2
        static let hasMemory: UInt8 = 4
        static let hasLastReview: UInt8 = 8
        /// The schedule is in the side list, at `due`.
        static let wide: UInt8 = 16
    }

    /// Where `due` lies, for the tests.
    static let dueOffset = MemoryLayout<PackedSchedule>.offset(of: \PackedSchedule.due)!
    /// Where `flags` lies, for the tests.
    static let flagsOffset = MemoryLayout<PackedSchedule>.offset(of: \PackedSchedule.flags)!

    /// No schedule (a removed key's entry).
    static let absent = PackedSchedule()

    private init() {}

    /// `schedule` packed; one that does not fit is appended to `wide`.
    init(_ schedule: CardSchedule?, wide: inout [CardSchedule]) {
        guard let schedule else { return }
        flags = Flag.present
        let step = schedule.step ?? 0
        guard (0...254).contains(step), let reps = UInt32(exactly: schedule.reps),
            let lapses = UInt32(exactly: schedule.lapses), let state = UInt8(exactly: schedule.state.rawValue)
        else {
            flags |= Flag.wide
            due = UInt64(wide.count)
            wide.append(schedule)
            return
        }
        self.state = state
        if schedule.step != nil {
            flags |= Flag.hasStep
            self.step = UInt8(step)
        }
        if let memory = schedule.memory {
            flags |= Flag.hasMemory
            stability = memory.stability.bitPattern
            difficulty = memory.difficulty.bitPattern
        }
        due = schedule.due.timeIntervalSinceReferenceDate.bitPattern
        if let lastReview = schedule.lastReview {
            flags |= Flag.hasLastReview
            self.lastReview = lastReview.timeIntervalSinceReferenceDate.bitPattern
        }
        self.reps = reps
        self.lapses = lapses
    }

    /// Whether a schedule is held.
    var isPresent: Bool { flags & Flag.present != 0 }

    /// Whether the schedule is kept in the side list.
    var isWide: Bool { flags & Flag.wide != 0 }

    /// Whether its dates and memory state are finite numbers, as every
    /// schedule packed from the store is (a day number is made from each).
    var isFinite: Bool {
        [stability, difficulty, due, lastReview].allSatisfy { Double(bitPattern: $0).isFinite }
    }

    /// The schedule packed, `wide` being the list it was packed with.
    func unpacked(wide: UnsafeBufferPointer<CardSchedule>) -> CardSchedule? {
        guard flags & Flag.present != 0 else { return nil }
        if flags & Flag.wide != 0 { return wide[Int(due)] }
        return CardSchedule(
            // A state packed from a `SchedulingState` always names one.
            state: SchedulingState(rawValue: Int(state)) ?? .learning,
            step: flags & Flag.hasStep != 0 ? Int(step) : nil,
            memory: flags & Flag.hasMemory != 0
                ? MemoryState(stability: Double(bitPattern: stability), difficulty: Double(bitPattern: difficulty))
                : nil,
            due: Date(timeIntervalSinceReferenceDate: Double(bitPattern: due)),
            lastReview: flags & Flag.hasLastReview != 0
                ? Date(timeIntervalSinceReferenceDate: Double(bitPattern: lastReview)) : nil,
            reps: Int(reps), lapses: Int(lapses))
    }
}

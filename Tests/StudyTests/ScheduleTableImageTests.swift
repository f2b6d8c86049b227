import FSRS
import Foundation
import Testing

@testable import Study

/// A table written as an image (`writeImage`) and read back
/// (`init(readingImage:)`) answers as the table written; an image cut
/// short, of another layout or whose entries do not hold together is
/// refused, never read into a table.
@Suite struct ScheduleTableImageTests {
    /// The image's parts, as `writeImage` hands them.
    static func image(of table: ScheduleTable) -> [[UInt8]]? {
        var parts: [[UInt8]] = []
        guard table.writeImage({ parts.append(Array($0)) }) else { return nil }
        return parts
    }

    /// The table read from `parts`, each read given exactly its part.
    static func read(_ parts: [[UInt8]], bytes: Int? = nil) -> ScheduleTable? {
        var next = 0
        return ScheduleTable(
            readingImage: { buffer in
                guard next < parts.count, parts[next].count == buffer.count else { return false }
                parts[next].withUnsafeBytes { buffer.copyMemory(from: $0) }
                next += 1
                return true
            }, bytes: bytes ?? parts.dropFirst().reduce(0) { $0 + $1.count })
    }

    /// Whether `parts` are refused (a table read from them is not printed
    /// when the expectation fails).
    static func refuses(_ parts: [[UInt8]], bytes: Int? = nil) -> Bool { read(parts, bytes: bytes) == nil }

    /// Tables through every change the dictionary tests make, removals
    /// among them, with keys of every length (long ones spilled).
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func aTableReadFromItsImageAnswersAsTheTable(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let (table, tableModel) = ScheduleTableFollowingTests.table(&rng, changes: seed == 1 ? 0 : 6_000, among: 3000)
        var model = tableModel
        let parts = try #require(Self.image(of: table))
        #expect(parts.count == 3 && parts[0].count == ScheduleTable.imageHeaderBytes)
        let read = try #require(Self.read(parts))
        ScheduleTableTests.expectSame(read, model)
        // The table read back grows and changes as any other.
        var changed = read
        changed["a key never seen"] = ScheduleTableTests.schedule(3)
        model["a key never seen"] = ScheduleTableTests.schedule(3)
        if let first = model.keys.sorted().first {
            changed[first] = nil
            model[first] = nil
        }
        ScheduleTableTests.expectSame(changed, model)
    }

    /// A schedule too wide to pack is not imaged.
    @Test func aTableWithAWideScheduleIsNotImaged() {
        var wide = ScheduleTableTests.schedule(1)
        wide.reps = -1
        let table: ScheduleTable = ["k": wide, "l": ScheduleTableTests.schedule(2)]
        #expect(Self.image(of: table) == nil)
    }

    func parts() throws -> [[UInt8]] {
        var table = ScheduleTable()
        for n in 0..<200 { table["key-\(n)" + (n % 3 == 0 ? String(repeating: "-long", count: 9) : "")] = ScheduleTableTests.schedule(n) }
        return try #require(Self.image(of: table))
    }

    @Test func anImageCutShortIsRefused() throws {
        let parts = try parts()
        for part in parts.indices {
            var short = parts
            short[part].removeLast()
            #expect(Self.refuses(short), "part \(part)")
        }
        #expect(Self.refuses(Array(parts.prefix(2))))
    }

    /// A header claiming more entries or spilled bytes than the image has
    /// is refused before anything is made that large.
    @Test func anImageClaimingMoreThanItHasIsRefused() throws {
        let parts = try parts()
        let bytes = parts[1].count + parts[2].count
        #expect(Self.read(parts, bytes: bytes) != nil)
        #expect(Self.refuses(parts, bytes: bytes - 1))
        for (word, value) in [(1, UInt64(1) << 39), (2, UInt64(UInt32.max))] {
            var claiming = parts
            withUnsafeBytes(of: value.littleEndian) { claiming[0].replaceSubrange(8 * word..<8 * word + 8, with: $0) }
            #expect(Self.refuses(claiming), "header word \(word)")
        }
        // A schedule whose due date is not a number.
        var notANumber = parts
        let due = ScheduleTable.entryStride + PackedSchedule.dueOffset
        withUnsafeBytes(of: Double.nan.bitPattern.littleEndian) { notANumber[1].replaceSubrange(due..<due + 8, with: $0) }
        #expect(Self.refuses(notANumber))
    }

    @Test func anImageOfAnotherLayoutIsRefused() throws {
        var parts = try parts()
        parts[0][0] ^= 1
        #expect(Self.refuses(parts))
    }

    /// Entries that no table writes: a spilled key past the spilled bytes,
    /// a wide schedule, a key twice. The entry's layout is read from the
    /// entries' part: `entryStride` bytes each, at the offsets the table
    /// gives.
    @Test func entriesThatDoNotHoldTogetherAreRefused() throws {
        let parts = try parts()
        let stride = ScheduleTable.entryStride
        #expect(parts[1].count == 200 * stride)
        // Entry 0's key is long: its spill's start far past the spilled bytes.
        var past = parts
        past[1][ScheduleTable.spillStartOffset + 3] = 0x7f
        #expect(Self.refuses(past))
        // Entry 1's schedule said to be in the side list, which an image
        // never holds (its flags' wide bit set).
        var wide = parts
        wide[1][stride + PackedSchedule.flagsOffset] |= 16
        #expect(Self.refuses(wide))
        // Entry 1's schedule removed (its flags cleared): a place kept for
        // a schedule to come, as `following(_:)` makes for new faces.
        var removed = parts
        removed[1][stride + PackedSchedule.flagsOffset] = 0
        let withPlace = try #require(Self.read(removed))
        #expect(withPlace.count == 199)
        #expect(withPlace["key-1"] == nil)
        #expect(withPlace["key-2"] != nil)
        // Entry 2 made a copy of entry 1 (both short keys).
        var twice = parts
        twice[1].replaceSubrange(2 * stride..<3 * stride, with: parts[1][stride..<2 * stride])
        #expect(Self.refuses(twice))
        #expect(Self.read(parts) != nil)
    }
}

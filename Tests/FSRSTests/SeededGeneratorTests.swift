import FSRS
import Testing

struct SeededGeneratorTests {
    @Test func matchesTheSplitMix64ReferenceOutput() {
        // First outputs of Vigna's splitmix64.c for seed 0 and seed 1234567.
        var zero = SeededGenerator(seed: 0)
        #expect([zero.next(), zero.next(), zero.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        var other = SeededGenerator(seed: 1_234_567)
        #expect([other.next(), other.next(), other.next()] == [0x599E_D017_FB08_FC85, 0x2C73_F084_5854_0FA5, 0x883E_BCE5_A3F2_7C77])
    }

    @Test func textSeedsAreFNV1a() {
        // Published 64-bit FNV-1a test vectors (Fowler, Noll, Vo).
        #expect(SeededGenerator.seed(hashing: "") == 0xCBF2_9CE4_8422_2325)
        #expect(SeededGenerator.seed(hashing: "a") == 0xAF63_DC4C_8601_EC8C)
        #expect(SeededGenerator.seed(hashing: "foobar") == 0x8594_4171_F739_67E8)
    }

    @Test func belowStaysInRangeAndReachesEveryValue() {
        var rng = SeededGenerator(seed: 42)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<7000 { counts[rng.below(7)] += 1 }
        #expect(counts.allSatisfy { $0 > 850 && $0 < 1150 })
        #expect(rng.below(1) == 0)
        #expect(rng.below(0) == 0)
    }

    @Test func shuffleIsAPermutationAndDependsOnlyOnTheSeed() {
        var a = SeededGenerator(seed: 7)
        var b = SeededGenerator(seed: 7)
        var c = SeededGenerator(seed: 8)
        let items = Array(0..<30)
        let sa = a.shuffle(items)
        #expect(sa.sorted() == items)
        #expect(sa == b.shuffle(items))
        #expect(sa != c.shuffle(items))
        #expect(sa != items)
    }

    /// The shuffle as it was before it shuffled in place, kept here to
    /// compare with: a copy, then Fisher–Yates from the back.
    static func copyingShuffle<T>(_ items: [T], _ rng: inout SeededGenerator) -> [T] {
        var result = items
        var i = result.count - 1
        while i > 0 {
            let j = rng.below(i + 1)
            result.swapAt(i, j)
            i -= 1
        }
        return result
    }

    /// Shuffling in place (the quiz's places) gives the order the copying
    /// shuffle gave and leaves the generator where it left it, so every
    /// later draw of a seeded quiz (wrong options, their order) is the same.
    @Test func shuffleInPlaceIsTheCopyingShuffle() {
        for seed: UInt64 in [0, 1, 2, 3, 42, 0xDEAD_BEEF, .max] {
            for count in [0, 1, 2, 3, 10, 257, 5000] {
                var before = SeededGenerator(seed: seed)
                var now = SeededGenerator(seed: seed)
                let items = (0..<count).map { (deck: Int32($0 % 3), card: Int32($0)) }
                let expected = Self.copyingShuffle(items, &before)
                var shuffled = items
                now.shuffle(&shuffled)
                #expect(shuffled.map(\.card) == expected.map(\.card), "seed \(seed), \(count) items")
                #expect(now == before, "seed \(seed), \(count) items")
                var again = SeededGenerator(seed: seed)
                #expect(again.shuffle(items).map(\.card) == expected.map(\.card))
            }
        }
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast generator whose
/// output depends only on its seed, so a quiz made with `--seed S`, a fuzzed
/// interval or a generated test deck is the same on every machine and every
/// Swift version. The one seeded generator of jatta, kept here in the lowest
/// module that needs it so every other module can use it.
///
/// Swift's own `shuffled(using:)` and `randomElement(using:)` are not
/// promised to consume the generator the same way across releases, so
/// anything that must repeat exactly uses only the helpers below, written
/// against `next()`.
public struct SeededGenerator: RandomNumberGenerator, Hashable, Sendable {
    /// The internal state; advances by the golden-ratio increment per draw.
    public private(set) var state: UInt64

    public init(seed: UInt64) { self.state = seed }

    /// A seed made from text (64-bit FNV-1a over its UTF-8 bytes), for
    /// sequences that follow from a name rather than a number.
    public static func seed(hashing text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's method without the fast
    /// path's platform-dependent details: plain rejection of the biased
    /// low zone). `bound` must be positive; 0 or less gives 0.
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let b = UInt64(bound)
        let threshold = (0 &- b) % b
        while true {
            let r = next()
            if r >= threshold { return Int(r % b) }
        }
    }

    /// The elements in a random order (Fisher–Yates, from the back).
    public mutating func shuffle<T>(_ items: [T]) -> [T] {
        var result = items
        shuffle(&result)
        return result
    }

    /// Puts `items` in a random order where they are: `shuffle(_:)`'s
    /// order, without a copy of a list the caller no longer needs (the
    /// quiz shuffles the places of 200,000 cards to ask 20). Inlinable so
    /// that a caller's element type is specialised: swapping through the
    /// generic witness was most of the quiz's shuffle.
    @inlinable
    public mutating func shuffle<T>(_ items: inout [T]) {
        var i = items.count - 1
        while i > 0 {
            let j = below(i + 1)
            items.swapAt(i, j)
            i -= 1
        }
    }

    /// `count` distinct elements chosen at random, in the order drawn.
    public mutating func choose<T>(_ count: Int, from items: [T]) -> [T] {
        Array(shuffle(items).prefix(max(0, count)))
    }
}

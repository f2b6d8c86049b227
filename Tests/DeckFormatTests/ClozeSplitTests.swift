import Testing

@testable import DeckFormat

/// Issue 20: a cloze is split over its UTF-8 bytes when every brace, bar
/// and backslash is a character by itself, and by characters otherwise.
/// Both must give what the character rule gives, on generated texts.
@Suite struct ClozeSplitTests {
    /// Texts drawn with a seeded generator from the pieces that matter:
    /// the four special characters, spaces, Kazakh letters, CR LF, a
    /// combining mark and a joiner (which join the character before them),
    /// a prepended mark (U+0600, which joins the one after it), emoji.
    static func texts(count: Int) -> [String] {
        let pieces = ["{", "}", "|", "\\", " ", "  ", "\t", "a", "19", "Қазақстан", "ә", "\r\n", "\r", "\n",
                      "\u{301}", "\u{200D}", "\u{600}", "\u{903}", "😀", "👍🏽", "\u{A0}"]
        var state: UInt64 = 20
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<next(16)).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    @Test func bytesAndCharactersSplitAlike() {
        var byBytes = 0
        var byCharacters = 0
        for text in Self.texts(count: 20_000) {
            let expected = ClozeSegment.splitByCharacters(text)
            if let fast = ClozeSegment.splitByBytes(text) {
                byBytes += 1
                #expect(fast == expected, "\(text.debugDescription)")
            } else {
                byCharacters += 1
            }
            #expect(ClozeSegment.split(text) == expected, "\(text.debugDescription)")
        }
        // Both ways were taken, so both were compared.
        #expect(byBytes > 1_000 && byCharacters > 1_000, "\(byBytes) by bytes, \(byCharacters) by characters")
    }

    /// A mark that joins a brace, bar or backslash makes another character
    /// of it, which bytes cannot see: such a text is split by characters.
    @Test func aSpecialCharacterJoinedByAMarkIsSplitByCharacters() {
        for text in ["x {\u{301}a} y", "x \u{600}{a} y", "x {a}\u{301} y", "x {a\\\u{301}} y", "x {a|\u{200D}b} y"] {
            #expect(ClozeSegment.splitByBytes(text) == nil, "\(text.debugDescription)")
            #expect(ClozeSegment.split(text) == ClozeSegment.splitByCharacters(text))
        }
        #expect(ClozeSegment.splitByBytes("Қазақстан БҰҰ-ға {1992|тоқсан екі} жылы") != nil)
    }
}

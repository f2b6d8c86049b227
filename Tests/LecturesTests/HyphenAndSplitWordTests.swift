import Testing

@testable import Lectures

@Suite("Hyphens and split words")
struct HyphenAndSplitWordTests {
    /// A small corpus standing in for the notes: the evidence the rules use.
    static let lexicon = Lexicon(lines: [
        "ұлттық-мемлекеттік мүдделер, іс-әрекет, қарым-қатынас, мемлекеттің саясаты",
        "мемлекет пен қоғам, мемлекеттер, экономикалық даму, әлеуметтік жағдай, мезгіл",
        "тоғысында тұр; шара; зорлық",
    ].enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) })

    func decide(_ x: String, _ y: String, spaceAfter: Bool = false) -> Dehyphenation.Decision {
        Dehyphenation.decide(x, y, spaceAfter: spaceAfter, lexicon: Self.lexicon)
    }

    func kept(_ d: Dehyphenation.Decision) -> Bool { if case .keep = d { true } else { false } }
    func joined(_ d: Dehyphenation.Decision) -> Bool { if case .join = d { true } else { false } }

    @Test("real hyphens at a line break are kept", arguments: [
        ("ұлттық", "мемлекеттік"),  // hyphenated elsewhere
        ("АҚШ", "пен"), ("ТМД", "ның"),  // abbreviation + ending
        ("1724", "1804"),  // number range
        ("іс", "әрекеттері"),  // the carried part starts with a vowel
        ("моральдық", "гуманитарлық"),  // both halves -лық/-лік
        ("зорлық", "зомбылық"),
        ("келмеді", "ау"),  // particle
        ("іс", "шараларды"),  // no evidence: keep
    ])
    func keptAtBreak(x: String, y: String) {
        #expect(kept(decide(x, y)), "\(x)-\(y)")
    }

    @Test("a hyphen inside one word is removed only on evidence")
    func joinedAtBreak() {
        // Only endings after a lower-case stem.
        #expect(joined(decide("мемлекет", "тің")))
        // «мемле» is no word, «мемлекет» is.
        #expect(joined(decide("мемле", "кет")))
        // The joined form occurs unhyphenated.
        #expect(joined(decide("тоғы", "сында")))
    }

    @Test("'X- Y' with a capital after is a dash before a definition")
    func dash() {
        guard case .dash = decide("Утилитарлар", "Орынды", spaceAfter: true) else {
            Issue.record("expected a dash")
            return
        }
    }

    @Test("inline 'X- Y' becomes X-Y, X – Y or stays, and every change is logged")
    func inline() {
        let line = SourceLine(number: 7, text: "Утилитарлар- Орынды іс- әрекет мезгіл- мезгіл ТМД- ы")
        let (fixed, repairs) = Dehyphenation.repairInline(line, file: "f", lexicon: Self.lexicon)
        #expect(fixed.text == "Утилитарлар – Орынды іс-әрекет мезгіл-мезгіл ТМД-ы")
        #expect(repairs.map(\.kind) == [.hyphenAsDash, .hyphenKept, .hyphenKept, .hyphenKept])
        #expect(repairs.allSatisfy { $0.line == 7 })
    }

    @Test("a spaced dash inside a compound hyphenated elsewhere becomes a hyphen; other dashes stay")
    func spacedDash() {
        let line = SourceLine(number: 1, text: "Ұлттық – мемлекеттік мүдделер. Сыртқы саяси доктрина – саяси басшылық")
        let (fixed, repairs) = Dehyphenation.repairInline(line, file: "f", lexicon: Self.lexicon)
        #expect(fixed.text == "Ұлттық-мемлекеттік мүдделер. Сыртқы саяси доктрина – саяси басшылық")
        #expect(repairs.map(\.kind) == [.dashAsHyphen])
    }

    @Test("words split by a stray space are joined on clear evidence")
    func splitJoined() {
        #expect(SplitWordRepair.joinReason("өркендеуі", "нің", lexicon: Self.lexicon) != nil)
        #expect(SplitWordRepair.joinReason("то", "ғысында", lexicon: Lexicon()) != nil)
        let (fixed, repairs) = SplitWordRepair.repairInline(
            SourceLine(number: 3, text: "өсіп-өркендеуі нің, қауіпсіздігі"), file: "f", lexicon: Self.lexicon)
        #expect(fixed.text == "өсіп-өркендеуінің, қауіпсіздігі")
        #expect(repairs.map(\.after) == ["өркендеуінің"])
    }

    @Test("free words that look like endings are never joined", arguments: [
        ("мемлекет", "пен"), ("бір", "да"), ("ол", "тағы"), ("саясат", "мен"), ("елге", "де"),
    ])
    func splitKept(x: String, y: String) {
        #expect(SplitWordRepair.joinReason(x, y, lexicon: Self.lexicon) == nil)
    }

    @Test("real short words and number suffixes are not fragments")
    func notFragments() {
        #expect(SplitWordRepair.joinReason("іс", "шаралар", lexicon: Lexicon()) == nil)
        #expect(SplitWordRepair.joinReason("өз", "мүддесі", lexicon: Lexicon()) == nil)
        #expect(SplitWordRepair.joinReason("шы", "жылдардан", xFollowsHyphen: true, lexicon: Lexicon()) == nil)
        let (fixed, _) = SplitWordRepair.repairInline(SourceLine(number: 1, text: "1960-шы жылдардан"), file: "f", lexicon: Lexicon())
        #expect(fixed.text == "1960-шы жылдардан")
    }

    @Test("a join that breaks vowel harmony is refused")
    func harmony() {
        #expect(SplitWordRepair.joinReason("кө", "ғысында", lexicon: Lexicon()) == nil)
    }
}

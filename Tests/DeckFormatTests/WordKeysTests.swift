import FSRS
import Foundation
import KazakhText
import Testing

@testable import DeckFormat

/// The table of stemmed words a parse keeps for the giveaway check
/// (`WordKeys`) must give every word the key `KazakhStemmer.key` gives it.
@Suite struct WordKeysTests {
    /// `й` written as one scalar and as `и` with a combining breve are equal
    /// `String`s, but the look-alike repair tells them apart: in `йaaa` the
    /// Latin `a`s share a word with a Cyrillic letter and become Cyrillic,
    /// while after a combining breve (not a letter) they stand alone and
    /// stay Latin. A table keyed by `String` equality hands the second
    /// spelling the first one's key.
    @Test func canonicallyEquivalentSpellingsKeepTheirOwnKeys() {
        let composed = "\u{0439}aaa"
        let decomposed = "\u{0438}\u{0306}aaa"
        #expect(composed == decomposed)
        #expect(KazakhStemmer.key(composed) != KazakhStemmer.key(decomposed))
        var keys = WordKeys()
        #expect(keys.key(Substring(composed)) == KazakhStemmer.key(composed))
        #expect(keys.key(Substring(decomposed)) == KazakhStemmer.key(decomposed))
        #expect(keys.key(Substring(composed)) == KazakhStemmer.key(composed))
    }

    /// The split over bytes finds the words the split over characters
    /// finds, wherever it answers; and it answers for plain Kazakh text with
    /// its usual punctuation.
    @Test func theByteSplitFindsTheCharacterSplitsWords() {
        let pieces = [
            "Қазақстан", "ӘҒҚҢӨҰҮҺІ", "әғқңөұүһі", "Ёж", "Ѐ", "ѢѣѲѳ", "Ҋ", "ӁӐӒ", "Ԁ", "regime", "NATO", "1992", " ", "\t",
            "\r\n", "\n", "-", "«", "»", "—", "–", "…", "“", "”", "\u{00A0}", "\u{200D}", "\u{200C}", "\u{0301}",
            "\u{0306}", "\u{0483}", "\u{0482}", "ª", "º", "é", "ß", "İ", "ς", "Σ", "😀", "\u{FE0F}", ".", ",", "'",
        ]
        var random = SeededGenerator(seed: 21)
        var answered = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }.joined()
            let expected = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
            if WordKeys.letterRuns(text) != nil { answered += 1 }
            var keys = WordKeys()
            let words = keys.words(of: text)
            #expect(words.ranges.indices.map(words.lowered) == expected, "\(Array(text.unicodeScalars))")
            #expect(words.spellings.map { keys.key(spelling: $0) } == expected.map { KazakhStemmer.key($0) })
            // The first letter known without stemming is the key's.
            for spelling in words.spellings where keys.lead(spelling: spelling) != 0 {
                #expect(keys.lead(spelling: spelling) == WordKeys.lead(keys.key(spelling: spelling)))
            }
        }
        #expect(answered > 2_000)
        #expect(WordKeys.letterRuns("Гегемония — «бір мемлекеттің» басымдығы… (1992, NATO)") != nil)
    }

    /// The same two spellings in one deck: the first definition gives its
    /// term away, the second does not, as when each card is parsed alone.
    @Test func aDeckReportsWhatEachCardAloneReports() {
        let first = "T: йааа\nD: \u{0439}aaa дегеніміз сөз.\n"
        let second = "T: йааа\nD: \u{0438}\u{0306}aaa дегеніміз сөз.\n"
        func giveaways(_ text: String) -> [Int] {
            DeckParser.parse(text, file: "t.deck").diagnostics.filter { $0.code == "definition-contains-term" }
                .map(\.location.line)
        }
        #expect(giveaways(first) == [2])
        #expect(giveaways(second) == [])
        #expect(giveaways(first + "\n" + second) == [2])
    }

    /// The giveaway check as it was before words were stemmed once per
    /// parse: every word of the definition stemmed, the keys compared as a
    /// run.
    static func stemmingEveryWord(term: String, definition: String) -> String? {
        func words(_ text: String) -> [String] { text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) }
        let termKeys = words(term).map { KazakhStemmer.key($0) }
        guard !termKeys.isEmpty, termKeys.joined().count >= 3 else { return nil }
        let defined = words(definition)
        guard defined.count >= termKeys.count else { return nil }
        let keys = defined.map { KazakhStemmer.key($0) }
        for start in 0...(keys.count - termKeys.count) where Array(keys[start..<start + termKeys.count]) == termKeys {
            return defined[start..<start + termKeys.count].joined(separator: " ")
        }
        return nil
    }

    /// Over many generated cards — inflected forms, capitals, Latin
    /// look-alikes, decomposed letters, never-Kazakh letters — one table
    /// shared by every card finds exactly the giveaways found by stemming
    /// every word afresh.
    @Test func aSharedTableFindsWhatStemmingEveryWordFinds() {
        let stems = [
            "гегемония", "саясат", "халық", "орын", "мемлекет", "кітап", "реалист", "ұлт", "қазақстан", "диллема",
            "тұтқын", "ауыз", "ерік", "жай", "йод", "ой", "бай", "үй", "су",
        ]
        let endings = [
            "", "ы", "сы", "і", "ның", "нің", "дың", "тың", "да", "дағы", "ндағы", "ға", "қа", "мен", "пен", "лар",
            "дар", "тар", "ларының", "лық", "тық", "н", "ны", "ды", "ымыз", "ст", "б", "г",
        ]
        var random = SeededGenerator(seed: 20)
        func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &random)] }
        func spelt(_ word: String) -> String {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: word.uppercased()
            case 1: word.capitalized
            case 2: String(word.map { $0 == "а" ? "a" : $0 == "о" ? "o" : $0 })
            case 3: word.decomposedStringWithCanonicalMapping
            case 4: word.replacingOccurrences(of: "қ", with: "ҡ").replacingOccurrences(of: "ө", with: "ӛ")
            default: word
            }
        }
        func word() -> String { spelt(pick(stems) + pick(endings)) }
        // The letter a word is skipped by is its key's first letter.
        for stem in stems + ["халқ", "орн", "ауз", "мұрн", "ерн", "қарн", "нарқ", "еркі", "құлқ", "ғұрп", "реалист", "ст"] {
            for ending in endings {
                let lowered = (stem + ending).lowercased()
                let lead = WordKeys.lead(lowered)
                if lead != 0 { #expect(WordKeys.lead(KazakhStemmer.key(lowered)) == lead, "\(lowered)") }
            }
        }
        var shared = WordKeys()
        var found = 0
        for _ in 0..<3_000 {
            let term = (0..<Int.random(in: 1...3, using: &random)).map { _ in word() }.joined(separator: " ")
            var defined = (0..<Int.random(in: 1...12, using: &random)).map { _ in word() }
            if Bool.random(using: &random) {
                defined.insert(spelt(term + pick(endings)), at: Int.random(in: 0...defined.count, using: &random))
            }
            let definition = defined.joined(separator: " ")
            let expected = Self.stemmingEveryWord(term: term, definition: definition)
            if expected != nil { found += 1 }
            #expect(TermInDefinition.giveaway(term: term, definition: definition, keys: &shared) == expected)
        }
        #expect(found > 250)
    }

    /// Every deck of the repository — the bundled decks, the test fixtures —
    /// and a generated deck of inflected, look-alike and decomposed words
    /// draw exactly the giveaway warnings that stemming every word afresh
    /// finds, card by card, in the words they name.
    @Test func everyDeckWarnsAsStemmingEveryWordWould() throws {
        let root = CuratedDecksTests.packageRoot
        var files: [String] = []
        for folder in ["decks", "scripts/tests/fixtures", "corpus", "examples"] {
            let url = root.appendingPathComponent(folder)
            guard let walk = FileManager.default.enumerator(atPath: url.path) else { continue }
            for case let name as String in walk where name.hasSuffix(".deck") {
                files.append(url.appendingPathComponent(name).path)
            }
        }
        #expect(files.count >= 5)
        var texts = try files.map { ($0, try String(contentsOfFile: $0, encoding: .utf8)) }
        // Decks small enough for every warning to be kept (a file's
        // warnings stop at `DeckParser.diagnosticsPerFile`).
        texts += (0..<12).map { ("generated-\($0).deck", Self.generatedTermDeck(cards: 120, seed: UInt64($0))) }
        var warned = 0
        for (file, text) in texts {
            let parsed = DeckParser.parse(text, file: file)
            let expected: [String] = parsed.deck.cards.compactMap { card in
                guard case .term(let t) = card.content else { return nil }
                return Self.stemmingEveryWord(term: t.term, definition: t.definition)
            }
            #expect(parsed.diagnostics.count < DeckParser.diagnosticsPerFile, "\(file)")
            let found = parsed.diagnostics.filter { $0.code == "definition-contains-term" }
            #expect(found.count == expected.count, "\(file)")
            for (diagnostic, word) in zip(found, expected) {
                #expect(diagnostic.messageKK.contains("('\(word)')"), "\(file): \(diagnostic.messageKK)")
            }
            warned += found.count
        }
        #expect(warned > 50)
    }

    /// A deck of term cards made of `cards` terms whose definitions are
    /// words of the same stems, some naming their term.
    static func generatedTermDeck(cards: Int, seed: UInt64) -> String {
        let stems = ["гегемония", "саясат", "халық", "мемлекет", "кітап", "ұлт", "диллема", "тұтқын", "ерік", "үй", "NATO"]
        let endings = ["", "ы", "сы", "ның", "дың", "да", "ға", "мен", "лар", "тар", "ларының", "лық", "н", "ды"]
        var random = SeededGenerator(seed: seed)
        func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &random)] }
        func word() -> String {
            let w = pick(stems) + pick(endings)
            switch Int.random(in: 0..<8, using: &random) {
            case 0: return w.capitalized
            case 1: return String(w.map { $0 == "а" ? "a" : $0 })
            case 2: return w.decomposedStringWithCanonicalMapping
            default: return w
            }
        }
        var lines = ["# Жасалған", "lang: kk", ""]
        for n in 0..<cards {
            let term = (0..<Int.random(in: 1...2, using: &random)).map { _ in word() }.joined(separator: " ")
            let definition = (0..<Int.random(in: 2...14, using: &random)).map { _ in word() }.joined(separator: " ")
            lines += ["T: \(term) \(n)", "D: \(definition), «\(pick(stems))» — \(n).", ""]
        }
        return lines.joined(separator: "\n")
    }
}

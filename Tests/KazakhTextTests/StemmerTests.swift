import Foundation
import Testing

@testable import KazakhText

@Suite("Kazakh stemmer")
struct StemmerTests {
    @Test("forms of one word share a key", arguments: [
        ("саясат", ["саясаттың", "саясатының", "саясатта", "саясатты", "саясаттағы", "саясатын"]),
        ("мемлекет", ["мемлекеттердің", "мемлекеттермен", "мемлекеттерімен"]),
        ("жүйе", ["жүйесіндегі", "жүйелер", "жүйені"]),
        ("ел", ["елдерінің", "елдермен", "елге"]),
        ("ынтымақтастық", ["ынтымақтастықтың", "ынтымақтастығы"]),
        ("дипломатия", ["дипломатияның", "дипломатияға", "дипломатиялар"]),
    ])
    func formsShareKey(base: String, forms: [String]) {
        let baseKey = KazakhStemmer.key(base)
        for form in forms {
            #expect(KazakhStemmer.key(form) == baseKey, "\(form) should key like \(base)")
        }
    }

    @Test("clusters a Kazakh word cannot end in block a cut")
    func clusterGuard() {
        #expect(KazakhStemmer.stem("Қазақстан") == "қазақстан")
        #expect(KazakhStemmer.stem("сыртқы") == "сыртқы")
        #expect(KazakhStemmer.stem("мемлекеттің") == "мемлекет")
    }

    @Test("an ending against vowel harmony is not an ending")
    func harmonyGuard() {
        // «-ге» needs a front stem: «барге» is not «бар» + dative.
        #expect(KazakhStemmer.stem("барге") == "барге")
        #expect(KazakhStemmer.stem("барға") == "бар")
    }

    /// Texts drawn from Kazakh letters, their look-alikes and the spellings
    /// that compare equal as characters but not as bytes.
    static func mixedTexts(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "а", "ы", "і", "н", "ң", "ға", "ның", "дағы", "сы", "лар", "қ", "й", "\u{0438}\u{0306}", "е\u{0308}", "ё",
            "ӛ", "ҡ", "ə", "ӏ", "a", "c", "K", "\u{0483}", "\u{0482}", "Ә", "Ы", "Ԁ", "\u{0301}", "\u{200D}", "-", " ",
            "\u{0600}", "1",
        ]
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<(1 + next(6))).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    @Test("plain Cyrillic text is known to hold no look-alike")
    func plainCyrillicHasNoFinding() {
        var plain = 0
        for text in Self.mixedTexts(count: 20_000, seed: 1) where Homoglyphs.isPlainCyrillic(text) {
            plain += 1
            #expect(Homoglyphs.scannedFindings(in: text).isEmpty, "\(Array(text.unicodeScalars))")
        }
        #expect(plain > 1_000)
        #expect(Homoglyphs.isPlainCyrillic("мемлекеттердің"))
        #expect(!Homoglyphs.isPlainCyrillic("мемлекеттердің ") && !Homoglyphs.isPlainCyrillic("ӛзара"))
    }

    @Test("a suffix compared over bytes is a suffix compared over characters")
    func bytesCompareAsCharacters() {
        let texts = Self.mixedTexts(count: 4_000, seed: 2)
        let suffixes = Self.mixedTexts(count: 60, seed: 3)
            + (KazakhStemmer.relative + KazakhStemmer.cases + KazakhStemmer.possessive + KazakhStemmer.plural
                + KazakhStemmer.derivational).flatMap(\.suffixes)
        for word in texts {
            let plain = Homoglyphs.isPlainCyrillic(word)
            for suffix in suffixes {
                #expect(KazakhStemmer.endsWith(word, suffix, plain: plain) == word.hasSuffix(suffix), "\(word) \(suffix)")
            }
        }
        // The endings the stemmer strips are all plain: none goes the slow way.
        for rules in [KazakhStemmer.relative, KazakhStemmer.cases, KazakhStemmer.possessive, KazakhStemmer.plural] {
            for suffix in rules.flatMap(\.suffixes) { #expect(Homoglyphs.isPlainCyrillic(suffix), "\(suffix)") }
        }
    }

    @Test("protected words and short words stay whole")
    func protectedWords() {
        for word in ["туралы", "басқа", "өзге", "ретінде", "алматы", "ел", "мен"] {
            #expect(KazakhStemmer.key(word) == word)
        }
    }

    @Test("look-alike letters are repaired before stemming")
    func repairsFirst() {
        #expect(KazakhStemmer.key("cөзіне") == KazakhStemmer.key("сөз"))
        #expect(KazakhStemmer.key("ӛзара") == KazakhStemmer.key("өзара"))
    }

    @Test("aggressive mode strips the -лық/-лік derivation")
    func aggressive() {
        #expect(KazakhStemmer.key("ұлттық", aggressive: true) == "ұлт")
        #expect(KazakhStemmer.key("тәуелсіздік", aggressive: true) == "тәуелсіз")
        #expect(KazakhStemmer.key("ұлттық") == "ұлттық")
    }

    /// Every word type of the seed lectures, keyed by the reference
    /// prototype (kkstem.py, which has no protected list): the Swift port
    /// must agree on all of them outside that list.
    @Test("agrees with the reference prototype on every seed word")
    func agreesWithPrototype() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stem-keys.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var compared = 0
        var mismatches: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3 else { continue }
            if KazakhStemmer.protected.contains(fields[0]) { continue }
            compared += 1
            if KazakhStemmer.key(fields[0]) != fields[1] { mismatches.append("\(fields[0]) → \(fields[1])") }
            if KazakhStemmer.key(fields[0], aggressive: true) != fields[2] {
                mismatches.append("\(fields[0]) → \(fields[2]) (aggressive)")
            }
        }
        #expect(compared > 3000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}

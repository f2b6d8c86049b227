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

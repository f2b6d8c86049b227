/// Kazakh nominal endings as whole strings, to tell a piece of text that
/// is nothing but endings (`ның`, `дағы`, `ларының`) from a word. Such a
/// piece cannot stand alone, so after a line break or a stray space it
/// belongs to the word before it.
enum SuffixChain {
    static let endings: [String] = [
        "лар", "лер", "дар", "дер", "тар", "тер",
        "ымыз", "іміз", "мыз", "міз", "сы", "сі", "ы", "і",
        "ның", "нің", "дың", "дің", "тың", "тің",
        "ны", "ні", "ды", "ді", "ты", "ті", "н",
        "ға", "ге", "қа", "ке", "на", "не",
        "да", "де", "та", "те", "нда", "нде",
        "дан", "ден", "тан", "тен", "нан", "нен",
        "мен", "бен", "пен",
        "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
    ]

    /// The letters an ending can start with.
    static let firstLetters: Set<Character> = Set(endings.compactMap(\.first))

    /// Free words that look like endings: particles (да, ма), «мен» (and,
    /// I), «тағы» (again), «не» (what), «на»/«те» in loans. Never joined on.
    static let freeWords: Set<String> = [
        "да", "де", "та", "те", "ма", "ме", "ба", "бе", "па", "пе", "мен", "тағы", "не", "ал", "ол", "бен", "пен",
    ]

    /// Whether `text` (lower case) is one or more endings and nothing else,
    /// and is not itself a free word.
    static func isPureEndings(_ text: String) -> Bool {
        // Asked of every word after a space: plain Cyrillic letters (each
        // its own Character) are matched as bytes, anything else as
        // Characters, with the same answer.
        if let letters = cyrillicBytes(text) {
            guard !letters.isEmpty, letters.count <= 32, firstByteSequences.contains(firstLetterBytes(letters)),
                !freeWords.contains(text)
            else { return false }
            return consumes(letters[...])
        }
        guard !text.isEmpty, text.count <= 16, let first = text.first, firstLetters.contains(first),
            !freeWords.contains(text)
        else { return false }
        return consumes(Substring(text))
    }

    /// The endings as UTF-8 bytes.
    static let endingBytes: [[UInt8]] = endings.map { Array($0.utf8) }
    /// The first letters of the endings as UTF-8 bytes.
    static let firstByteSequences: Set<[UInt8]> = Set(firstLetters.map { Array(String($0).utf8) })

    /// The UTF-8 bytes of `text` when every scalar is a Cyrillic letter of
    /// two bytes (U+0400 … U+04FF, combining marks U+0483 … U+0489 excepted),
    /// so that every two bytes are one Character; nil otherwise.
    static func cyrillicBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard (0x0400...0x04FF).contains(scalar.value), !(0x0483...0x0489).contains(scalar.value) else { return nil }
            bytes.append(contentsOf: scalar.utf8)
        }
        return bytes
    }

    static func firstLetterBytes(_ letters: [UInt8]) -> [UInt8] { Array(letters.prefix(2)) }

    static func consumes(_ rest: ArraySlice<UInt8>) -> Bool {
        if rest.isEmpty { return true }
        for ending in endingBytes where rest.starts(with: ending) {
            if consumes(rest.dropFirst(ending.count)) { return true }
        }
        return false
    }

    static func consumes(_ rest: Substring) -> Bool {
        if rest.isEmpty { return true }
        for ending in endings where rest.hasPrefix(ending) {
            if consumes(rest.dropFirst(ending.count)) { return true }
        }
        return false
    }
}

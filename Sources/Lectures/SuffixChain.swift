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
        guard !text.isEmpty, text.count <= 16, let first = text.first, firstLetters.contains(first),
            !freeWords.contains(text)
        else { return false }
        return consumes(Substring(text))
    }

    static func consumes(_ rest: Substring) -> Bool {
        if rest.isEmpty { return true }
        for ending in endings where rest.hasPrefix(ending) {
            if consumes(rest.dropFirst(ending.count)) { return true }
        }
        return false
    }
}

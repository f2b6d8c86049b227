/// The texts shown with a verdict, in Kazakh and English.
enum VerdictReasons {
    static func quoted(_ s: String) -> String { "«\(s)»" }

    static func changes(_ list: [LetterChange]) -> String {
        var seen = Set<LetterChange>()
        return list.filter { seen.insert($0).inserted }.map(\.description).joined(separator: ", ")
    }

    static let exact = BilingualText(kk: "Дұрыс.", en: "Correct.")

    static func format(canonical: String, differences: FormatDifferences, lookalikes: [LetterChange]) -> BilingualText {
        var text = BilingualText(kk: "Дұрыс.", en: "Correct.")
        if differences.contains(.hyphenMissing) {
            text = text + BilingualText(
                kk: "\(quoted(canonical)) дефиспен жазылады.", en: "\(quoted(canonical)) is written with a hyphen.")
        } else if differences.contains(.spacing) {
            text = text + BilingualText(
                kk: "Бос орын не дефис басқаша: \(quoted(canonical)).",
                en: "Spacing or hyphens differ: \(quoted(canonical)).")
        }
        if differences.contains(.letterCase) {
            text = text + BilingualText(
                kk: "Бас әріптер ғана басқаша: \(quoted(canonical)).", en: "Only capital letters differ: \(quoted(canonical)).")
        }
        if differences.contains(.punctuation) || differences.contains(.dashesAndQuotes) {
            text = text + BilingualText(
                kk: "Тыныс белгілері, сызықша мен тырнақша түрі ескерілмейді.",
                en: "Punctuation, dash and quote styles do not count.")
        }
        if !lookalikes.isEmpty {
            text = text + BilingualText(
                kk: "Кирилл сөзінде латын әрпі бар: \(changes(lookalikes)).",
                en: "Latin letters inside a Cyrillic word: \(changes(lookalikes)).")
        }
        return text
    }

    static func keyboard(canonical: String, changes list: [LetterChange]) -> BilingualText {
        BilingualText(
            kk: "Дұрыс, бірақ қазақ әріптерін қолданыңыз: \(changes(list)). Жазылуы: \(quoted(canonical)).",
            en: "Correct, but use the Kazakh letters: \(changes(list)). Spelling: \(quoted(canonical)).")
    }

    static func latin(canonical: String) -> BilingualText {
        BilingualText(
            kk: "Дұрыс, латын әрпімен жазылды. Кириллицада: \(quoted(canonical)).",
            en: "Correct, written in Latin script. In Cyrillic: \(quoted(canonical)).")
    }

    static func typo(canonical: String, fallbacks: [LetterChange]) -> BilingualText {
        var text = BilingualText(
            kk: "Қабылданды, бірақ қате жазылған. Дұрысы: \(quoted(canonical)).",
            en: "Accepted with a typo. Correct spelling: \(quoted(canonical)).")
        if !fallbacks.isEmpty {
            text = text + BilingualText(
                kk: "Қазақ әріптерін қолданыңыз: \(changes(fallbacks)).", en: "Use the Kazakh letters: \(changes(fallbacks)).")
        }
        return text
    }

    static func form(canonical: String, changes: [FormChange]) -> BilingualText {
        let words = changes.map { "\(quoted($0.typed)) ~ \(quoted($0.expected))" }.joined(separator: ", ")
        return BilingualText(
            kk: "Сөз дұрыс, бірақ тұлғасы басқа (жалғауы басқа): \(words). Жауап: \(quoted(canonical)).",
            en: "Right word, other form (other endings): \(words). The answer is \(quoted(canonical)).")
    }

    static func numberInWords(canonical: String) -> BilingualText {
        BilingualText(
            kk: "Дұрыс, сан сөзбен жазылды. Цифрмен: \(canonical).",
            en: "Correct, the number is written in words. In digits: \(canonical).")
    }

    static let noAnswer = BilingualText(kk: "Жауап жазылмаған.", en: "No answer was typed.")
    static let nothingAccepted = BilingualText(
        kk: "Бұл сұрақтың қабылданатын жауабы жоқ.", en: "This question has no accepted answer.")

    static func wrong(canonical: String, guard g: Verdict.Guard?, detail: GuardDetail) -> BilingualText {
        let base = BilingualText(kk: "Қате. Дұрыс жауап: \(quoted(canonical)).", en: "Wrong. The answer is \(quoted(canonical)).")
        guard let g else { return base }
        let main = explanation(g, detail: detail)
        var said: Set<BilingualText> = [main]
        return detail.further.filter { said.insert($0).inserted }.reduce(base + main, +)
    }

    /// What the guard says, with the detail that made it fire.
    static func explanation(_ g: Verdict.Guard, detail: GuardDetail) -> BilingualText {
        switch g {
        case .shortAnswer:
            BilingualText(
                kk: "Қысқа жауап (төрт әріпке дейін) дәл жазылады: бір әріп сөзді өзгертеді (құл/күл, оң/он).",
                en: "A short answer (four letters or fewer) must be exact: one letter makes another word (құл/күл, оң/он).")
        case .otherAnswer:
            BilingualText(
                kk: "\(quoted(detail.other ?? "")) — басқа жауап не басқа термин.",
                en: "\(quoted(detail.other ?? "")) is another answer or a different term.")
        case .prefix:
            BilingualText(
                kk: "Префикс басқа (\(detail.morphemes)): ол сөздің мағынасын өзгертеді.",
                en: "The prefix differs (\(detail.morphemes)): it changes the meaning.")
        case .suffix:
            derivation(detail.derivation)
        case .number:
            BilingualText(kk: "Сандар мен жылдар дәл жазылуы керек.", en: "Numbers and years must be exact.")
        case .firstLetter:
            BilingualText(kk: "Бірінші әріп басқа: бұл басқа сөз.", en: "The first letter differs: that is another word.")
        case .kazakhLetter:
            BilingualText(
                kk: "\(detail.morphemes) — әртүрлі әріптер, сөздің мағынасын өзгертеді.",
                en: "\(detail.morphemes) are different letters; they change the word.")
        case .abbreviation:
            BilingualText(kk: "Қысқартулар дәл жазылады.", en: "Abbreviations must be exact.")
        case .keyboardLayout:
            BilingualText(
                kk: "Қазақ әріптерінің орнында сандар тұр: пернетақта тілін тексеріңіз.",
                en: "Digits stand where Kazakh letters belong: check your keyboard layout.")
        }
    }
}

extension VerdictReasons {
    /// Names the suffixes dropped, added or swapped, and says why that is
    /// another word.
    static func derivation(_ d: DerivationDetail?) -> BilingualText {
        guard let d else {
            return BilingualText(kk: "Жұрнақ басқа: ол сөздің мағынасын өзгертеді.", en: "A suffix differs: it changes the meaning.")
        }
        let missing = d.missing.map(\.label).joined(separator: ", ")
        let extra = d.extra.map(\.label).joined(separator: ", ")
        var kk: [String] = []
        var en: [String] = []
        if !missing.isEmpty && !extra.isEmpty {
            kk.append("жұрнақ ауысқан: \(missing) орнына \(extra)")
            en.append("the suffix \(missing) is replaced by \(extra)")
        } else if !missing.isEmpty {
            kk.append("\(missing) жұрнағы жоқ")
            en.append("the suffix \(missing) is left out")
        } else {
            kk.append("артық жұрнақ: \(extra)")
            en.append("an extra suffix \(extra) is added")
        }
        return BilingualText(
            kk: "\(quoted(d.word)) — басқа сөз: \(kk.joined()). Туынды жұрнақ сөздің мағынасын өзгертеді.",
            en: "\(quoted(d.word)) is another word: \(en.joined()). A derivational suffix changes the meaning.")
    }
}

/// What made a guard fire, for its explanation.
struct GuardDetail: Hashable, Sendable {
    /// The other answer the typed text is (or is close to).
    var other: String?
    /// The morphemes or letters involved, e.g. `нео- / —`.
    var morphemes: String = ""
    /// For the suffix guard: the word and the suffixes that differ.
    var derivation: DerivationDetail? = nil
    /// The explanations of the other wrong words of the answer, after the
    /// one that named the guard.
    var further: [BilingualText] = []
}

/// Which cosmetic differences a format-tier match forgave.
struct FormatDifferences: OptionSet, Hashable, Sendable {
    let rawValue: Int
    static let letterCase = FormatDifferences(rawValue: 1 << 0)
    static let spacing = FormatDifferences(rawValue: 1 << 1)
    static let hyphenMissing = FormatDifferences(rawValue: 1 << 2)
    static let punctuation = FormatDifferences(rawValue: 1 << 3)
    static let dashesAndQuotes = FormatDifferences(rawValue: 1 << 4)
    static let lookalikes = FormatDifferences(rawValue: 1 << 5)
}

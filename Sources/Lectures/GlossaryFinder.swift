import KazakhText

/// Finds glossary entries in lecture notes: `Term: definition` and
/// `Term – definition` opening a line or sentence, `X дегеніміз – …`
/// anywhere, and the running-text shapes of RunningTextDefinitions.swift. The head is at most four words and must be a term: never a
/// heading (`Дәріс жоспары:`), a lesson-plan field (`Жұмыстың мақсаты:`),
/// a pronoun or linking word (`Бұл …`, `Олар: …`), or a colon in the
/// middle of a sentence.
public enum GlossaryFinder {
    /// First words that open ordinary sentences, not terms.
    static let stopStarts: Set<String> = [
        "бұл", "осы", "ол", "олар", "мұндай", "сол", "себебі", "алайда", "бірақ", "яғни", "мысалы", "сондықтан",
        "демек", "өйткені", "сонымен", "ал", "және", "ең", "тек", "әр", "әрі", "басқаша", "негізінен", "сондай",
        "осындай", "мұнда", "біз", "мен", "сен", "сіз", "оның", "олардың", "бүгінде", "қазір", "кейін", "соңында",
        "біріншіден", "екіншіден", "үшіншіден", "мәселен", "сонда", "енді", "кейде", "барлық", "бірнеше", "көптеген",
        "тағы", "егер", "онда", "міне", "сондай-ақ", "дегенмен", "әйтпесе", "бір",
    ]
    /// Stem keys of lesson-plan and article fields, which look like
    /// glossary heads: «Дәріс мақсаты:», «Оқытудың әдістері мен түрлері:»,
    /// «Кілт сөздер:», «Әдебиеттер:».
    static let fieldKeys: Set<String> = Set([
        "мақсат", "міндет", "құрал", "нәтиже", "әдіс", "түр", "жоспар", "тапсырма", "әдебиет", "сұрақ", "тақырып",
        "бағдарлама", "ұғым", "сөз", "мазмұн", "қорытынды", "мысал", "аңдатпа", "аннотация", "түйін", "кіріспе",
        "дәріс", "сабақ", "пән", "кредит", "семестр", "автор", "дерек", "сілтеме",
    ].map { KazakhStemmer.key($0) })
    /// Words that join two heads: «Грамши және Гегемония».
    static let conjunctions: Set<String> = ["және", "мен", "пен", "бен", "немесе", "не"]

    /// The glossary entries of one document's paragraphs.
    public static func find(in paragraphs: [Paragraph], file: String, lexicon: Lexicon) -> [GlossaryEntry] {
        var ignored: [Candidate] = []
        return find(in: paragraphs, file: file, lexicon: lexicon, candidates: &ignored)
    }

    /// The same, telling in `candidates` why each sentence in a glossary
    /// shape was taken or left (`jatta extract --explain`).
    /// `split` holds each paragraph's sentences when the caller has them
    /// already (splitting is a good part of reading a large lecture).
    /// Without `explain`, nothing is added to `candidates`.
    static func find(
        in paragraphs: [Paragraph], file: String, lexicon: Lexicon, candidates: inout [Candidate],
        split: [[Sentence]]? = nil, explain: Bool = true
    ) -> [GlossaryEntry] {
        var result = OnePerTerm()
        let phraseCount = phraseCounter(paragraphs)
        for (number, paragraph) in paragraphs.enumerated() {
            if BlockMarkers.levelLabel(paragraph.text) || BlockMarkers.task(paragraph.text) { continue }
            let sentences = split?[number] ?? Sentence.split(paragraph)
            for (index, sentence) in sentences.enumerated() {
                let next = index + 1 < sentences.count ? String(sentences[index + 1].text) : nil
                let rest = sentences.dropFirst(index + 1).lazy.map { String($0.text) }
                var left: String? = nil
                if var entry = entry(in: sentence, next: next, rest: rest, file: file, lexicon: lexicon, note: { left = $0 }) {
                    entry.definition = continuingList(entry.definition, following: sentences.dropFirst(index + 1))
                    result.add(entry)
                    if explain {
                        candidates.append(Candidate(
                            file: file, line: sentence.line, text: sentence.text, taken: true,
                            reason: "term «\(entry.term)», \(entry.pattern.rawValue) shape"))
                    }
                    continue
                }
                if explain, let left {
                    candidates.append(Candidate(file: file, line: sentence.line, text: sentence.text, taken: false, reason: left))
                }
                let s = String(withoutListMark(sentence.text))
                // The cheap test first: the quotation test joins the rest
                // of the paragraph.
                guard s.count <= 1_500, mayDefineInRunningText(s), !insideQuotation(s, then: rest) else { continue }
                let context = Context(previous: index > 0 ? String(sentences[index - 1].text) : nil, phraseCount: phraseCount)
                if var entry = runningTextEntry(in: s, line: sentence.line, context: context, file: file, lexicon: lexicon) {
                    entry.definition = continuingList(entry.definition, following: sentences.dropFirst(index + 1))
                    result.add(entry)
                    if explain {
                        candidates.append(Candidate(
                            file: file, line: sentence.line, text: sentence.text, taken: true,
                            reason: "term «\(entry.term)», running text: \(entry.pattern.rawValue)"))
                    }
                }
            }
        }
        return result.entries.map { withVariants($0, lexicon: lexicon) }
    }

    /// A term defined twice in one lecture keeps the shorter definition: a
    /// list of dictionary definitions or a long explanation is longer than
    /// the lecture's own one-sentence summary, and a card's answer should be
    /// what a student can recall. Ties keep the earlier. File order is kept.
    /// (`OnePerTerm` holds the rule.)
    static func onePerTerm(_ entries: [GlossaryEntry]) -> [GlossaryEntry] {
        var chosen = OnePerTerm()
        for entry in entries { chosen.add(entry) }
        return chosen.entries
    }

    /// The entry a sentence holds, if any. `next` is the sentence after it
    /// in the paragraph, `rest` the paragraph text after it.
    /// `note` hears why a sentence in a glossary shape was left.
    static func entry(
        in sentence: Sentence, next: String?, rest: some Sequence<String>, file: String, lexicon: Lexicon,
        note: (String) -> Void = { _ in }
    ) -> GlossaryEntry? {
        let unmarked = withoutListMark(sentence.text)
        let s = String(sentence.opensParagraph ? afterListHeading(unmarked) ?? unmarked : unmarked)
        // A definition is a sentence or two; a longer "sentence" is text that
        // lost its stops, and the patterns would only be slow on it.
        guard s.count <= 1_500 else { return nil }
        // Reported speech is no definition: the sentence stands inside «…».
        let mayDefine = s.contains(text: "дегеніміз") || s.contains(text: ":") || s.contains(text: " –") || s.contains(text: " -") || s.contains(text: " —")
        if !mayDefine { return nil }
        if insideQuotation(s, then: rest) {
            if s.firstMatch(of: Patterns.dashEntry) != nil { note("reported speech inside «…»") }
            return nil
        }
        if s.contains(text: "дегеніміз"), let m = s.firstMatch(of: Patterns.degenimiz) {
            let definitionText = String(m.3)
            let lower = definitionText.lowercased()
            if lower == "не" || lower.hasPrefix("не ") || lower.hasPrefix("не?") || lower.hasPrefix("не,") {
                note("«дегеніміз не» asks, it does not define")
                return nil
            }
            let words = m.2.split(separator: " ").map(String.init)
            let head = Array(words.suffix(4).drop { stopStarts.contains($0.lowercased()) })
            if let reason = rejection(head: head, definition: definitionText, lexicon: lexicon) { note(reason); return nil }
            guard let term = term(from: head.joined(separator: " "), lexicon: lexicon) else {
                note("«\(head.joined(separator: " "))» is no term (a heading, field, pronoun or number)")
                return nil
            }
            let definition = cleanDefinition(definitionText)
            guard wordCount(definition) >= 3 else { note("a definition of fewer than three words"); return nil }
            return GlossaryEntry(term: term, definition: definition, pattern: .degenimiz, file: file, line: sentence.line)
        }
        // A colon shape that fails may still be a dash shape: on to it.
        colon: if sentence.opensParagraph, s.contains(text: ":"), let m = s.firstMatch(of: Patterns.colonEntry) {
            guard let term = term(from: String(m.1), lexicon: lexicon) else {
                note("«\(m.1)» is no term (a heading, lesson-plan field, pronoun or number)")
                break colon
            }
            guard endsWithStop(String(m.2)) else { note("the text after the colon has no final stop"); break colon }
            if let reason = rejection(head: words(term), definition: String(m.2), lexicon: lexicon) { note(reason); break colon }
            let definition = extend(cleanDefinition(String(m.2)), next: next)
            guard wordCount(definition) >= 2 else { note("a definition of one word"); break colon }
            return GlossaryEntry(term: term, definition: definition, pattern: .colon, file: file, line: sentence.line)
        }
        if s.contains(text: " –") || s.contains(text: " -") || s.contains(text: " —"), let m = s.firstMatch(of: Patterns.dashEntry) {
            guard let term = term(from: String(m.1), lexicon: lexicon) else {
                note("«\(m.1)» is no term (a pronoun, linking word, field or number)")
                return nil
            }
            guard endsWithStop(String(m.2)) else { note("no final stop: a heading"); return nil }
            let words = words(term)
            if let reason = rejection(head: words, definition: String(m.2), lexicon: lexicon) { note(reason); return nil }
            // A one-word name is no term, but an abbreviation (АӨСШК) is one.
            if words.count == 1 && lexicon.isProperName(term) && !Dehyphenation.isAbbreviation(term) {
                note("«\(term)» is a name: the notes never write it in lower case")
                return nil
            }
            let definition = extend(cleanDefinition(String(m.2)), next: next)
            guard wordCount(definition) >= 3 else { note("a definition of fewer than three words"); return nil }
            return GlossaryEntry(term: term, definition: definition, pattern: .dash, file: file, line: sentence.line)
        }
        return nil
    }

    /// A sentence without the bullet or number that lists it in a glossary
    /// (`• `, `- `, `* `, `1) `, `№2 `; a `1. ` is a sentence of its own).
    static func withoutListMark(_ text: Substring) -> Substring {
        let unbulleted = text.drop { "•▪●◦■ ".contains($0) }
        return ListMark.parse(unbulleted)?.body ?? unbulleted
    }

    /// The first entry of a numbered list whose line breaks were lost,
    /// after its heading: `Глоссарий: 1) Term – …` (a heading of at most
    /// three words and a colon, then a number).
    static func afterListHeading(_ text: Substring) -> Substring? {
        guard let colon = text.prefix(40).firstIndex(of: ":"), text[..<colon].split(separator: " ").count <= 3,
            let (mark, body) = ListMark.parse(text[text.index(after: colon)...]), case .number = mark
        else { return nil }
        return body
    }

    /// Why a head and its definition are no glossary entry, if they are not.
    static func rejection(head: [String], definition: String, lexicon: Lexicon) -> String? {
        if head.isEmpty { return "no head before the definition" }
        if opensWithGenitive(head.joined(separator: " ")) { return "the head opens with a genitive: a sentence about something else" }
        if Rhetoric.isClause(head) { return "a whole clause as subject (an action, not a term)" }
        if Rhetoric.isRhetoric(definition: definition) { return "rhetoric: a contrast, «not only … but», or a judgement" }
        return nil
    }

    static let genitiveEndings = ["ның", "нің", "дың", "дің", "тың", "тің"]

    /// «Елшіліктің жұмсалған күш – …», «ЕО-ның негізгі институттары: …»: a
    /// head of several words opening with a genitive is part of a sentence
    /// about something else.
    static func opensWithGenitive(_ term: String) -> Bool {
        let words = words(term)
        guard words.count >= 2, let first = words.first?.lowercased() else { return false }
        return genitiveEndings.contains(where: first.hasSuffix)
    }

    static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

    /// Whether the text starts inside a quotation: its first quote mark
    /// closes one.
    static func insideQuotation(_ text: String) -> Bool {
        quotation(in: text) ?? false
    }

    /// The same for `text` followed by the sentences `rest` of its
    /// paragraph, read only as far as the first quote: joining the rest
    /// for every sentence made a long paragraph's reading quadratic.
    static func insideQuotation(_ text: String, then rest: some Sequence<String>) -> Bool {
        if let inside = quotation(in: text) { return inside }
        for sentence in rest {
            if let inside = quotation(in: sentence) { return inside }
        }
        return false
    }

    /// True at a closing quote, false at an opening one, nil with neither.
    static func quotation(in text: String) -> Bool? {
        for s in text.unicodeScalars {
            if s == "«" || s == "“" { return false }
            if s == "»" || s == "”" { return true }
        }
        return nil
    }

    /// The real term in a head, or nil when the head is no term.
    static func term(from head: String, lexicon: Lexicon) -> String? {
        let words = head.split(separator: " ").map(String.init)
        guard (1...4).contains(words.count), let first = words.first else { return nil }
        if stopStarts.contains(first.lowercased()) { return nil }
        if words.contains(where: { fieldKeys.contains(KazakhStemmer.key($0)) }) { return nil }
        // «Ұлттық мүдде былай анықталады:» announces a definition; the
        // words before «былай» are the term, found by the dictionary shape.
        if words.contains(where: { introducing.contains($0.lowercased()) }) { return nil }
        if words.contains(where: { $0.contains(where: \.isNumber) }) { return nil }
        // «Грамши және Гегемония»: keep the conjunct that is not a name.
        if words.contains(where: { conjunctions.contains($0.lowercased()) }) {
            let parts = words.split { conjunctions.contains($0.lowercased()) }.map { $0.joined(separator: " ") }
            let common = parts.filter { part in !part.split(separator: " ").allSatisfy { lexicon.isProperName(String($0)) } }
            guard parts.count == 2, common.count == 1, let only = common.first else { return nil }
            return capitalised(only)
        }
        return capitalised(words.joined(separator: " "))
    }

    /// A short first sentence is completed by the next one
    /// («Империализм: Лениннің пікірінше капитализмнің ең соңғы сатысы.
    /// Дамыған мемлекеттер … берілген ат.»).
    static func extend(_ definition: String, next: String?) -> String {
        // Never into a sentence that may be a definition of its own
        // («Жаһандану – бұл … үдерісі. Ауыл шаруашылығы, … болып табылады.»).
        // Nor into the next entry of a list (`… ықпалы. 2) Мультипликатор
        // – …`), or a list's bare number (`… ықпалы. 2. Мультипликатор`).
        guard let next, wordCount(definition) < 8, !BlockMarkers.glossaryHead(String(withoutListMark(Substring(next)))),
            !mayDefineInRunningText(next), !next.contains(text: "дегеніміз"), next.contains(where: \.isLetter)
        else { return definition }
        return definition + " " + next
    }

    /// A definition with a colon whose last "sentence" ends in the dative
    /// is a list item cut off by a stray stop, not a finished sentence
    /// («… жүйені көрсетеді: Мемлекеттің саясатындағы рөлі мен орнына.
    /// Ұлттық-мемлекеттік мүдделерді … сипатына. Осымен бірге … ықпал
    /// етеді.»): the sentence after it continues it, up to three sentences,
    /// until one ends otherwise.
    static func continuingList(_ definition: String, following: ArraySlice<Sentence>) -> String {
        var result = definition
        var taken = 0
        for sentence in following where !result.contains(sentence.text) {
            guard taken < 3, endsInDative(result), result.contains(text: ":"), sentence.text.count < 300,
                !BlockMarkers.glossaryHead(String(sentence.text))
            else { break }
            result += " " + sentence.text
            taken += 1
        }
        return result
    }

    static func endsInDative(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last else { return false }
        let word = last.lowercased().trimmingCharacters(in: [".", "!"])
        return word.count >= 5 && ["на", "не", "ға", "ге", "қа", "ке"].contains { word.hasSuffix($0) }
    }

    /// «бұл …» (this is …) opening a definition is dropped; the rest is
    /// capitalised.
    static func cleanDefinition(_ text: String) -> String {
        var s = text.trimmingCharacters(in: " ")
        if s.lowercased().hasPrefix("бұл ") { s = String(s.dropFirst(4)) }
        return capitalised(s)
    }

    static func endsWithStop(_ text: String) -> Bool {
        var s = Substring(text)
        while let l = s.last, "»\") ".contains(l) { s = s.dropLast() }
        return s.last == "." || s.last == "!"
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    static func wordCount(_ text: String) -> Int { text.split(separator: " ").count }

    /// Adds the other spellings of the term's last word that the notes use:
    /// a stem within two edits, with the same first three and last two
    /// letters (so -изм/-ист and нео- differences never count), e.g.
    /// неоколонолизм ~ неоколониализм, диллема ~ дилемма.
    static func withVariants(_ entry: GlossaryEntry, lexicon: Lexicon) -> GlossaryEntry {
        var words = entry.term.split(separator: " ").map(String.init)
        guard let last = words.last else { return entry }
        let lower = last.lowercased()
        let stem = KazakhStemmer.stem(lower)
        guard stem.count >= 6 else { return entry }
        let ending = String(lower.dropFirst(stem.count))
        let stemKey = KazakhStemmer.key(stem)
        var variants: [String] = []
        for (word, other) in lexicon.sortedStems where word.count >= 6 {
            guard other != stem, other.prefix(3) == stem.prefix(3), other.suffix(2) == stem.suffix(2),
                SpellingDistance.osa(other, stem) <= 2, KazakhStemmer.key(other) != stemKey
            else { continue }
            var spelled = other + ending
            if last.first?.isUppercase == true { spelled = capitalised(spelled) }
            words[words.count - 1] = spelled
            let variant = words.joined(separator: " ")
            if !variants.contains(variant) && variant != entry.term { variants.append(variant) }
        }
        var result = entry
        result.variants = variants
        return result
    }
}

/// Optimal string alignment distance over Characters (kazakh-text.md §3.3).
enum SpellingDistance {
    static func osa(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}

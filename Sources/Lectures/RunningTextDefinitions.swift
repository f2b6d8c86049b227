import Foundation
import KazakhText

/// Definitions written in running text, in the shapes lecturers use when
/// there is no `Term:` or `Term –` to mark them:
///
/// - naming: `… «X» деп аталады.`, `Мұндай жағдай X деп аталады.`;
/// - explaining: `X деп … түсінеміз / айтамыз / түсіндіріледі.`;
/// - quoting a dictionary: `X … былай анықталады: …`,
///   `X-ға мынадай анықтама беріледі: …`;
/// - the copula: `X, … болып табылады.`, `Сыртқы саясат … болып табылады.`
///
/// Each shape bounds the term on both sides, so it is cut to the real term;
/// where a shape cannot bound it the sentence is left alone, since a wrong
/// term costs the instructor more than a missed one.
extension GlossaryFinder {
    /// The context a running-text pattern may need besides its sentence.
    struct Context {
        /// The sentence before, in the same paragraph.
        var previous: String?
        /// How often a lower-case word or phrase occurs in the lecture, as
        /// whole words.
        var phraseCount: (String) -> Int
    }

    /// The running-text definition a sentence holds, if any.
    static func runningTextEntry(in s: String, line: Int, context: Context, file: String, lexicon: Lexicon) -> GlossaryEntry? {
        if s.hasSuffix("деп аталады."), let e = naming(s, context: context, lexicon: lexicon) {
            return GlossaryEntry(term: e.term, definition: e.definition, pattern: .naming, file: file, line: line)
        }
        if s.contains(text: " бұл "), let e = afterOpener(s, lexicon: lexicon) {
            return GlossaryEntry(term: e.term, definition: e.definition, pattern: .dash, file: file, line: line)
        }
        if s.contains(text: " деп"), let e = explanation(s, lexicon: lexicon) {
            return GlossaryEntry(term: e.term, definition: e.definition, pattern: .explanation, file: file, line: line)
        }
        if s.contains(text: "анықта"), let e = dictionaryForm(s, lexicon: lexicon) {
            return GlossaryEntry(term: e.term, definition: e.definition, pattern: .dictionary, file: file, line: line)
        }
        if let e = copula(s, context: context, lexicon: lexicon) {
            return GlossaryEntry(term: e.term, definition: e.definition, pattern: .copula, file: file, line: line)
        }
        return nil
    }

    /// Whether the sentence has the words one of the shapes needs.
    static func mayDefineInRunningText(_ s: String) -> Bool {
        s.contains(text: " бұл ") || s.contains(text: " деп") || s.contains(text: "анықта") || s.hasSuffix(" табылады.") || s.hasSuffix(" саналады.")
            || s.hasSuffix(" термин.") || s.hasSuffix(" сөз.") || s.hasSuffix(" ұғым.")
    }

    typealias Found = (term: String, definition: String)

    /// Words that point back to the sentence before: «Мұндай жағдай …».
    static let anaphors: Set<String> = ["мұндай", "бұндай", "осындай", "сондай", "бұл", "осы", "сол"]

    /// `DEF «X» деп аталады.` or `Мұндай N X деп аталады.` (the definition
    /// is then the sentence before). Only the finite «деп аталады» at the
    /// end of a sentence names: «деп аталатын» is "so-called". A term
    /// opening with a capital mid-sentence, an event noun in the subject or
    /// a sentence with a date names an event, a body or a book, not a
    /// concept.
    static func naming(_ s: String, context: Context, lexicon: Lexicon) -> Found? {
        let body = String(s.dropLast("деп аталады.".count)).trimmingCharacters(in: " ")
        if body.contains(where: \.isNumber) { return nil }
        let subject: [String]
        let termWords: [String]
        if body.hasSuffix("»"), let open = body.lastIndex(of: "«") {
            termWords = body[body.index(after: open)..<body.index(before: body.endIndex)].split(separator: " ").map(String.init)
            subject = body[..<open].split(separator: " ").map(String.init)
        } else {
            let words = body.split(separator: " ").map(String.init)
            // Without quotes only an anaphoric subject bounds the term:
            // «Мұндай жағдай құпия дипломатия деп аталады».
            guard words.count >= 3, anaphors.contains(words[0].lowercased()) else { return nil }
            subject = Array(words.prefix(2))
            termWords = Array(words.dropFirst(2))
        }
        guard (1...4).contains(termWords.count), let firstTermWord = termWords.first else { return nil }
        // Mid-sentence, a capital opens a name (an event, a body, a book),
        // not a concept: «Мұндай келісім «Ялта конференциясы» деп аталады».
        if firstTermWord.first?.isUppercase == true { return nil }
        if subject.contains(where: { eventNouns.contains(KazakhStemmer.key($0.lowercased())) }) { return nil }
        guard let term = term(from: termWords.joined(separator: " "), lexicon: lexicon) else { return nil }
        if let first = subject.first, anaphors.contains(first.lowercased()), subject.count == 2 {
            // The sentence before must describe a thing, not report a
            // naming or open with a pronoun («Ол … жүрекжер деп атады.»).
            guard let previous = context.previous, endsWithStop(previous), wordCount(previous) >= 4,
                !BlockMarkers.glossaryHead(previous), !insideQuotation(previous), !previous.contains(" деп "),
                let opening = previous.split(separator: " ").first, !stopStarts.contains(opening.lowercased())
            else { return nil }
            return (term, capitalised(previous))
        }
        guard wordCount(subject.joined(separator: " ")) >= 4, let first = subject.first, !stopStarts.contains(first.lowercased()) else {
            return nil
        }
        return (term, capitalised(subject.joined(separator: " ")) + ".")
    }

    /// Openers that sum up before a definition: «Сонымен, дипломатия – бұл …».
    static let summingOpeners = ["Сонымен, ", "Яғни, ", "Демек, ", "Қысқаша айтқанда, ", "Басқаша айтқанда, ", "Ал "]

    /// `Сонымен, X – бұл DEF.`: the dash and «бұл» ("this is") close a term
    /// that a summing-up word opens. A view reported first («Олардың
    /// пікірінше, соғыс – бұл …») is no definition.
    static func afterOpener(_ s: String, lexicon: Lexicon) -> Found? {
        guard let opener = summingOpeners.first(where: { s.hasPrefix($0) }) else { return nil }
        let rest = s.dropFirst(opener.count)
        guard let dash = rest.firstRange(of: /\s[–—-]\s+бұл\s/) else { return nil }
        let head = String(rest[..<dash.lowerBound])
        if head.contains(where: { ",;:«»()".contains($0) }) { return nil }
        let definition = cleanDefinition(String(rest[dash.upperBound...]))
        guard wordCount(definition) >= 3, endsWithStop(definition), let term = term(from: head, lexicon: lexicon) else { return nil }
        return (term, definition)
    }

    /// Stem keys of nouns for events, periods and documents: what they
    /// are called is a name, not a term to define.
    static let eventNouns: Set<String> = Set([
        "оқиға", "кезең", "жыл", "ғасыр", "соғыс", "шайқас", "көтеріліс", "конференция", "кездесу", "съезд", "келісім",
        "шарт", "құжат", "еңбек", "кітап", "мақала", "декрет", "ұйым",
    ].map { KazakhStemmer.key($0) })

    /// The verbs that close `X деп … түсінеміз`.
    static let explainingVerbs: Set<String> = [
        "түсінеміз", "айтамыз", "атаймыз", "ұғамыз", "ұғынамыз", "түсіндіріледі", "түсініледі", "айтылады", "ұғынылады",
    ]

    /// `X деп(,) DEF түсінеміз.`: the term opens the sentence and «деп»
    /// closes it, so a genitive inside it (`Жүйенің өздігінен ұйымдасуы`)
    /// is part of the term.
    static func explanation(_ s: String, lexicon: Lexicon) -> Found? {
        var words = s.split(separator: " ").map(String.init)
        guard let last = words.last, last.hasSuffix(".") else { return nil }
        let verb = String(last.dropLast())
        guard explainingVerbs.contains(verb) else { return nil }
        words.removeLast()
        guard let dep = words.firstIndex(where: { $0 == "деп" || $0 == "деп," }), dep >= 1 else { return nil }
        let head = words[..<dep].joined(separator: " ")
        if head.contains(where: { ",;:«»".contains($0) }) { return nil }
        guard let term = term(from: head, lexicon: lexicon) else { return nil }
        let definition = words[(dep + 1)...].joined(separator: " ")
        guard wordCount(definition) >= 3, !definition.contains(" деп ") else { return nil }
        return (term, capitalised(definition) + ".")
    }

    /// `X (көптеген сөздіктерде) былай анықталады: DEF` and
    /// `X-ға мынадай анықтама беріледі: DEF`.
    static func dictionaryForm(_ s: String, lexicon: Lexicon) -> Found? {
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let before = s[..<colon].split(separator: " ").map(String.init)
        let definition = cleanDefinition(String(s[s.index(after: colon)...]).trimmingCharacters(in: CharacterSet(charactersIn: " –—-")))
        guard wordCount(definition) >= 3, endsWithStop(definition) else { return nil }
        let lower = before.map { $0.lowercased() }
        if let a = lower.lastIndex(of: "анықталады"), a >= 2, introducing.contains(lower[a - 1]) {
            // The term opens the sentence; a source in the locative
            // («көптеген сөздіктерде») may follow it.
            let words = Array(before[..<(a - 1)])
            let head = Array(words.prefix { !sourceWords.contains($0.lowercased()) && !hasCaseEnding($0) })
            let source = words.dropFirst(head.count)
            guard source.allSatisfy({ sourceWords.contains($0.lowercased()) || hasCaseEnding($0) }),
                let term = term(from: head.joined(separator: " "), lexicon: lexicon)
            else { return nil }
            return (term, definition)
        }
        if lower.count >= 3, let b = lower.lastIndex(where: { $0 == "беріледі" || $0 == "берілген" }), b >= 2,
            lower[b - 1].hasPrefix("анықтама"), introducing.contains(lower[b - 2]), b == lower.count - 1, b >= 3
        {
            let dative = before[b - 3]
            guard let stem = withoutDative(dative) else { return nil }
            var words = [stem]
            var i = b - 4
            // Modifiers of the term carry no case ending: «сыртқы саяси».
            while i >= 0, words.count < 4, !hasCaseEnding(before[i]), !stopStarts.contains(before[i].lowercased()),
                !sourceWords.contains(before[i].lowercased()), !before[i].contains(where: { ",;()".contains($0) })
            {
                words.insert(before[i], at: 0)
                i -= 1
            }
            guard let term = term(from: words.joined(separator: " "), lexicon: lexicon) else { return nil }
            return (term, definition)
        }
        return nil
    }

    /// «былай», «мынадай»: the words that announce what follows the colon.
    static let introducing: Set<String> = ["былай", "былайша", "мынадай", "мынандай", "төмендегідей", "келесідей"]
    /// Words naming where a definition comes from, not what it defines.
    static let sourceWords: Set<String> = ["көптеген", "кейбір", "барлық", "ғылыми", "әдебиетте", "сөздікте", "сөздіктерде"]

    /// The copula: `X, DEF болып табылады.` (a comma closes the term, and
    /// the lecture names X at least twice), or
    /// `X DEF болып табылады.` when X is a phrase of two or three words the
    /// lecture uses at least three times; and `X, … қолданылатын термин.`,
    /// where the definition keeps its last word. Claims reported with «деп»
    /// are not definitions.
    static func copula(_ s: String, context: Context, lexicon: Lexicon) -> Found? {
        if s.contains(text: " деп ") || s.contains(text: ":") { return nil }
        var body: String
        let commaOnly: Bool
        if let copula = ["болып табылады.", "болып саналады."].first(where: { s.hasSuffix(" " + $0) }) {
            body = String(s.dropLast(copula.count)).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            commaOnly = false
        } else if s.hasSuffix(" термин.") || s.hasSuffix(" термин сөз.") || s.hasSuffix(" ұғым.") {
            body = String(s.dropLast())
            commaOnly = true
        } else {
            return nil
        }
        for opener in ["Яғни, ", "Демек, ", "Сонымен, ", "Қысқаша айтқанда, "] where body.hasPrefix(opener) {
            body = String(body.dropFirst(opener.count))
        }
        let words = body.split(separator: " ").map(String.init)
        var termCount: Int?
        if let comma = words.firstIndex(where: { $0.hasSuffix(",") }), comma < 4 {
            termCount = comma + 1
        } else if !commaOnly {
            for n in [3, 2] where words.count > n + 3 {
                let phrase = words.prefix(n).joined(separator: " ").lowercased()
                if context.phraseCount(phrase) >= 3 && !conjunctions.contains(words[n].lowercased()) && !postpositions.contains(words[n].lowercased()) {
                    termCount = n
                    break
                }
            }
        }
        guard let n = termCount else { return nil }
        // A subject closed by a comma is a term only if the lecture speaks
        // of it again: «Ауыл шаруашылығы, ел экономикасының негізгі саласы
        // болып табылады» said once is a statement about it.
        if context.phraseCount(words.prefix(n).joined(separator: " ").lowercased().trimmingCharacters(in: [","])) < 2 { return nil }
        let head = words.prefix(n).joined(separator: " ").trimmingCharacters(in: [","])
        // No word of the subject is in an oblique case: «Экономикалық
        // факторлардан басқа саяси, …» lists things, it names none.
        guard !head.split(separator: " ").contains(where: { hasCaseEnding(String($0)) }),
            !head.split(separator: " ").contains(where: { lexicon.isProperName(String($0)) && !isDoctrine(String($0)) }),
            let term = term(from: head, lexicon: lexicon)
        else { return nil }
        var rest = words.dropFirst(n)
        // «X, әсіресе, …»: a parenthetical word after the term is no part
        // of the definition.
        if let word = rest.first, word.hasSuffix(","), parentheticals.contains(String(word.dropLast()).lowercased()) {
            rest = rest.dropFirst()
        }
        let definition = rest.joined(separator: " ").trimmingCharacters(in: [",", " "])
        guard wordCount(definition) >= 4 else { return nil }
        return (term, capitalised(definition) + ".")
    }

    /// Names of doctrines (`Транснационализм`, `Реализм`) are often
    /// capitalised in lecture notes, so look like proper names; a person or
    /// a place never ends in -изм.
    static func isDoctrine(_ word: String) -> Bool {
        word.lowercased().hasSuffix("изм")
    }

    static let parentheticals: Set<String> = ["әсіресе", "негізінен", "яғни", "жалпы", "шын мәнінде", "біріншіден", "демек"]

    static let postpositions: Set<String> = ["үшін", "туралы", "арқылы", "бойынша", "сияқты", "секілді", "ретінде", "кейін", "бұрын"]

    /// Case endings a term in the nominative cannot have: genitive,
    /// dative, locative, ablative, instrumental, and the adverbial -ше
    /// (`пікірінше`). Possessive (`жүйесі`) and plural endings are allowed.
    static let caseEndings = [
        "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "нда", "нде", "да", "де", "та", "те", "дан", "ден",
        "тан", "тен", "нан", "нен", "мен", "бен", "пен", "менен", "інше", "ынша", "ше", "ша",
    ]

    static func hasCaseEnding(_ word: String) -> Bool {
        let w = word.lowercased().trimmingCharacters(in: [",", ".", ";"])
        // -стан is a place name's own ending (Қазақстан), not the ablative;
        // a two-letter ending needs a stem of four letters before it, so
        // «мүдде», «сауда» stay whole.
        if w.hasSuffix("стан") { return false }
        return caseEndings.contains { w.hasSuffix($0) && w.count >= $0.count + 4 }
    }

    /// `доктринаға` → `доктрина`, `тактикасына` → `тактикасы`.
    static func withoutDative(_ word: String) -> String? {
        for ending in ["сына", "сіне"] where word.hasSuffix(ending) { return String(word.dropLast(1)) }
        for ending in ["ға", "ге", "қа", "ке"] where word.hasSuffix(ending) && word.count >= 5 {
            return String(word.dropLast(2))
        }
        return nil
    }

    /// How often each lower-case word or phrase of up to three words occurs in
    /// `paragraphs`, as whole words. Counted on first use: most lectures
    /// never ask.
    static func phraseCounter(_ paragraphs: [Paragraph]) -> (String) -> Int {
        var counts: [String: Int]? = nil
        return { phrase in
            if counts == nil {
                var found: [String: Int] = [:]
                for paragraph in paragraphs {
                    let words = Lexicon.plainWords(paragraph.text).split(separator: " ")
                    for n in 1...3 where words.count >= n {
                        for i in 0...(words.count - n) { found[words[i..<(i + n)].joined(separator: " "), default: 0] += 1 }
                    }
                }
                counts = found
            }
            return counts?[phrase] ?? 0
        }
    }
}

extension Lexicon {
    /// Lower-case words separated by single spaces, punctuation dropped.
    static func plainWords(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && $0 != "-" }.joined(separator: " ")
    }
}

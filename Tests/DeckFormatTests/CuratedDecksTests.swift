import DeckFormat
import Foundation
import KazakhText
import Testing

/// The curated decks in `decks/` are what a student studies first, so they
/// are held to the format (no diagnostic at all) and to their sources: the
/// lecture notes in `../shared/seeds/`, when those are present beside the
/// package.
@Suite struct CuratedDecksTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let decksFolder = packageRoot.appendingPathComponent("decks").path
    /// `JATTA_SEEDS` stands in for `../shared/seeds`, so that scripts/test
    /// can check that it refuses a run whose seed tests skip.
    static let seedsFolder = ProcessInfo.processInfo.environment["JATTA_SEEDS"]
        ?? packageRoot.appendingPathComponent("../shared/seeds").standardizedFileURL.path
    static var seedsAvailable: Bool { FileManager.default.fileExists(atPath: seedsFolder) }
    /// The skip reason; scripts/test recognises seed skips by "../shared/seeds".
    static let seedsMissing: Comment = "needs the seed lectures in ../shared/seeds, which are absent"

    static let lesson15Seed = "000_844d5f1da0296c17.txt"
    static let lecture4Seed = "002_0fa7157db74ec9c9.txt"

    static func library() -> DeckLibrary.Result { DeckLibrary.load(paths: [decksFolder]) }

    static func deck(_ name: String, in library: DeckLibrary.Result) -> Deck? {
        library.decks.first { $0.file.hasSuffix("/" + name) }
    }

    /// The seed's lines, 1-based through `[n - 1]`, with the broken-font
    /// letters repaired so they compare with the decks' correct spelling.
    static func seedLines(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: seedsFolder + "/" + name, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Homoglyphs.repaired(String($0))
        }
    }

    /// `FILE:LINE` split, or nil when the source is not in that form.
    static func sourceParts(_ source: String?) -> (file: String, line: Int)? {
        guard let source, let colon = source.lastIndex(of: ":"),
            let line = Int(source[source.index(after: colon)...])
        else { return nil }
        return (String(source[..<colon]), line)
    }

    /// Level-question markers of a seed, as the lectures write them:
    /// `1–деңгейлік сұрақ.`, ` 1 –деңгейлік`, or just `1 – …` — a digit
    /// 1–3 and a dash at the start of a line.
    static func levelMarkers(in lines: [String]) -> Set<[Int]> {
        var found = Set<[Int]>()
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            guard let first = trimmed.first, let level = Int(String(first)), (1...3).contains(level) else { continue }
            let rest = trimmed.dropFirst().drop { $0 == " " }
            if let dash = rest.first, dash == "–" || dash == "-" { found.insert([index + 1, level]) }
        }
        return found
    }

    /// Glossary lines of a seed: a short capitalised head (at most three
    /// words) followed by `:` or a spaced dash, as in `Режим: …`,
    /// `Тұтқындар диллемасы - …`, `Утилитарлар- …`. Headings of the
    /// lesson plan and sentence openers are not terms.
    static func glossaryLines(in lines: [String]) -> [Int] {
        let notTerms: Set<String> = [
            "Жұмыстың", "Тәжірибелік", "Оқытудың", "Мысалы", "Олар", "Деңгейлік", "ОБӨЖ", "БӨЖ", "Дәріс",
            "Дәрістің", "Техникалық",
        ]
        var found: [Int] = []
        for (index, line) in lines.enumerated() {
            guard let first = line.first, first.isUppercase else { continue }
            let head: Substring
            if let colon = line.firstIndex(of: ":") {
                head = line[..<colon]
            } else if let dash = line.range(of: "- ") ?? line.range(of: "– ") {
                head = line[..<dash.lowerBound]
            } else {
                continue
            }
            let words = head.split(separator: " ")
            guard (1...3).contains(words.count), let firstWord = words.first,
                !notTerms.contains(String(firstWord)),
                head.allSatisfy({ $0.isLetter || $0 == " " })
            else { continue }
            found.append(index + 1)
        }
        return found
    }

    @Test func decksLoadWithoutAnyDiagnostic() {
        let library = Self.library()
        #expect(library.files.count == 3)
        let reports = library.diagnostics.map { "\($0.location): \($0.severity.rawValue) [\($0.code)] \($0.messageEN)" }
        #expect(reports == [])
    }

    @Test func everyCardHasALevelAnExplicitIDAndASeedSource() {
        for deck in Self.library().decks {
            #expect(!deck.cards.isEmpty, "\(deck.file)")
            for card in deck.cards {
                #expect((1...3).contains(card.level), "\(card.location)")
                #expect(card.hasExplicitID, "\(card.location)")
                let source = Self.sourceParts(card.source)
                #expect(source != nil, "\(card.location): source \(card.source ?? "none")")
                #expect(source?.file.hasSuffix(".txt") == true, "\(card.location)")
            }
        }
    }

    @Test(.enabled(if: seedsAvailable, seedsMissing)) func everySourceLineExistsAndHoldsText() throws {
        var cache: [String: [String]] = [:]
        for deck in Self.library().decks {
            for card in deck.cards {
                guard let (file, line) = Self.sourceParts(card.source) else {
                    Issue.record("\(card.location): no FILE:LINE source")
                    continue
                }
                if cache[file] == nil { cache[file] = try Self.seedLines(file) }
                let lines = cache[file] ?? []
                #expect(line >= 1 && line <= lines.count, "\(card.location): \(file):\(line) out of range")
                if line >= 1 && line <= lines.count {
                    let blank = lines[line - 1].allSatisfy { $0.isWhitespace }
                    #expect(!blank, "\(card.location): \(file):\(line) is blank")
                }
            }
        }
    }

    /// Every level question of lessons 000 and 002 is in its deck, at the
    /// level the lecture gives it, as an open or question card.
    @Test(.enabled(if: seedsAvailable, seedsMissing), arguments: [
        (lesson15Seed, "000-kazakhstan-foreign-policy.deck", 5),
        (lecture4Seed, "002-alternative-concepts.deck", 7),
    ])
    func everyLevelQuestionIsCovered(seed: String, deckName: String, count: Int) throws {
        let expected = Self.levelMarkers(in: try Self.seedLines(seed))
        #expect(expected.count == count)
        let deck = try #require(Self.deck(deckName, in: Self.library()))
        let levelCards = deck.cards.filter { $0.sectionTags.contains("Деңгейлік сұрақтар") }
        var covered = Set<[Int]>()
        for card in levelCards {
            #expect(card.kind == .open || card.kind == .question, "\(card.location)")
            let source = try #require(Self.sourceParts(card.source))
            #expect(source.file == seed, "\(card.location)")
            covered.insert([source.line, card.level])
        }
        #expect(covered == expected)
        #expect(levelCards.count == expected.count)
    }

    /// Level 2–3 questions are open: a model answer and key points to tick.
    @Test func higherLevelQuestionsAreOpenWithKeyPoints() {
        for deck in Self.library().decks {
            for card in deck.cards where card.sectionTags.contains("Деңгейлік сұрақтар") && card.level >= 2 {
                guard case .open(let open) = card.content else {
                    Issue.record("\(card.location): a level \(card.level) question must be open")
                    continue
                }
                #expect(open.keyPoints.count >= 3, "\(card.location)")
                #expect(open.modelAnswer.count > 200, "\(card.location)")
            }
        }
    }

    /// Prompts are the lecture's questions tidied: no stray ` ?` or `.?`,
    /// no broken-font letters, no Latin look-alikes.
    @Test func levelQuestionPromptsAreTidy() {
        for deck in Self.library().decks {
            for card in deck.cards where card.sectionTags.contains("Деңгейлік сұрақтар") {
                #expect(!card.prompt.contains(" ?"), "\(card.location)")
                #expect(!card.prompt.contains(".?"), "\(card.location)")
                #expect(Homoglyphs.findings(in: card.prompt).isEmpty, "\(card.location)")
            }
        }
    }

    /// Every glossary line of lecture 4 (`Режим: …`, `Утилитарлар- …`) is
    /// the source of a term card.
    @Test(.enabled(if: seedsAvailable, seedsMissing)) func everyGlossaryLineOfLecture4IsATerm() throws {
        let glossary = Self.glossaryLines(in: try Self.seedLines(Self.lecture4Seed))
        #expect(glossary.count == 12)
        let deck = try #require(Self.deck("002-alternative-concepts.deck", in: Self.library()))
        let termLines = Set(
            deck.cards.filter { $0.kind == .term }.compactMap { Self.sourceParts($0.source)?.line })
        for line in glossary {
            #expect(termLines.contains(line), "no term card from \(Self.lecture4Seed):\(line)")
        }
    }

    /// A term card's source is where the term stands: its first word (five
    /// letters, so inflected forms match) is on that line or the next few.
    @Test(.enabled(if: seedsAvailable, seedsMissing)) func termSourcesPointAtTheTerm() throws {
        var cache: [String: [String]] = [:]
        for deck in Self.library().decks {
            for card in deck.cards where card.kind == .term {
                let (file, line) = try #require(Self.sourceParts(card.source))
                if cache[file] == nil { cache[file] = try Self.seedLines(file) }
                let lines = cache[file] ?? []
                let window = lines.dropFirst(line - 1).prefix(5).joined(separator: " ").lowercased()
                let stem = String((card.prompt.split(separator: " ").first ?? "").prefix(5)).lowercased()
                #expect(window.contains(stem), "\(card.location): '\(stem)' not at \(file):\(line)")
            }
        }
    }

    /// The terms the course insists on, spelled correctly, with the
    /// lecture's own spelling of неоколониализм accepted when typed.
    @Test func requiredTermsAreSpelledCorrectly() throws {
        let deck = try #require(Self.deck("002-alternative-concepts.deck", in: Self.library()))
        let terms = Dictionary(
            deck.cards.compactMap { card -> (String, TermCard)? in
                if case .term(let term) = card.content { (term.term, term) } else { nil }
            }, uniquingKeysWith: { first, _ in first })
        #expect(terms["Режим"] != nil)
        #expect(terms["Гегемония"] != nil)
        let neocolonialism = try #require(terms["Неоколониализм"])
        #expect(neocolonialism.alternatives.contains("Неоколонолизм"))
        for term in terms.values {
            #expect(Homoglyphs.findings(in: term.term + " " + term.definition).isEmpty, "\(term.term)")
            #expect(!term.definition.lowercased().contains(term.term.lowercased()), "\(term.term) gives itself away")
        }
    }

    /// A choice question says "select all" exactly when several options
    /// are correct, so the student knows how many to pick.
    @Test func selectAllWordingMatchesTheCorrectOptions() {
        for deck in Self.library().decks {
            for card in deck.cards {
                guard case .choice(let choice) = card.content else { continue }
                let saysAll = choice.question.contains("барлығын")
                #expect(saysAll == choice.allowsSeveral, "\(card.location)")
                #expect(choice.options.count - choice.correctOptions.count >= 2, "\(card.location)")
            }
        }
    }
}

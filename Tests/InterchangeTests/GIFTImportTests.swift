import DeckFormat
import Foundation
import Interchange
import Testing

/// Moodle's documented GIFT examples (rewritten as a fixture) read as the
/// format's documentation says they mean.
@Suite struct GIFTImportTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
        return [UInt8](try Data(contentsOf: url))
    }

    static func read(_ text: String) -> ImportResult {
        GIFTImporter.read(Array(text.utf8), file: "t.gift")
    }

    func card(_ deck: Deck, _ id: String) throws -> Card {
        // The id as the deck writes it: the titles are scoped by the namespace.
        try #require(deck.cards.first { $0.idAsWritten == id }, "no card \(id)")
    }

    @Test func documentationExamplesMeanWhatMoodleSays() throws {
        let result = GIFTImporter.read(try Self.fixture("moodle-examples.gift"), file: "moodle-examples.gift")
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.messageEN))")
        let deck = result.deck
        // {T}: true is right.
        #expect(try card(deck, "Q1").content == .choice(ChoiceCard(question: "1+1=2", options: [
            ChoiceOption(text: "Дұрыс", isCorrect: true), ChoiceOption(text: "Бұрыс", isCorrect: false),
        ])))
        // = marks the one right option; feedback after # is not an option.
        #expect(try card(deck, "Q2").content == .choice(ChoiceCard(
            question: "What's between orange and green in the spectrum?",
            options: [ChoiceOption(text: "yellow", isCorrect: true), ChoiceOption(text: "red", isCorrect: false),
                      ChoiceOption(text: "blue", isCorrect: false)])))
        // Text after the answers: a fill-in-the-blank, both answers accepted.
        #expect(try card(deck, "Q3").content == .cloze(ClozeCard(text: "Two plus {two|2} equals four.")))
        // Matching: one card per pair.
        #expect(try card(deck, "Q4-1").content == .question(QuestionCard(question: "Which animal eats which food?\ncat", answer: "cat food")))
        #expect(try card(deck, "Q4-2").content == .question(QuestionCard(question: "Which animal eats which food?\ndog", answer: "dog food")))
        // Numerical: tolerance and range.
        #expect(try card(deck, "Q5").content == .question(QuestionCard(question: "What is a number from 1 to 5?", answer: "3 ± 2")))
        #expect(try card(deck, "Q6").content == .question(QuestionCard(question: "What is a number from 1 to 5?", answer: "1..5")))
        // Several numerical answers: the full-credit one is the answer.
        #expect(try card(deck, "Q7").content == .question(QuestionCard(question: "When was Ulysses S. Grant born?", answer: "1822")))
        // An essay without general feedback has nothing to study.
        #expect(!deck.cards.contains { $0.id.rawValue == "Q8" })
        #expect(result.diagnostics.contains { $0.code == "essay-without-feedback" && $0.location.line == 30 })

        let grants = deck.cards.filter { $0.sectionTags == ["Grant's tomb"] }
        #expect(grants.count == 9)
        let choices = grants.compactMap { card -> ChoiceCard? in
            if case .choice(let c) = card.content { c } else { nil }
        }
        // ~%50%Grant ~%50%Grant's wife: both must be picked.
        #expect(choices.contains { $0.question == "What two people are entombed in Grant's tomb?"
            && $0.correctOptions.map(\.text) == ["Grant", "Grant's wife"] })
        // Escaped = in options, and \\ as the right answer among escaped controls.
        #expect(choices.contains { $0.question == "Which answer equals 5?" && $0.correctOptions.map(\.text) == ["= 2 + 3"] })
        #expect(choices.contains { $0.options.map(\.text) == ["~", "=", "#", "{", "}", "\\"] && $0.correctOptions.map(\.text) == ["\\"] })
        // Short answer with three right answers: the first is the answer, the others alt:.
        #expect(grants.contains { $0.content == .question(QuestionCard(
            question: "Who's buried in Grant's tomb?", answer: "Grant", alternatives: ["Ulysses S. Grant", "Ulysses Grant"])) })
        // Essay with general feedback: an open question.
        #expect(grants.contains { if case .open(let o) = $0.content {
            o.modelAnswer == "A full answer names the alliance system and nationalism." } else { false } })
        // Per-answer feedback and partial credit are reported, not silently lost.
        #expect(result.diagnostics.contains { $0.code == "feedback-dropped" && $0.location.line == 8 })
        #expect(result.diagnostics.contains { $0.code == "partial-credit-dropped" && $0.location.line == 24 })
        #expect(result.diagnostics.contains { $0.code == "matching-split" })
    }

    @Test func theImportedDeckIsAValidDeck() throws {
        let result = GIFTImporter.read(try Self.fixture("moodle-examples.gift"), file: "m.gift")
        let printed = DeckPrinter.print(result.deck)
        let parsed = DeckParser.parse(printed, file: "m.deck")
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty, "\(parsed.diagnostics.map(\.messageEN))\n\(printed)")
        #expect(parsed.deck.cards.count == result.deck.cards.count)
    }

    @Test func partialCreditBesideAFullAnswerIsNotARightOption() throws {
        let result = Self.read("Q {=full ~%50%half ~wrong}")
        guard case .choice(let c) = try #require(result.deck.cards.first).content else { Issue.record("not a choice"); return }
        #expect(c.correctOptions.map(\.text) == ["full"])
        #expect(result.diagnostics.map(\.code) == ["partial-credit-dropped"])
    }

    /// A short answer worth 50 % is not a right answer beside a full one
    /// (it was kept as an `alt:`, counted right, under a warning saying
    /// the opposite).
    @Test func partialCreditBesideAFullShortAnswerIsNotAnAlternative() throws {
        let result = Self.read("::SA::Who?{=Grant =%50%Ulysses S. Grant =%100%U. S. Grant}")
        #expect(try #require(result.deck.cards.first).content
            == .question(QuestionCard(question: "Who?", answer: "Grant", alternatives: ["U. S. Grant"])))
        #expect(result.diagnostics.map(\.code) == ["partial-credit-dropped"])
    }

    /// Text after a numerical or true/false block is kept around a blank,
    /// as Moodle shows it (it was dropped: "Water boils at" / "100").
    @Test func textAfterANumericalOrTrueFalseBlockIsKeptAroundABlank() throws {
        let result = Self.read("::A::Water boils at {#100} degrees.\n\n::D::Is it {T} really?")
        #expect(!result.hasErrors)
        #expect(result.deck.cards.map(\.prompt) == ["Water boils at _____ degrees.", "Is it _____ really?"])
    }

    /// Moodle's own export of a numerical question writes the feedback for
    /// any other answer as `~#…`, with no number: a dropped feedback, not an
    /// error that stops the whole import; an empty `#` is no feedback.
    @Test func feedbackForAnyOtherNumberIsDroppedNotAnError() throws {
        let result = Self.read("::NUM::Grant born?{#\n\t=%100%1822:0#\n\t~#<p>Wrong</p>\n}")
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.messageEN))")
        #expect(try #require(result.deck.cards.first).content == .question(QuestionCard(question: "Grant born?", answer: "1822")))
        #expect(result.diagnostics.map(\.code) == ["feedback-dropped"])
        #expect(Self.read("::N::Year?{#=1991#}").diagnostics.isEmpty)
    }

    /// ESC and BEL in a GIFT or Aiken file were written into the deck as
    /// they were, and reached the terminal of anyone who printed it.
    @Test func controlCharactersBecomeSpaces() throws {
        let gift = Self.read("::E::Esc \u{1B}[2J here\u{7}?{=a\u{1B}]0;t\u{7} ~b\u{9B}}")
        let card = try #require(gift.deck.cards.first)
        guard case .choice(let choice) = card.content else { Issue.record("not a choice"); return }
        let texts = [choice.question] + choice.options.map(\.text)
        #expect(texts == ["Esc  [2J here ?", "a ]0;t", "b"])
        let aiken = AikenImporter.read(Array("Bell\u{7}?\nA) x\u{1B}y\nB) z\nANSWER: A\n".utf8), file: "a.txt")
        #expect(aiken.deck.cards.first?.prompt == "Bell ?")
    }

    @Test func negativeAndDecimalCreditsAreRead() throws {
        let result = Self.read("Q {~%33.3%a ~%33.3%b ~%33.4%c ~%-50%d}")
        guard case .choice(let c) = try #require(result.deck.cards.first).content else { Issue.record("not a choice"); return }
        #expect(c.correctOptions.map(\.text) == ["a", "b", "c"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func falseWithFeedbackAndLongForms() throws {
        for (written, truth) in [("{F}", false), ("{FALSE}", false), ("{TRUE}", true), ("{T#wrong#right}", true)] {
            let result = Self.read("Жер жалпақ. " + written)
            guard case .choice(let c) = try #require(result.deck.cards.first).content else { Issue.record("not a choice"); return }
            #expect(c.options.first?.isCorrect == truth, "\(written)")
        }
    }

    @Test func categoriesBecomeSectionsAndEveryEscapeIsRead() throws {
        let text = """
            $CATEGORY: $course$/top/Дәріс 4/Глоссарий

            ::a::Мәтін \\~ \\= \\# \\{ \\} \\: \\\\ жол\\nекінші {=жауап}

            $CATEGORY: a//b/c
            
            Q2 {=x}
            """
        let result = Self.read(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.deck.cards.first?.sectionTags == ["Дәріс 4", "Глоссарий"])
        #expect(result.deck.cards.first?.content == .question(QuestionCard(question: "Мәтін ~ = # { } : \\ жол\nекінші", answer: "жауап")))
        #expect(result.deck.cards.last?.sectionTags == ["a/b", "c"])
    }

    @Test func jattaCommentsAreReadAndOthersIgnored() throws {
        let text = """
            // question: 12 name: anything Moodle writes
            // level: 2
            // [tag:саясат]
            // source: lectures/002.txt\\:215
            Сұрақ? {=Жауап}
            """
        let card = try #require(Self.read(text).deck.cards.first)
        #expect(card.level == 2)
        #expect(card.tags == ["саясат"])
        #expect(card.source == "lectures/002.txt:215")
        #expect(!card.hasExplicitID)
    }
}

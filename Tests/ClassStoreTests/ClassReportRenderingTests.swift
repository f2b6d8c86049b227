import Foundation
import Testing

@testable import ClassStore

/// Text from decks and role names reaches the HTML page only escaped, and
/// the page fetches nothing.
@Suite struct ClassReportRenderingTests {
    static func report(prompt: String, student: String) -> ClassReport {
        var card = ClassReportBuilder.CardTally(key: "k", deckFile: "a<b>.deck", line: 3, prompt: prompt, level: 2)
        card.reviews = 4
        card.reviewStateReviews = 2
        card.reviewStatePassed = 1
        card.item.add(mark: 1, attemptTotal: 2)
        card.item.add(mark: 0, attemptTotal: 1)
        card.wrongOption = "</td><script>alert(1)</script>"
        card.wrongOptionCount = 1
        var tally = ClassReportBuilder.StudentTally(student: student)
        tally.cardsSeen = 1
        return ClassReportBuilder().build(classID: "IR101", cards: [card], students: [tally])
    }

    @Test func hostileTextIsEscapedInTheHTML() {
        let page = ClassReportHTML.render(
            Self.report(prompt: "<img src=x onerror=alert(1)> & \"q\" 'a'\u{1B}[31m", student: "<b>bob</b>"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>bob"))
        #expect(!page.contains("\u{1B}"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;"))
        #expect(page.contains("a&lt;b&gt;.deck:3"))
        #expect(!page.contains("src=\"") && !page.contains("href="))
    }

    @Test func textReportNamesTheCardsPlaceAndFigures() {
        let text = ClassReportText.render(Self.report(prompt: "Сұрақ\nекі жол", student: "alice"))
        #expect(text.contains("a<b>.deck:3  Сұрақ екі жол"))
        #expect(text.contains("true retention 50.0%"))
        #expect(text.contains("facility 50.0%"))
        // One of each is said in the singular (it read "1 cards seen").
        #expect(text.contains("alice: 1 card seen"))
        #expect(text.contains("Class IR101: 1 student, 1 card answered"))
    }

    /// One student's attempts tell no discrimination (it compares the
    /// better and the worse students): the report says "-", not "-%".
    @Test func aFigureThatCannotBeToldIsADashWithoutAPercentSign() {
        let text = ClassReportText.render(Self.report(prompt: "Сұрақ", student: "alice"))
        #expect(text.contains(", discrimination -\n"))
        #expect(!text.contains("-%"))
    }
}

/// "Hardest first" puts first the card the whole class keeps failing.
@Suite struct HardestFirstTests {
    /// A card every answer of which was Again never reached review state,
    /// so it has no true retention; it sorted after a card with 100 %
    /// retention, out of `--top 1`. Its mean difficulty places it now.
    @Test func aCardAlwaysFailedComesBeforeOneAlwaysPassed() {
        var easy = ClassReportBuilder.CardTally(key: "ord:easy", deckFile: "d.deck", prompt: "Capital of France?", level: 1)
        (easy.reviews, easy.reviewStateReviews, easy.reviewStatePassed) = (5, 3, 3)
        (easy.difficultySum, easy.difficultyCount) = (1.0, 1)
        var hard = ClassReportBuilder.CardTally(key: "ord:hard", deckFile: "d.deck", prompt: "Capital of Burkina Faso?", level: 1)
        (hard.reviews, hard.reviewStateReviews, hard.reviewStatePassed) = (5, 0, 0)
        (hard.difficultySum, hard.difficultyCount) = (9.94, 1)
        var begun = ClassReportBuilder.CardTally(key: "ord:begun", deckFile: "d.deck", prompt: "Capital of Peru?", level: 1)
        (begun.reviews, begun.difficultySum, begun.difficultyCount) = (1, 5.3, 1)
        let report = ClassReportBuilder().build(classID: "c", cards: [easy, begun, hard], students: [])
        #expect(report.cards.map(\.key) == ["ord:hard", "ord:begun", "ord:easy"])
    }
}

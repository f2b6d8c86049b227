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
        #expect(text.contains("alice: 1 cards seen"))
    }

    /// One student's attempts tell no discrimination (it compares the
    /// better and the worse students): the report says "-", not "-%".
    @Test func aFigureThatCannotBeToldIsADashWithoutAPercentSign() {
        let text = ClassReportText.render(Self.report(prompt: "Сұрақ", student: "alice"))
        #expect(text.contains(", discrimination -\n"))
        #expect(!text.contains("-%"))
    }
}

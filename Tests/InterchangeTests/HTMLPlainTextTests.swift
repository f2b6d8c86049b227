import DeckFormat
import Testing

@testable import Interchange

/// HTML as the plain text of a card, for Anki's fields and Moodle's
/// `[html]` questions.
@Suite struct HTMLPlainTextTests {
    /// Anki's editor keeps a second line as `line<div>second</div>`: it was
    /// read as "Line oneline two".
    @Test func aBlockStartsALineAfterText() {
        #expect(HTMLPlainText.of("Line one<div>line two</div>") == "Line one\nline two")
        #expect(HTMLPlainText.of("<p>One</p>\n<p>Two</p>") == "One\nTwo")
        #expect(HTMLPlainText.of("<div>Only</div>") == "Only")
    }

    /// Entities named beyond the five of XML were left as text (`&mdash;`).
    @Test func namedEntitiesAreDecoded() {
        #expect(HTMLPlainText.of("Dash &mdash; caf&eacute; &laquo;x&raquo; 5&deg; &hellip;") == "Dash — café «x» 5° …")
        #expect(HTMLPlainText.of("&unknownname; &amp;") == "&unknownname; &")
    }

    /// A script's or a style's text is code, not words of the card.
    @Test func scriptAndStyleTextIsLeftOut() {
        #expect(HTMLPlainText.of("a<script>alert(1)</script>b<STYLE>p{color:red}</Style>c") == "abc")
        #expect(HTMLPlainText.of("a<script>never closed") == "a")
    }

    /// Every Moodle export marks its text `[html]`: it was written into the
    /// deck as HTML (`<p>Fish &amp; chips</p>`).
    @Test func aMoodleHTMLQuestionIsReadAsText() throws {
        let result = GIFTImporter.read(Array("::C::[html]<p>Fish &amp; chips</p>{=<p>Paris</p> ~London#<b>no</b>}".utf8), file: "m.gift")
        let card = try #require(result.deck.cards.first)
        #expect(card.content == .choice(ChoiceCard(question: "Fish & chips", options: [
            ChoiceOption(text: "Paris", isCorrect: true), ChoiceOption(text: "London", isCorrect: false),
        ])))
        // Without the prefix the text is as written.
        let plain = GIFTImporter.read(Array("::C::<b>x</b>{=a ~b}".utf8), file: "m.gift")
        #expect(try #require(plain.deck.cards.first).prompt == "<b>x</b>")
    }
}

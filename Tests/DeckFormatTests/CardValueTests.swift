import Testing

@testable import DeckFormat

/// A card keeps its fields in one shared box (so copying a card is cheap),
/// and must still behave as a value: a change to one copy never shows in
/// another, and equality and hashing look at the fields, not the box.
@Suite struct CardValueTests {
    private func card() -> Card {
        Card(
            id: CardID(rawValue: "k:1"), hasExplicitID: true,
            content: .question(QuestionCard(question: "Астана қашан астана болды?", answer: "1997")),
            level: 2, tags: ["тарих"], sectionTags: ["Бөлім 1"], source: "notes.txt:3",
            location: SourceLocation(file: "a.deck", line: 4), lastLine: 6)
    }

    @Test func changingACopyLeavesTheOriginal() {
        let original = card()
        var copy = original
        copy.level = 3
        copy.tags.append("сынақ")
        copy.id = CardID(rawValue: "k:2")
        copy.content = .question(QuestionCard(question: "Басқа сұрақ?", answer: "иә"))
        copy.location.line = 40
        #expect(original.level == 2)
        #expect(original.tags == ["тарих"])
        #expect(original.id.rawValue == "k:1")
        #expect(original.prompt == "Астана қашан астана болды?")
        #expect(original.location.line == 4)
        #expect(copy.level == 3 && copy.tags == ["тарих", "сынақ"] && copy.location.line == 40)
        #expect(original != copy)
    }

    @Test func equalityAndHashFollowTheFieldsNotTheBox() {
        let a = card()
        let b = card()  // another box, the same fields
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        var c = a
        c.sectionTags = []
        #expect(a != c)
        c.sectionTags = ["Бөлім 1"]
        #expect(a == c)
    }
}

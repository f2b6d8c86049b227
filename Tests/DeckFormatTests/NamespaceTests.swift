import Foundation
import Testing

@testable import DeckFormat

/// Explicit ids are scoped by the deck's namespace (docs/deck-format.md,
/// "Namespaces"), and a card knows the ids its progress had before.
@Suite struct NamespaceTests {
    /// The finding of issue 11: two courses' `id: q1` shared one record.
    @Test func twoCoursesSameExplicitIDAreDifferentCards() throws {
        let a = DeckParser.parse("Q: Бірінші курс сұрағы?\nA: Иә\nid: q1\n", file: "courseA/a.deck").deck
        let b = DeckParser.parse("Q: Екінші курс сұрағы?\nA: Жоқ\nid: q1\n", file: "courseB/b.deck").deck
        let idA = try #require(a.cards.first?.id)
        let idB = try #require(b.cards.first?.id)
        #expect(idA != idB)
        #expect(DeckLinter.lint([a, b]).isEmpty)
        // With namespaces written, the same.
        let na = DeckParser.parse("namespace: ir-2026\n\nQ: Бір?\nA: Иә\nid: q1\n", file: "x/lecture.deck").deck
        let nb = DeckParser.parse("namespace: history\n\nQ: Екі?\nA: Иә\nid: q1\n", file: "y/lecture.deck").deck
        #expect(na.cards.first?.id != nb.cards.first?.id)
        #expect(DeckLinter.lint([na, nb]).isEmpty)
    }

    @Test func movingACardBetweenFilesOfOneNamespaceKeepsItsID() throws {
        let card = "Q: Қазақстан қашан тәуелсіздік алды?\nA: 1991\nid: independence\n"
        let before = DeckParser.parse("namespace: ir\n\n" + card, file: "course/lecture1.deck").deck
        let after = DeckParser.parse("namespace: ir\n\nQ: Басқа?\nA: Иә\n\n" + card, file: "course/lecture2.deck").deck
        #expect(before.cards.first?.id == after.cards.last?.id)
        #expect(before.cards.first?.id.rawValue == "ir:independence")
        // Two files of one namespace with one id are a duplicate.
        #expect(DeckLinter.lint([before, after]).map(\.code) == ["duplicate-id"])
    }

    @Test func anExplicitCardKnowsItsDerivedAndUnscopedIDs() throws {
        let plain = try #require(DeckParser.parse("T: Режим\nD: Ережелер\n", file: "l.deck").deck.cards.first)
        let pinned = try #require(
            DeckParser.parse("namespace: ir\n\nT: Режим\nD: Ережелер\nid: regime\n", file: "l.deck").deck.cards.first)
        #expect(pinned.derivedID == plain.id)
        #expect(pinned.formerIDs == [CardID(rawValue: "regime"), plain.id])
        #expect(pinned.faces.map(\.formerKeys) == [["regime", plain.id.rawValue], ["regime/reverse", plain.id.rawValue + "/reverse"]])
        #expect(plain.formerIDs.isEmpty)
    }

    @Test func idsWithoutANamespaceAreReportedOncePerDeckWithAFix() {
        let parsed = DeckParser.parse("# Т\n\nQ: А?\nA: Б\nid: a\n\nQ: В?\nA: Г\nid: b\n", file: "dir/lecture4.deck")
        #expect(parsed.diagnostics.map(\.code) == ["id-without-namespace"])
        #expect(parsed.diagnostics.first?.location.line == 5)
        #expect(parsed.diagnostics.first?.messageEN.contains("namespace: lecture4") == true)
        // Following the advice: the warning goes, the ids stay what they were.
        let fixed = DeckParser.parse("# Т\nnamespace: lecture4\n\nQ: А?\nA: Б\nid: a\n\nQ: В?\nA: Г\nid: b\n", file: "dir/lecture4.deck")
        #expect(fixed.diagnostics.isEmpty)
        #expect(fixed.deck.cards.map(\.id) == parsed.deck.cards.map(\.id))
    }

    @Test func aBadNamespaceIsAnError() {
        let parsed = DeckParser.parse("namespace: a b\n\nQ: А?\nA: Б\n", file: "x.deck")
        #expect(parsed.diagnostics.map(\.code) == ["invalid-namespace"])
        #expect(parsed.diagnostics.first?.severity == .error)
    }

    @Test func theDefaultNamespaceIsTheFileNameMadeValid() {
        #expect(CardID.defaultNamespace(file: "courses/ir/Дәріс 4.deck") == "Дәріс-4")
        #expect(CardID.defaultNamespace(file: "a.deck") == "a")
        #expect(CardID.isValidExplicit(CardID.defaultNamespace(file: "x/a:b c!.deck")))
    }

    @Test func theBundledDecksShareOneNamespace() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let result = DeckLibrary.load(paths: [root.appendingPathComponent("decks").path])
        #expect(Set(result.decks.map { $0.metadata("namespace") }) == ["jatta-ir"])
        #expect(!result.diagnostics.contains { $0.code == "id-without-namespace" })
    }
}

import Testing

@testable import ClassStore

/// Moodle's indices from running sums equal the textbook two-pass formulas
/// over the same attempts (mean mark; Pearson's r of mark and rest of test).
@Suite struct ItemAnalysisTests {
    /// Attempts as (mark on this question, attempt total), from a seeded
    /// generator so many shapes are tried.
    static func attempts(seed: UInt64, count: Int) -> [(Double, Double)] {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 33) / Double(1 << 31)
        }
        return (0..<count).map { _ in
            let mark = next() < 0.5 ? 0 : (next() < 0.3 ? 0.5 : 1)
            return (mark, mark + (next() * 9).rounded())
        }
    }

    static func twoPass(_ attempts: [(Double, Double)]) -> (facility: Double, discrimination: Double?) {
        let n = Double(attempts.count)
        let x = attempts.map(\.0), y = attempts.map { $0.1 - $0.0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let cov = zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +) / (n - 1)
        let vx = x.map { ($0 - mx) * ($0 - mx) }.reduce(0, +) / (n - 1)
        let vy = y.map { ($0 - my) * ($0 - my) }.reduce(0, +) / (n - 1)
        return (100 * mx, vx > 0 && vy > 0 ? 100 * cov / (vx * vy).squareRoot() : nil)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func sumsGiveMoodlesIndices(seed: UInt64) throws {
        let attempts = Self.attempts(seed: seed, count: 3 + Int(seed) * 7)
        var item = ItemAnalysis()
        for (mark, total) in attempts { item.add(mark: mark, attemptTotal: total) }
        let want = Self.twoPass(attempts)
        #expect(abs((item.facilityIndex ?? -1) - want.facility) < 1e-9)
        if let d = want.discrimination {
            #expect(abs((item.discriminationIndex ?? 1000) - d) < 1e-9)
        } else {
            #expect(item.discriminationIndex == nil)
        }
    }

    @Test func noSpreadNoDiscrimination() {
        var item = ItemAnalysis()
        for total in [1.0, 3, 5] { item.add(mark: 1, attemptTotal: total) }
        #expect(item.discriminationIndex == nil)
        #expect(item.facilityIndex == 100)
        #expect(ItemAnalysis().facilityIndex == nil)
    }

    /// Students who know the rest of the test fail this question: negative
    /// discrimination, which the report flags.
    @Test func negativeDiscriminationIsFlagged() {
        var card = ClassReportBuilder.CardTally(key: "k", deckFile: "d.deck", prompt: "p", level: 1)
        for (mark, total) in [(1.0, 1.0), (1, 2), (0, 8), (0, 9)] { card.item.add(mark: mark, attemptTotal: total) }
        let report = ClassReportBuilder().build(classID: "c", cards: [card], students: [])
        #expect((report.cards.first?.discriminationIndex ?? 0) < 0)
        #expect(report.cards.first?.flags == ["negative-discrimination"])
    }

    /// A card lapsing far more often than its deck is flagged; one near the
    /// deck's rate is not.
    @Test func lapseRateFarAboveTheDeckIsFlagged() {
        func card(_ key: String, lapses: Int, reviews: Int) -> ClassReportBuilder.CardTally {
            var card = ClassReportBuilder.CardTally(key: key, deckFile: "d.deck", prompt: key, level: 1)
            card.lapses = lapses
            card.reviewStateReviews = reviews
            card.reviewStatePassed = reviews - lapses
            card.reviews = reviews
            return card
        }
        let cards = [card("hard", lapses: 6, reviews: 10)] + (0..<9).map { card("easy\($0)", lapses: 1, reviews: 10) }
        let report = ClassReportBuilder().build(classID: "c", cards: cards, students: [])
        #expect(report.cards.first?.key == "hard")
        #expect(report.cards.first?.flags == ["lapse-rate"])
        #expect(report.cards.dropFirst().allSatisfy { $0.flags.isEmpty })
    }
}

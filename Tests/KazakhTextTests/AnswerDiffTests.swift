import Foundation
import Testing

@testable import KazakhText

/// The letter diff shown beside a verdict.
@Suite struct AnswerDiffTests {
    @Test func typoIsMarkedWhereItIs() {
        #expect(
            AnswerDiff.pieces(expected: "Тәжірибе", typed: "тәжірбие")
                == [.same("тәжір"), .wrong(typed: "би", expected: "иб"), .same("е")])
        #expect(AnswerDiff.pieces(expected: "Каспий", typed: "каспи") == [.same("каспи"), .missing("й")])
        #expect(AnswerDiff.pieces(expected: "режим", typed: "режимы") == [.same("режим"), .extra("ы")])
        #expect(
            AnswerDiff.pieces(expected: "тұз", typed: "түз") == [.same("т"), .wrong(typed: "ү", expected: "ұ"), .same("з")])
        #expect(AnswerDiff.pieces(expected: "Режим", typed: "  РЕЖИМ ") == [.same("РЕЖИМ")])
    }

    @Test func piecesGiveBackBothTexts() {
        let pairs = [
            ("Тұтқындар дилеммасы", "тұтқындар диллемасы"), ("Неоколониализм", "колониализм"),
            ("Қауіпсіздік", "кауипсиздик"), ("", "режим"), ("режим", ""),
        ]
        for (expected, typed) in pairs {
            var typedBack = ""
            var expectedBack = ""
            for piece in AnswerDiff.pieces(expected: expected, typed: typed) {
                switch piece {
                case .same(let s): typedBack += s; expectedBack += s
                case .wrong(let t, let e): typedBack += t; expectedBack += e
                case .missing(let e): expectedBack += e
                case .extra(let t): typedBack += t
                }
            }
            #expect(typedBack == typed.trimmingCharacters(in: .whitespaces))
            #expect(expectedBack.lowercased() == expected.lowercased())
        }
    }
}

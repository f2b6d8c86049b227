import Testing

@testable import Lectures

@Suite("Unwrapping and sentences")
struct UnwrapperTests {
    /// Lines as a PDF export gives them: each followed by one blank line.
    func doubleSpaced(_ lines: [String]) -> [SourceLine] {
        var result: [SourceLine] = []
        var number = 1
        for line in lines {
            result.append(SourceLine(number: number, text: line))
            result.append(SourceLine(number: number + 1, text: ""))
            number += 2
        }
        return result
    }

    /// A full-width line of 63 characters.
    static let width = Array(repeating: "сөз", count: 16).joined(separator: " ")

    @Test("double spacing is detected and single blank lines do not break paragraphs")
    func doubleSpacing() {
        let lines = doubleSpaced([
            Self.width + " бірінші", "жалғасы " + Self.width, "тағы " + Self.width, "және " + Self.width,
            "тағы да " + Self.width, "соңы.",
        ])
        #expect(Unwrapper.layout(of: lines).isDoubleSpaced)
        let (paragraphs, _) = Unwrapper.paragraphs(lines, file: "f", lexicon: Lexicon())
        #expect(paragraphs.count == 1)
        #expect(paragraphs[0].line(at: 0) == 1)
        #expect(paragraphs[0].line(at: paragraphs[0].text.count - 2) == 11)
    }

    @Test("a page break in mid-sentence does not end the paragraph")
    func pageBreak() {
        var lines = doubleSpaced([Self.width + " 1991 жылы КСРО ыдыраған соң, ТМД-"])
        lines += [SourceLine(number: 3, text: ""), SourceLine(number: 4, text: "")]
        lines += doubleSpaced(["ның біршама мемлекеттері " + Self.width, "тұжырымдай алмады."]).map {
            SourceLine(number: $0.number + 4, text: $0.text)
        }
        let (paragraphs, repairs) = Unwrapper.paragraphs(lines, file: "f", lexicon: Lexicon())
        #expect(paragraphs.count == 1)
        #expect(paragraphs.first?.text.contains("ТМД-ның біршама") == true)
        #expect(repairs.contains { $0.kind == .hyphenKept && $0.after == "ТМД-ның" })
    }

    @Test("question markers, tasks, bullets and glossary lines start blocks")
    func blocks() {
        let lines = doubleSpaced([
            Self.width + " тоқтайды.", "Режим: мемлекеттердің келісімі " + Self.width, "жиынтығы.",
            "Деңгейлік тапсырмалар:", "1–деңгейлік сұрақ. Дипломатия сөзіне", "анықтама беріңіз ?",
            "1 – Неолиберализм қалай бөлінеді?", "ОБӨЖ тапсырмалары: Дипломатиялық", "құралдар.",
        ])
        let (paragraphs, _) = Unwrapper.paragraphs(lines, file: "f", lexicon: Lexicon())
        #expect(paragraphs.map(\.text) == [
            Self.width + " тоқтайды.", "Режим: мемлекеттердің келісімі " + Self.width + " жиынтығы.",
            "Деңгейлік тапсырмалар:", "1–деңгейлік сұрақ. Дипломатия сөзіне анықтама беріңіз ?",
            "1 – Неолиберализм қалай бөлінеді?", "ОБӨЖ тапсырмалары: Дипломатиялық құралдар.",
        ])
    }

    @Test("lines that are already paragraphs are left as they are")
    func unwrappedText() {
        let long = String(repeating: "ұзын сөйлем ", count: 20)
        let lines = [SourceLine(number: 1, text: long + "бір"), SourceLine(number: 2, text: long + "екі")]
        #expect(!Unwrapper.layout(of: lines).isWrapped)
        let (paragraphs, _) = Unwrapper.paragraphs(lines, file: "f", lexicon: Lexicon())
        #expect(paragraphs.count == 2)
    }

    @Test("sentences split at stops, not after initials or abbreviations")
    func sentences() {
        let text = "В.И. Гантманның еңбегі т.б. жазылды. Сыртқы саяси доктрина – жүйе. «Бұл» деді ол"
        let second = text.distance(from: text.startIndex, to: text.range(of: "Сыртқы")!.lowerBound)
        let p = Paragraph(text: text, marks: [LineMark(offset: 0, line: 10), LineMark(offset: second, line: 12)])
        let s = Sentence.split(p)
        #expect(s.map(\.text) == ["В.И. Гантманның еңбегі т.б. жазылды.", "Сыртқы саяси доктрина – жүйе.", "«Бұл» деді ол"])
        #expect(s.map(\.line) == [10, 12, 12])
        #expect(s.map(\.opensParagraph) == [true, false, false])
    }
}

import DeckFormat
import Interchange
import Testing

/// A GIFT or Aiken file whose lines end in a lone CR (old Mac files, and
/// what some spreadsheet and quiz tools still save) reads as the same file
/// with LF line ends: its questions, its findings and their lines.
@Suite struct LineEndTests {
    static let gift = """
        // A comment
        ::Q1:: Қазақстанның астанасы? {=Астана =Нұр-Сұлтан}

        ::Q2:: 2+2? {#4}

        ::Q3:: Broken {=a
        """

    static let aiken = """
        Қазақстан БҰҰ-ға қай жылы кірді?
        A. 1991
        B. 1992
        ANSWER: B

        2+2?
        A. 3
        B. 4
        ANSWER: B
        """

    static func withCR(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r").utf8) }

    static func places(_ result: ImportResult) -> [String] {
        result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" }
    }

    @Test func giftLinesEndingInCRAloneReadAsLines() {
        let lf = GIFTImporter.read(Array(Self.gift.utf8), file: "t.gift")
        let cr = GIFTImporter.read(Self.withCR(Self.gift), file: "t.gift")
        #expect(lf.deck.cards.count == 2)
        #expect(cr.deck.cards == lf.deck.cards)
        #expect(Self.places(cr) == Self.places(lf))
        #expect(Self.places(lf).contains { $0.hasPrefix("6:") }, "\(Self.places(lf))")
    }

    @Test func aikenLinesEndingInCRAloneReadAsLines() {
        let lf = AikenImporter.read(Array(Self.aiken.utf8), file: "a.txt")
        let cr = AikenImporter.read(Self.withCR(Self.aiken), file: "a.txt")
        #expect(lf.deck.cards.count == 2)
        #expect(!cr.hasErrors, "\(Self.places(cr))")
        #expect(cr.deck.cards == lf.deck.cards)
    }

    @Test func badBytesInACRFileAreReportedAtTheirLine() {
        // Line 4 holds a Windows-1251 byte.
        let bytes = Self.withCR("::Q1:: a {=b}\n\n::Q2:: c {=d}\n::Q3:: e") + [0xE0] + Array(" {=f}\r".utf8)
        let result = GIFTImporter.read(bytes, file: "t.gift")
        #expect(result.hasErrors)
        #expect(Self.places(result) == ["4:9 invalid-utf8"])
    }
}

import Testing

@testable import TerminalUI

/// The locale check at every start: which codeset names count as UTF-8
/// (glibc spells it `UTF-8`; other systems and hand-set locales say
/// `utf8`, `UTF8`, `utf-8`).
@Suite struct TerminalCheckTests {
    @Test(arguments: ["UTF-8", "UTF8", "utf-8", "utf8", "Utf-8", "U-T-F-8"])
    func utf8Spellings(_ name: String) {
        #expect(TerminalCheck.namesUTF8(name))
    }

    @Test(arguments: ["", "ANSI_X3.4-1968", "ISO-8859-1", "KOI8-R", "UTF-16", "UTF-8 ", "UTF_8", "UTF-88", "CP1251"])
    func otherCodesets(_ name: String) {
        #expect(!TerminalCheck.namesUTF8(name))
    }
}

import DeckFormat
import Interchange

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer entry point for `jatta import gift` and `jatta import aiken`,
/// the Moodle question formats instructors bring. The first byte picks the
/// reader (even: GIFT, odd: Aiken); the rest is the file. Any bytes must be
/// read or reported, never crash, hang or blow up. A deck that imports
/// then goes the way the commands take it: printed, and written only if it
/// parses back (`import` refuses it otherwise); that deck file exported as
/// GIFT and as Aiken (`export`); and the GIFT read again, which must give
/// no error: a file jatta wrote itself must read back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMoodle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let result =
        data[0] & 1 == 0
        ? GIFTImporter.read(bytes, file: "input.gift", deckFile: "input.deck")
        : AikenImporter.read(bytes, file: "input.txt")
    guard !result.hasErrors else { return 0 }
    let written = DeckParser.parse(DeckPrinter.print(result.deck), file: "input.deck")
    guard !written.diagnostics.contains(where: { $0.severity == .error }) else { return 0 }
    _ = AikenExporter.write([written.deck])
    let gift = GIFTExporter.write([written.deck])
    let again = GIFTImporter.read(Array(gift.text.utf8), file: "again.gift", deckFile: "input.deck")
    if again.hasErrors { abort() }
    return 0
}

import DeckFormat
import Lectures

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer entry point for lecture extraction: the first byte picks
/// plain text or HTML, the rest is the lecture. Any bytes must extract (or
/// fail with a `LectureError`) without a crash, in time and memory bounded
/// by the run's -timeout and -rss_limit_mb, and the draft deck must print
/// and parse back without errors or control characters.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let name = data[0] & 1 == 0 ? "fuzz.txt" : "fuzz.html"
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    guard let extraction = try? LectureExtractor.extract([LectureInput(path: name, bytes: bytes)]) else { return 0 }
    let deck = DraftDeckBuilder.deck(of: extraction.documents, extraction: extraction, file: "draft.deck")
    let text = DeckPrinter.print(deck)
    // A draft holds no NUL or ESC: `&#0;` and `&#27;` must not come through.
    if text.utf8.contains(0) || text.utf8.contains(0x1B) { abort() }
    let reparsed = DeckParser.parse(text, file: "draft.deck")
    if reparsed.diagnostics.contains(where: { $0.severity == .error }) { abort() }
    return 0
}

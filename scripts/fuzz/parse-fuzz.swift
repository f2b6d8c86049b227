import DeckFormat

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer entry point: any bytes must parse without a crash, the
/// printed form of what was read must read back to the same deck, and a
/// cloze is loaded only with a gap the card itself finds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parsed = DeckParser.parse(bytes, file: "fuzz.deck")
    let reparsed = DeckParser.parse(DeckPrinter.print(parsed.deck), file: "fuzz.deck")
    func stripped(_ deck: Deck) -> [Card] {
        deck.cards.map { card in
            var card = card
            card.location = SourceLocation(file: "", line: 0)
            // Where a card ends depends on the layout, which printing
            // makes canonical; what the card holds must not change.
            card.lastLine = 0
            return card
        }
    }
    // The parser checks braces over bytes, the card splits its text by
    // Character: where they disagree a cloze loads with nothing to fill in.
    for card in parsed.deck.cards {
        if case .cloze(let cloze) = card.content, cloze.gaps.isEmpty { abort() }
    }
    if stripped(reparsed.deck) != stripped(parsed.deck) || reparsed.deck.title != parsed.deck.title
        || reparsed.deck.metadata != parsed.deck.metadata
    {
        // A round-trip failure is a finding: make libFuzzer keep the input.
        abort()
    }
    return 0
}

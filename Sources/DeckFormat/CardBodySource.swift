import Synchronization

/// Decodes card bodies kept elsewhere (the deck index's entries), for the
/// cards of an `IndexedCards` table (and those made with
/// `Card.init(…bodyAt:in:)`, a table of one).
public protocol CardBodyDecoding: Sendable {
    /// The body stored in the `length` bytes at `offset`, or nil when it
    /// cannot be had (damaged where it is kept, and no other source).
    func body(at offset: Int, length: Int) -> CardBody?
}

/// One decoder of card bodies and the lock its cards decode under: the
/// cards of a deck file share it through their `IndexedCards` table, which
/// holds it once.
public final class CardBodySource: Sendable {
    /// Decodes the bodies.
    let decoder: any CardBodyDecoding
    /// Held while a card of this source decodes or reads its body, so two
    /// copies of one card on two threads never decode into one box at once.
    let lock = Mutex(())

    public init(_ decoder: any CardBodyDecoding) { self.decoder = decoder }
}

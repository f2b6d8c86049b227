import DeckFormat

@testable import Study

/// The order's rule read in study items, as the tests state it: the queue
/// itself hands the order `NewFace`s (`QueueBuilder.build`).
extension NewFaceOrder {
    /// `items` in the order to introduce them, or the first `limit` of that
    /// order; `items` are new faces in deck and file order.
    static func arrange(
        _ items: [StudyItem], orders: [String: NewCardOrder], siblingGap: Int = siblingGap, first limit: Int = .max
    ) -> [StudyItem] {
        var files = FileNumbers()
        let faces = items.map { NewFace($0.face, file: files.number(of: $0.deckFile)) }
        return arrange(faces, files: files.names, orders: orders, siblingGap: siblingGap, first: limit).map { items[$0] }
    }

    /// The kind and direction number of `item`'s face.
    static func kindCode(_ item: StudyItem) -> Int { kindCode(kind: item.card.kind, direction: item.face.direction) }
}

import ReviewStore

/// The store failed while recording what the student just did (an
/// answer, an undo, a burial, an exam date): the session ends saying that
/// this, and only this, was not recorded. A failure anywhere else (opening
/// the store, registering the decks at the start) says nothing of an
/// answer: there may have been none.
struct UnrecordedAction: Error {
    /// What the store said.
    let error: StoreError
}

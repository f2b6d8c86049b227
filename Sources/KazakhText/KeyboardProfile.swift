/// What a study or quiz session has learnt about the student's keyboard.
///
/// A value the caller keeps for the session and passes to every check:
/// once the student has typed any Kazakh letter, they have the layout, and
/// к for қ stops being a forgivable keyboard fallback and becomes a
/// misspelling (kazakh-text.md §3.2).
public struct KeyboardProfile: Hashable, Sendable, Codable {
    /// True once any answer of the session contained one of the nine
    /// Kazakh letters (ә ғ қ ң ө ұ ү һ і).
    public var hasKazakhLayout: Bool

    public init(hasKazakhLayout: Bool = false) {
        self.hasKazakhLayout = hasKazakhLayout
    }

    /// The profile at the start of a session: nothing known yet.
    public static let unknown = KeyboardProfile()

    /// The profile after the student typed `typed`.
    public func updated(afterTyping typed: String) -> KeyboardProfile {
        KeyboardProfile(hasKazakhLayout: hasKazakhLayout || KeyboardFallback.containsKazakhLetter(typed))
    }
}

/// What a study or quiz session knows about the student's keyboard, and
/// so the one rule for Russian-layout letters (к for қ): forgiven until the
/// student shows the Kazakh layout, a mistake after. The profile keeps the
/// answer that showed the layout, so every verdict the rule decides can
/// say which rule is in force and why (kazakh-text.md §3.2).
public struct KeyboardProfile: Hashable, Sendable, Codable {
    /// True once any answer of the session contained one of the nine
    /// Kazakh letters (ә ғ қ ң ө ұ ү һ і), or the student said so.
    public var hasKazakhLayout: Bool
    /// The answer that first showed the layout, as typed (cut to 40
    /// letters); nil when nothing was typed with it yet, or when the layout
    /// was declared rather than seen.
    public var evidence: String?

    public init(hasKazakhLayout: Bool = false, evidence: String? = nil) {
        self.hasKazakhLayout = hasKazakhLayout
        self.evidence = evidence
    }

    /// The profile at the start of a session: nothing known yet.
    public static let unknown = KeyboardProfile()

    /// The profile after the student typed `typed`.
    public func updated(afterTyping typed: String) -> KeyboardProfile {
        if hasKazakhLayout || !KeyboardFallback.containsKazakhLetter(typed) { return self }
        return KeyboardProfile(hasKazakhLayout: true, evidence: String(typed.prefix(40)))
    }

    /// The rule in force for an answer `typed` under this profile.
    public func rule(forTyping typed: String) -> KeyboardRule {
        if KeyboardFallback.containsKazakhLetter(typed) { return .strictThisAnswer }
        guard hasKazakhLayout else { return .forgiving }
        if let evidence { return .strictSeenEarlier(evidence) }
        return .strictDeclared
    }
}

/// Whether Russian-layout letters (к for қ, о for ө …) are forgiven, and
/// why: the one keyboard rule a verdict names when it decided.
public enum KeyboardRule: Hashable, Sendable {
    /// No Kazakh letter typed yet: the student may have no Kazakh layout,
    /// so the fallbacks are forgiven with a note.
    case forgiving
    /// This very answer has Kazakh letters: the layout is there.
    case strictThisAnswer
    /// An earlier answer (given) had Kazakh letters.
    case strictSeenEarlier(String)
    /// The student said they have the Kazakh layout.
    case strictDeclared

    /// A short stable name, for `jatta judge --json` and logs.
    public var code: String {
        switch self {
        case .forgiving: "forgiving"
        case .strictThisAnswer: "strict/this-answer"
        case .strictSeenEarlier: "strict/seen-earlier"
        case .strictDeclared: "strict/declared"
        }
    }

    /// The rule and its reason, for the student.
    public var explanation: BilingualText {
        switch self {
        case .forgiving:
            BilingualText(
                kk: "Ереже: әзірге қазақ әрпі терілмеді, сондықтан орыс пернетақтасының әріптері (қ орнына к) кешіріледі.",
                en: "Rule in force: no Kazakh letter has been typed yet, so Russian-layout letters (к for қ) are forgiven.")
        case .strictThisAnswer:
            BilingualText(
                kk: "Ереже: бұл жауапта қазақ әріптері бар, сондықтан қ орнына к — қате.",
                en: "Rule in force: this answer has Kazakh letters, so к for қ counts as a mistake.")
        case .strictSeenEarlier(let evidence):
            BilingualText(
                kk: "Ереже: бұрын қазақ әріптерін тердіңіз («\(evidence)»), сондықтан қ орнына к — қате.",
                en: "Rule in force: you typed Kazakh letters earlier («\(evidence)»), so к for қ counts as a mistake.")
        case .strictDeclared:
            BilingualText(
                kk: "Ереже: қазақ пернетақтасы бар деп көрсетілген, сондықтан қ орнына к — қате.",
                en: "Rule in force: you have the Kazakh layout, so к for қ counts as a mistake.")
        }
    }
}

extension KeyboardProfile {
    /// The store key the profile is kept under between sessions.
    public static let settingKey = "keyboard-layout"

    /// The profile as stored: `kazakh` and the answer that showed the
    /// layout, or nil when nothing is known (nothing to keep).
    public var stored: String? {
        guard hasKazakhLayout else { return nil }
        return "kazakh\t" + (evidence ?? "")
    }

    /// The profile from its stored text; `.unknown` for anything else, so a
    /// damaged value forgives Russian-layout letters rather than failing.
    public init(stored: String?) {
        guard let stored, stored.hasPrefix("kazakh\t") else {
            self = .unknown
            return
        }
        let evidence = String(stored.dropFirst("kazakh\t".count).prefix(40))
        self.init(hasKazakhLayout: true, evidence: evidence.isEmpty ? nil : evidence)
    }
}

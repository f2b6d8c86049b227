import Foundation
import TerminalUI

/// The words of `jatta optimize`'s text output in one interface language.
/// The JSON output keeps English names: it is read by programs.
struct OptimizeWords: Sendable {
    var reviews: @Sendable (_ reviews: Int, _ items: Int) -> String
    var header: String
    var current: @Sendable (_ stored: Bool) -> String
    var new: String
    var kept: String
    var notBetter: String
    var dryRun: String
    var tooFew: @Sendable (_ items: Int, _ needed: Int) -> String
    var initialOnly: @Sendable (_ reviews: Int, _ minimum: Int) -> String
    var reset: String
    /// `--dry-run` of a fit that is better, and of `--reset`: nothing stored.
    var keptOnlyIfStored: String
    var resetOnlyIfStored: String
    var retention: @Sendable (_ value: Double) -> String
    var badRetention: String
    var retentionOrReset: String

    static func of(_ language: Language) -> OptimizeWords { language == .kk ? kazakh : english }

    static let english = OptimizeWords(
        reviews: { "\($0) reviews counted, \($1) predictions to judge the parameters on." },
        header: "parameters              log loss  RMSE(bins)",
        current: { $0 ? "current (fitted)" : "current (defaults)" },
        new: "new",
        kept: "The new parameters are better: they are stored and the scheduler uses them from now on.",
        notBetter: "The new parameters are not better: the current ones stay.",
        dryRun: "Dry run: nothing was stored.",
        tooFew: { "Too few reviews to fit anything (\($0) predictions, at least \($1) needed): the current parameters stay." },
        initialOnly: {
            "Fewer than \($1) reviews (\($0)): only the initial stabilities w0-w3 were fitted; the other weights stay at their defaults."
        },
        reset: "The parameters are back to the FSRS-6 defaults.",
        keptOnlyIfStored: "The new parameters are better; without --dry-run they would be stored and used from now on.",
        resetOnlyIfStored: "Without --dry-run the parameters would go back to the FSRS-6 defaults.",
        retention: { "Desired retention set to \($0)." },
        badRetention: "--retention must be between 0.70 and 0.99",
        retentionOrReset: "--retention and --reset cannot be used together"
    )

    static let kazakh = OptimizeWords(
        reviews: { "\($0) қайталау есептелді, параметрлер \($1) болжаммен бағаланады." },
        header: "параметрлер             log loss  RMSE(bins)",
        current: { $0 ? "қазіргі (бапталған)" : "қазіргі (әдепкі)" },
        new: "жаңа",
        kept: "Жаңа параметрлер жақсырақ: олар сақталды, кесте енді соларды қолданады.",
        notBetter: "Жаңа параметрлер жақсырақ емес: қазіргілері қалады.",
        dryRun: "Сынақ жүгіріс: ештеңе сақталған жоқ.",
        tooFew: { "Баптауға қайталау тым аз (\($0) болжам, кемінде \($1) керек): қазіргі параметрлер қалады." },
        initialOnly: {
            "Қайталау \($1)-ден аз (\($0)): тек бастапқы тұрақтылықтар w0-w3 бапталды; қалған салмақтар әдепкі күйінде."
        },
        reset: "Параметрлер FSRS-6 әдепкі мәндеріне қайтарылды.",
        keptOnlyIfStored: "Жаңа параметрлер жақсырақ; --dry-run болмаса, олар сақталып, енді қолданылар еді.",
        resetOnlyIfStored: "--dry-run болмаса, параметрлер FSRS-6 әдепкі мәндеріне қайтарылар еді.",
        retention: { "Қалаған есте сақтау деңгейі: \($0)." },
        badRetention: "--retention 0.70 мен 0.99 аралығында болуы керек",
        retentionOrReset: "--retention мен --reset бірге қолданылмайды"
    )
}

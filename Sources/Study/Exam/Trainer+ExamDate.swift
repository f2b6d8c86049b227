import FSRS
import Foundation

/// Setting an exam date from the home screen (`x`): the date is typed on
/// the home screen, the executable checks and stores it (it knows the
/// clock's time zone and the store), and the trainer takes the new plan.
extension Trainer {
    /// The longest text a date takes, `YYYY-MM-DD`.
    static let examDateLength = 10

    /// A key while the exam date is typed: digits and `-` are the date,
    /// Backspace takes one back, Enter asks to set it, Esc gives up.
    static func typeExamDate(_ s: inout TrainerState, _ action: TrainerAction, effects: inout [TrainerEffect]) {
        guard var text = s.home.examEntry else { return }
        switch action {
        case .type(let ch):
            if (ch.isASCII && ch.isNumber) || ch == "-", text.count < examDateLength { text.append(ch) }
            s.home.examEntry = text
        case .deleteBackward:
            if !text.isEmpty { text.removeLast() }
            s.home.examEntry = text
        case .back:
            s.home.examEntry = nil
        case .reveal, .start, .acceptRating:
            s.home.examEntry = nil
            let decks = selectedDecks(s).map { Array($0).sorted() }
            effects.append(.setExam(date: text, deckFiles: decks))
        default:
            break
        }
    }

    /// Takes the plan of an exam date just stored, or says why it was not.
    static func applyExam(_ s: inout TrainerState, _ update: ExamUpdate, now: Date) {
        switch update {
        case .refused(let text):
            s.notice = .exam(.refused(text))
        case .set(let date, let outlooks, let examDays, let newPerDay):
            s.exams = outlooks
            s.limits.newPerDay = newPerDay
            if let current = s.scheduler as? ExamScheduler {
                let scheduler = ExamScheduler(base: current.base, examDays: examDays, target: current.rule.target)
                s.scheduler = scheduler
                s.catalog.progress = scheduler.adjusted(s.catalog.progress, at: now)
            }
            s.notice = .exam(.set(date))
        }
    }
}

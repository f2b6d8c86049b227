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
        case .set(let date, let outlooks, let examDays, let newPerDay, let introduced):
            s.exams = outlooks
            s.introducedToday = introduced
            s.limits.newPerDay = newPerDay
            s.limits.pacedByExams = !outlooks.isEmpty
            if let current = s.scheduler as? ExamScheduler {
                let scheduler = ExamScheduler(base: current.base, examDays: examDays, target: current.rule.target)
                s.scheduler = scheduler
                scheduler.adjust(&s.catalog.progress, at: now)
            }
            s.notice = .exam(.set(date))
        }
    }

    /// Recomputes every exam's plan and forecast from the progress as it
    /// stands at `now` (answers given, faces introduced today, the day
    /// itself), for the exams and decks the lines were made for. Pure and
    /// linear in the exams' faces; run when the home screen is shown again,
    /// never per answer. An exam that is past by now drops out.
    static func refreshExams(_ s: inout TrainerState, now: Date) {
        guard !s.exams.isEmpty, let scheduler = s.scheduler as? ExamScheduler else { return }
        var examsByDeck: [String: Exam] = [:]
        for outlook in s.exams {
            for file in outlook.deckFiles { examsByDeck[file] = outlook.exam }
        }
        s.exams = ExamOutlook.make(
            catalog: s.catalog, examsByDeck: examsByDeck, scheduler: scheduler,
            defaultWorkload: s.limits.reviewsPerDay, introducedToday: s.introducedToday, now: now)
    }
}

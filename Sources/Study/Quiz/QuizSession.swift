import FSRS
import Foundation
import KazakhText

/// A quiz in progress, as a pure state machine:
/// `QuizSession.update(state, event) -> (state, [QuizEffect])`.
///
/// Time comes in with the events (`.tick` from the backend's key timeout,
/// and every input carries its time), so a timed quiz can be tested
/// without a clock.
public struct QuizSession: Sendable {
    /// The questions in the order asked.
    public let questions: [QuizQuestion]
    /// How the quiz was made and runs (mode, time limit, seed).
    public let settings: QuizSettings
    /// Checks typed answers.
    public let judge: TypedAnswerJudge
    /// When the first question was shown.
    public let startedAt: Date
    /// The latest time an event carried.
    public private(set) var now: Date
    /// Index of the question on screen (equals `questions.count` once all
    /// have been asked).
    public private(set) var index: Int
    /// When the question on screen was first shown.
    public private(set) var questionShownAt: Date
    /// What the student has typed, picked or ticked so far.
    public private(set) var draft: QuizDraft
    /// Whether the student has shown a Kazakh keyboard layout, in this quiz
    /// or before it (then к for қ is a misspelling, not a keyboard fallback).
    public private(set) var keyboard: KeyboardProfile
    /// Results by question number; unanswered questions have none.
    public private(set) var results: [Int: QuizResult]
    public private(set) var phase: QuizPhase
    /// When the quiz ended (finished, time up or stopped).
    public private(set) var finishedAt: Date?
    /// True after one request to stop: the next one stops the quiz, any
    /// other input carries on. One stray Esc must not end an exam.
    public private(set) var stopRequested = false
    /// The rescheduling policy, when answers teach the scheduler (nil for a
    /// quiz that records nothing): every record then carries its complete
    /// review.
    public private(set) var scheduling: QuizScheduling?
    /// The schedule of each question's card as the quiz knows it: the
    /// store's at the start, then what the quiz's own answers gave.
    public private(set) var schedules: [String: CardSchedule]

    /// `keyboard` is what earlier sessions learnt of the student's keyboard
    /// (the one keyboard rule, kept in the store).
    public init(
        questions: [QuizQuestion], settings: QuizSettings, judge: @escaping TypedAnswerJudge, startedAt: Date,
        keyboard: KeyboardProfile = .unknown,
        scheduling: QuizScheduling? = nil, schedules: [String: CardSchedule] = [:]
    ) {
        self.scheduling = scheduling
        self.schedules = schedules
        self.questions = questions
        self.settings = settings
        self.judge = judge
        self.startedAt = startedAt
        self.now = startedAt
        self.index = 0
        self.questionShownAt = startedAt
        self.draft = QuizDraft()
        self.keyboard = keyboard
        self.results = [:]
        self.phase = questions.isEmpty ? .finished(.completed) : .answering
        self.finishedAt = questions.isEmpty ? startedAt : nil
    }

    /// The question on screen, nil once the quiz has ended.
    public var currentQuestion: QuizQuestion? {
        if case .finished = phase { return nil }
        return questions.indices.contains(index) ? questions[index] : nil
    }

    /// Time left of a timed quiz (never negative); nil when untimed.
    public var remaining: TimeInterval? {
        guard let limit = settings.timeLimit else { return nil }
        return max(0, limit - ((finishedAt ?? now).timeIntervalSince(startedAt)))
    }

    /// Time spent so far, or in total once ended.
    public var elapsed: TimeInterval { (finishedAt ?? now).timeIntervalSince(startedAt) }

    public var isFinished: Bool {
        if case .finished = phase { return true }
        return false
    }

    /// The report of the quiz as it stands (final once `isFinished`).
    public var report: QuizReport { QuizReport(session: self) }

    /// The pure transition function.
    public static func update(_ state: QuizSession, _ event: QuizEvent) -> (QuizSession, [QuizEffect]) {
        var next = state
        let effects = next.apply(event)
        return (next, effects)
    }

    /// Applies `event` in place and returns what the outside world must do.
    public mutating func apply(_ event: QuizEvent) -> [QuizEffect] {
        switch event {
        case .tick(let time):
            advanceClock(to: time)
            return timeUpIfDue()
        case .input(let input, let time):
            advanceClock(to: time)
            let timeUp = timeUpIfDue()
            if !timeUp.isEmpty { return timeUp }
            return handle(input)
        }
    }

    private mutating func advanceClock(to time: Date) {
        // Time never runs backwards inside a quiz, whatever the clock does.
        if time > now { now = time }
    }

    private mutating func timeUpIfDue() -> [QuizEffect] {
        guard !isFinished, let limit = settings.timeLimit, now.timeIntervalSince(startedAt) >= limit else { return [] }
        return finish(.timeUp, at: startedAt.addingTimeInterval(limit))
    }

    private mutating func finish(_ reason: QuizEndReason, at time: Date) -> [QuizEffect] {
        phase = .finished(reason)
        finishedAt = time
        draft = QuizDraft()
        return [.finished]
    }

    private mutating func handle(_ input: QuizInput) -> [QuizEffect] {
        if input == .requestStop, !isFinished {
            if stopRequested { return finish(.stopped, at: now) }
            stopRequested = true
            return []
        }
        stopRequested = false
        switch phase {
        case .answering: return answering(input)
        case .feedback(let result): return feedback(input, result: result)
        case .finished: return finished(input)
        }
    }

    private mutating func answering(_ input: QuizInput) -> [QuizEffect] {
        guard let question = currentQuestion else { return [] }
        switch input {
        case .type(let text):
            if case .typed = question.format { draft.text += text.filter { $0 != "\n" && $0 != "\r" } }
        case .deleteBackward:
            if !draft.text.isEmpty { draft.text.removeLast() }
        case .moveCursor(let delta):
            let count = draft.choiceCount(for: question)
            if count > 0 { draft.cursor = ((draft.cursor + delta) % count + count) % count }
        case .toggle(let i):
            toggle(i, in: question)
        case .toggleAtCursor:
            toggle(draft.cursor, in: question)
        case .reveal:
            if question.needsReveal { draft.revealed = true }
        case .submit:
            return submit(question)
        case .selfGrade(let knew):
            guard case .selfGraded = question.format, draft.revealed else { return [] }
            return answer(question, .selfGraded(knew))
        case .skip:
            return answer(question, .skipped)
        case .quit:
            return finish(.stopped, at: now)
        case .next, .overrule, .studyMistakes, .requestStop:
            break
        }
        return []
    }

    private mutating func toggle(_ i: Int, in question: QuizQuestion) {
        switch question.format {
        case .choice(let choice):
            guard choice.options.indices.contains(i) else { return }
            draft.cursor = i
            if choice.allowsSeveral {
                if !draft.selected.insert(i).inserted { draft.selected.remove(i) }
            } else {
                draft.selected = [i]
            }
        case .open(let open):
            guard draft.revealed, open.keyPoints.indices.contains(i) else { return }
            draft.cursor = i
            if !draft.selected.insert(i).inserted { draft.selected.remove(i) }
        case .typed, .selfGraded:
            break
        }
    }

    private mutating func submit(_ question: QuizQuestion) -> [QuizEffect] {
        switch question.format {
        case .choice:
            guard !draft.selected.isEmpty else { return [] }
            return answer(question, .choices(draft.selected))
        case .typed(let typed):
            // An empty line is not an answer; the skip key is.
            guard !draft.text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
            let text = draft.text
            let effects = answer(question, .typed(QuizGrader.blanks(of: text, count: typed.blanks.count)))
            keyboard = keyboard.updated(afterTyping: text)
            return effects
        case .open:
            guard draft.revealed else {
                draft.revealed = true
                return []
            }
            return answer(question, .keyPoints(draft.selected))
        case .selfGraded:
            if !draft.revealed { draft.revealed = true }
            return []
        }
    }

    private mutating func answer(_ question: QuizQuestion, _ response: QuizResponse) -> [QuizEffect] {
        let result = QuizGrader.grade(
            question, response: response, judge: judge, profile: keyboard, at: now,
            duration: now.timeIntervalSince(questionShownAt))
        results[question.number] = result
        var effects: [QuizEffect] = [recordEffect(question, result, .answer)]
        draft = QuizDraft()
        if settings.mode == .practice {
            phase = .feedback(result)
        } else {
            effects += moveOn()
        }
        return effects
    }

    /// The record of an answer or an "I was right", stamped with the event's
    /// time, with its complete review when the quiz reschedules cards.
    private mutating func recordEffect(
        _ question: QuizQuestion, _ result: QuizResult, _ kind: QuizAnswerRecord.Kind
    ) -> QuizEffect {
        var record = QuizAnswerRecord(question: question, result: result, kind: kind, at: now)
        if var policy = scheduling {
            record.review = policy.review(for: record, current: schedules[question.key])
            if let after = record.review?.after { schedules[question.key] = after }
            scheduling = policy
        }
        return .record(record)
    }

    private mutating func moveOn() -> [QuizEffect] {
        index += 1
        questionShownAt = now
        draft = QuizDraft()
        if index >= questions.count { return finish(.completed, at: now) }
        phase = .answering
        return []
    }

    private mutating func feedback(_ input: QuizInput, result: QuizResult) -> [QuizEffect] {
        switch input {
        case .next, .submit:
            return moveOn()
        case .overrule:
            guard let question = currentQuestion, result.canBeOverruled else { return [] }
            let turned = QuizGrader.overrule(result)
            results[question.number] = turned
            phase = .feedback(turned)
            return [recordEffect(question, turned, .override)]
        case .quit:
            return finish(.stopped, at: now)
        default:
            return []
        }
    }

    private mutating func finished(_ input: QuizInput) -> [QuizEffect] {
        switch input {
        case .overrule(let number):
            guard let result = results[number], result.canBeOverruled,
                let question = questions.first(where: { $0.number == number })
            else { return [] }
            let turned = QuizGrader.overrule(result)
            results[number] = turned
            return [recordEffect(question, turned, .override)]
        case .studyMistakes:
            let keys = report.mistakes.map(\.key)
            return keys.isEmpty ? [] : [.studyMistakes(keys: keys)]
        case .moveCursor(let delta):
            let count = report.mistakes.count
            if count > 0 { draft.cursor = max(0, min(count - 1, draft.cursor + delta)) }
            return []
        case .quit, .next, .submit:
            return [.exit]
        default:
            return []
        }
    }
}

/// What the student has entered for the question on screen.
public struct QuizDraft: Hashable, Sendable {
    /// Typed text (typed questions).
    public var text: String = ""
    /// Picked options, or ticked key points once revealed.
    public var selected: Set<Int> = []
    /// The highlighted option or key point (or mistake in the report).
    public var cursor: Int = 0
    /// Whether the answer of an open or self-graded question is shown.
    public var revealed: Bool = false

    public init() {}

    func choiceCount(for question: QuizQuestion) -> Int {
        switch question.format {
        case .choice(let c): c.options.count
        case .open(let o): revealed ? o.keyPoints.count : 0
        case .typed, .selfGraded: 0
        }
    }
}

extension QuizQuestion {
    /// Open and self-graded questions show their answer before grading.
    public var needsReveal: Bool {
        switch format {
        case .open, .selfGraded: true
        case .choice, .typed: false
        }
    }
}

/// Where the quiz stands.
public enum QuizPhase: Hashable, Sendable {
    /// The current question awaits an answer.
    case answering
    /// Practice mode: the verdict on the current question is shown.
    case feedback(QuizResult)
    /// The report is shown.
    case finished(QuizEndReason)
}

/// Why a quiz ended.
public enum QuizEndReason: String, Hashable, Sendable, Codable {
    /// Every question was answered.
    case completed
    /// The `--time` limit ran out.
    case timeUp = "time-up"
    /// The student stopped early.
    case stopped
}

/// Something that happens to the quiz.
public enum QuizEvent: Hashable, Sendable {
    /// The clock moved (the backend's key timeout); ends a timed quiz.
    case tick(Date)
    /// The student did something, at a time.
    case input(QuizInput, at: Date)
}

/// What the student can do, independent of keys (the key map is the
/// terminal's business).
public enum QuizInput: Hashable, Sendable {
    /// Text typed into the answer line.
    case type(String)
    case deleteBackward
    /// Move the highlight among options, key points or mistakes.
    case moveCursor(Int)
    /// Pick or unpick an option, or tick a key point, by index.
    case toggle(Int)
    case toggleAtCursor
    /// Show the model answer of an open or self-graded question.
    case reveal
    /// Hand in the answer (or reveal, for a question that needs it first).
    case submit
    /// After revealing a self-graded question: whether the student knew it.
    case selfGrade(Bool)
    /// Pass over the question; it counts as not known.
    case skip
    /// Leave the feedback of a practice question.
    case next
    /// "I was right": turn a rejected typed answer, by question number.
    case overrule(Int)
    /// From the report: study the missed cards now.
    case studyMistakes
    /// Stop the quiz (its report is still given), or leave the report.
    case quit
    /// Stop the quiz, asked for twice in a row (the stop key): the first
    /// request only warns.
    case requestStop
}

/// What the outside world must do for the quiz.
public enum QuizEffect: Hashable, Sendable {
    /// Log an answer in the review log (kind "quiz", or "override" for an
    /// "I was right").
    case record(QuizAnswerRecord)
    /// The quiz ended: the report is final (write `--json` now).
    case finished
    /// Start a study session on these progress keys.
    case studyMistakes(keys: [String])
    /// Leave the quiz screen.
    case exit
}

/// An answer to be written to the review log.
public struct QuizAnswerRecord: Hashable, Sendable {
    /// Whether this is the answer itself or the student's "I was right".
    public enum Kind: String, Hashable, Sendable { case answer, override }

    public var question: QuizQuestion
    public var result: QuizResult
    public var kind: Kind
    /// When the event that gave it happened: the answer's time, or the time
    /// the student said "I was right" (never the wall clock at writing).
    public var recordedAt: Date
    /// The complete review to log (rating, schedule before and after), when
    /// the quiz reschedules cards; nil for an unanswered question or a quiz
    /// that records nothing.
    public var review: QuizReview?

    public init(question: QuizQuestion, result: QuizResult, kind: Kind, at time: Date? = nil) {
        self.question = question
        self.result = result
        self.kind = kind
        self.recordedAt = time ?? result.answeredAt
    }

    /// The progress key the answer is logged under.
    public var key: String { question.key }
}

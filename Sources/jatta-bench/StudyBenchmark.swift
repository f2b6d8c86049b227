import DeckFormat
import FSRS
import Foundation
import Study
import TerminalUI

/// `jatta-bench study [DECKS…] [--keys N] [--width W] [--height H] [--exam-days D] [--new-limit N] [--browse N]`:
/// the in-process cost of one key press in the trainer — key mapping, the
/// pure update, rendering the whole view and finding the rows that changed —
/// over a long run of reveal-and-grade presses on real decks. With
/// `--exam-days`, every deck studies for an exam D days ahead: answers go
/// through the exam rule, and the way back home recomputes the plan and
/// forecast. `--new-limit` ends each session after N new faces (default:
/// no limit), so the summary and the way back home are timed too.
/// `--browse N` first times N presses of ↓ and ↑ in turn on the home
/// screen: each draws the deck list with every row's counts.
enum StudyBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        var paths: [String] = []
        var keys = 20_000
        var width = 80
        var height = 24
        var examDays: Int?
        var newLimit = 1_000_000
        var browse = 0
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            func next() -> Int? { i += 1; return i < arguments.count ? Int(arguments[i]) : nil }
            switch a {
            case "--keys": keys = next() ?? keys
            case "--width": width = next() ?? width
            case "--height": height = next() ?? height
            case "--exam-days": examDays = next()
            case "--new-limit": newLimit = next() ?? newLimit
            case "--browse": browse = next() ?? browse
            default: paths.append(a)
            }
            i += 1
        }
        if paths.isEmpty { paths = ["decks"] }
        let library = DeckLibrary.load(paths: paths)
        let decks = library.decks.filter { !$0.cards.isEmpty }
        guard !decks.isEmpty else {
            FileHandle.standardError.write(Data("jatta-bench study: no decks in \(paths)\n".utf8))
            return 1
        }
        guard let scheduler = try? Scheduler(SchedulerConfiguration(dayCounting: .anki(timeZone: .gmt))) else { return 1 }
        let start = Date(timeIntervalSince1970: 1_772_445_600)
        var initial = TrainerState(
            catalog: StudyCatalog(decks: decks),
            scheduler: scheduler, limits: StudyLimits(newPerDay: newLimit, reviewsPerDay: 1_000_000),
            dayEnd: start.addingTimeInterval(18 * 3600), now: start)
        if let examDays {
            let today = scheduler.configuration.dayCounting.dayNumber(of: start)
            guard let date = CalendarDate(dayNumber: today + examDays) else { return 1 }
            let exam = Exam(date: date, paths: [], source: .student(id: 1))
            let byDeck = Dictionary(uniqueKeysWithValues: decks.map { ($0.file, exam) })
            let examScheduler = ExamOutlook.scheduler(base: scheduler, decks: initial.catalog.decks, examsByDeck: byDeck)
            initial.scheduler = examScheduler
            // The plan and forecast, made as the way home remakes them.
            var times: [UInt64] = []
            for _ in 0..<5 {
                let t0 = DispatchTime.now().uptimeNanoseconds
                initial.exams = ExamOutlook.make(
                    catalog: initial.catalog, examsByDeck: byDeck, scheduler: examScheduler, defaultWorkload: 200,
                    introducedToday: [], now: start)
                times.append(DispatchTime.now().uptimeNanoseconds - t0)
            }
            let median = Double(times.sorted()[times.count / 2]) / 1e6
            print(String(format: "exam plan and forecast (ExamOutlook.make): median of 5 %.1f ms", median))
        }
        let size = TerminalSize(width: width, height: height)
        let strings = Strings.kazakh

        // Reveal with Space, then grade with the Kazakh-layout digits in
        // turn; typed faces get a short answer first.
        let grades: [Key] = [.character("і"), .character("ә"), .character("ң"), .character("\"")]
        var state = initial
        var frame = TrainerView.view(state, size: size, strings: strings)
        var samples: [UInt64] = []
        samples.reserveCapacity(keys)
        var clock = start
        var gradeIndex = 0
        if browse > 0 {
            var times: [UInt64] = []
            for press in 0..<browse {
                clock = clock.addingTimeInterval(1)
                let t0 = DispatchTime.now().uptimeNanoseconds
                if let action = KeyMap.action(for: press % 2 == 0 ? .down : .up, in: KeyContext(state)) {
                    state = Trainer.update(state, TrainerEvent(action, at: clock)).0
                }
                frame = TrainerView.view(state, size: size, strings: strings)
                times.append(DispatchTime.now().uptimeNanoseconds - t0)
            }
            times.sort()
            print(
                String(
                    format: "home browsing: %d keys (↓↑), median %.1f µs, max %.1f µs", browse,
                    Double(times[times.count / 2]) / 1000, Double(times[times.count - 1]) / 1000))
        }
        var changedRows = 0
        var contexts: [String: Int] = [:]
        var byContext: [String: [UInt64]] = [:]
        for _ in 0..<keys {
            let key: Key
            let contextName = "\(KeyContext(state))"
            contexts[contextName, default: 0] += 1
            switch KeyContext(state) {
            case .home, .summary: key = .enter
            case .question: key = .space
            case .typing: key = (state.session?.current?.typed.isEmpty ?? true) ? .character("қ") : .enter
            case .choosing: key = (state.session?.current?.picked.isEmpty ?? true) ? .character("1") : .enter
            case .grading, .keyPoints:
                key = grades[gradeIndex % grades.count]
                gradeIndex += 1
            case .help, .searchTyping, .searchResults, .cardInfo, .customMenu, .statistics, .examDate: key = .escape
            }
            clock = clock.addingTimeInterval(7)
            let t0 = DispatchTime.now().uptimeNanoseconds
            if let action = KeyMap.action(for: key, in: KeyContext(state)) {
                state = Trainer.update(state, TrainerEvent(action, at: clock)).0
            }
            let next = TrainerView.view(state, size: size, strings: strings)
            changedRows += next.changedRows(since: frame).count
            frame = next
            let t1 = DispatchTime.now().uptimeNanoseconds
            samples.append(t1 - t0)
            byContext[contextName, default: []].append(t1 - t0)
            if case .home = state.mode, state.notice == .nothingToStudy { state = initial }
        }
        samples.sort()
        func us(_ q: Double) -> String {
            let v = Double(samples[min(samples.count - 1, Int(Double(samples.count) * q))]) / 1000
            return String(format: "%.1f", v)
        }
        let cards = decks.reduce(0) { $0 + $1.cards.count }
        let examNote = examDays.map { ", exam in \($0) days" } ?? ""
        print("study redraw: \(keys) keys, \(decks.count) decks, \(cards) cards, \(width)x\(height)\(examNote)")
        print("  key → update → view → diff, µs: median \(us(0.5))  p95 \(us(0.95))  p99 \(us(0.99))  max \(us(1.0))")
        print("  rows changed per key (mean): \(String(format: "%.1f", Double(changedRows) / Double(keys)))")
 for (name, values) in byContext.sorted(by: { $0.key < $1.key }) {
            let sorted = values.sorted()
            let p99 = Double(sorted[min(sorted.count - 1, sorted.count * 99 / 100)]) / 1000
            let median = Double(sorted[sorted.count / 2]) / 1000
            print(String(format: "  from %@: %d keys, median %.1f µs, p99 %.1f µs", name, sorted.count, median, p99))
        }
        print("  keys by screen: " + contexts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        return 0
    }
}

import ArgumentParser
import DeckFormat
import Foundation
import ReviewStore
import Study
import TerminalUI

extension DebugCommand {
    /// Times opening the trainer's statistics screen, as the full-screen
    /// loop does it on `s`, without a terminal: the key read into an action,
    /// the action and its store effect carried out by the real loop code,
    /// the pages fitted to the size, and the frame drawn by `TrainerView`.
    /// Only handing the frame to curses is left out. The session is set up
    /// before the clock starts, as `jatta study` sets it up; between runs
    /// the screen is closed again (back home). scripts/bench-stats.sh
    /// runs it.
    struct StatisticsScreenTime: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "statistics-screen-time",
            abstract: "Time opening the statistics screen from the home screen, without a terminal.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("Deck files or folders.", valueName: "deck|dir"))
        var paths: [String] = []

        @Option(help: "How many times to open the screen.")
        var runs = 5

        @Option(help: "Terminal columns.")
        var columns = 80

        @Option(help: "Terminal lines.")
        var lines = 24

        func validate() throws {
            if runs < 1 || columns < 1 || lines < 1 {
                throw ValidationError("--runs, --columns and --lines must be at least 1.")
            }
        }

        func run() throws {
            let environment = ProcessEnvironment.variables
            let library = SessionHost.loadDecks(paths: SessionHost.deckPaths(paths))
            let decks = library.decks.filter { !$0.cards.isEmpty }
            let store = try database.openStore()
            let now = Date()
            let zone = LocalTimeZone.current
            let day = StudySetup.day(of: now, timeZone: zone)
            var snapshot = try StudySetup.snapshot(
                store: store, decks: decks, dayStart: day.start, now: now, contentHashes: library.contentHashes)
            let exams = try ExamSetup.make(
                decks: decks, progress: &snapshot, studentExams: try ExamSetup.studentExams(store: store), store: store,
                base: try StudySetup.scheduler(timeZone: zone, store: store),
                defaultWorkload: StudyLimits().reviewsPerDay, now: now)
            var state = TrainerState(
                catalog: StudyCatalog(decks: decks, progress: snapshot),
                scheduler: exams.scheduler, dayEnd: day.end, now: now)
            state.exams = exams.outlooks
            let performer = EffectPerformer(store: store, sessionID: UUID().uuidString, decks: decks)
            // As the full-screen loop does after its first frame.
            try performer.registerDecks(at: now)
            var loop = Loop(state: state, performer: performer, environment: environment)
            let size = TerminalSize(width: columns, height: lines)
            var drawn = 0
            var wall: [Double] = []
            var cpu: [Double] = []
            for _ in 0..<runs {
                let started = (wall: Self.wallMilliseconds(), cpu: Self.cpuMilliseconds())
                let screen = try loop.press(.character("s"), size: size)
                // The frame must be used, or the optimiser could drop drawing it.
                drawn += screen.cells.count
                wall.append(Self.wallMilliseconds() - started.wall)
                cpu.append(Self.cpuMilliseconds() - started.cpu)
                guard case .statistics(let shown) = loop.state.mode, shown.figures != nil else {
                    throw ValidationError("the statistics screen did not open")
                }
                // Home again, without drawing the home screen (not timed).
                _ = try loop.apply(.back) { $0() }
            }
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            Console.line(
                String(
                    format: "statistics screen %dx%d: median %.1f ms wall, %.1f ms CPU of %d (first %.1f ms wall; %d cells)",
                    columns, lines, median(wall), median(cpu), runs, wall[0], drawn / runs))
        }

        /// The loop the trainer runs, with nothing to read decks again.
        struct Loop: TrainerLoop {
            var state: TrainerState
            let performer: EffectPerformer
            let reloadDecks: () -> DeckLibrary.Result = { DeckLibrary.Result(decks: [], diagnostics: [], files: []) }
            let environment: [String: String]
        }

        static func wallMilliseconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_MONOTONIC, &time)
            return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
        }

        static func cpuMilliseconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
        }
    }
}

import Testing

@testable import jatta

/// The colour rule of check, study and quiz: --color, NO_COLOR, TERM and
/// whether output is a terminal.
@Suite struct ColorOptionsTests {
    @Test func autoColoursOnlyATerminal() {
        #expect(ColorOptions.useColor(.auto, environment: ["TERM": "xterm"], isTerminal: true))
        #expect(!ColorOptions.useColor(.auto, environment: ["TERM": "xterm"], isTerminal: false))
    }

    @Test func aNonEmptyNoColorTurnsAutoOff() {
        #expect(!ColorOptions.useColor(.auto, environment: ["NO_COLOR": "1"], isTerminal: true))
        #expect(!ColorOptions.useColor(.auto, environment: ["NO_COLOR": "0"], isTerminal: true))
        // no-color.org: "when present and not an empty string".
        #expect(ColorOptions.useColor(.auto, environment: ["NO_COLOR": ""], isTerminal: true))
    }

    @Test func aDumbTerminalGetsNoColour() {
        #expect(!ColorOptions.useColor(.auto, environment: ["TERM": "dumb"], isTerminal: true))
    }

    @Test func theCommandLineOutranksTheEnvironment() {
        #expect(ColorOptions.useColor(.always, environment: ["NO_COLOR": "1", "TERM": "dumb"], isTerminal: false))
        #expect(!ColorOptions.useColor(.never, environment: ["TERM": "xterm"], isTerminal: true))
    }

    @Test func theOptionParses() throws {
        #expect(try ColorOptions.parse(["--color", "never"]).choice == .never)
        #expect(try ColorOptions.parse([]).choice == .auto)
        #expect(throws: (any Error).self) { try ColorOptions.parse(["--color", "sometimes"]) }
    }
}

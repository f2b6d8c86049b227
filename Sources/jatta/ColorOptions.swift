import ArgumentParser

/// When output may be coloured: `--color auto|always|never`.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    /// Colour when writing to a terminal that can show it and `NO_COLOR`
    /// is not set (https://no-color.org).
    case auto
    /// Colour even into a pipe or file, and despite `NO_COLOR`: the user
    /// asked for it on the command line, which outranks the environment.
    case always
    /// Never colour.
    case never
}

/// `--color`, shared by the commands that colour their output (check,
/// study, quiz); the rule itself is `useColor`, so they all agree.
struct ColorOptions: ParsableArguments {
    /// The user's choice; `auto` unless given.
    @Option(
        name: .customLong("color"),
        help: ArgumentHelp("Colour the output: auto (in a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var choice: ColorChoice = .auto

    /// Whether to colour output that goes to a terminal when `isTerminal`.
    func useColor(environment: [String: String], isTerminal: Bool) -> Bool {
        Self.useColor(choice, environment: environment, isTerminal: isTerminal)
    }

    /// The rule, pure for tests. `NO_COLOR` counts only when non-empty, as
    /// its convention says; `TERM=dumb` cannot show colour at all.
    static func useColor(_ choice: ColorChoice, environment: [String: String], isTerminal: Bool) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            return isTerminal && !noColor && environment["TERM"] != "dumb"
        }
    }
}

import Foundation

/// The command line that opens a deck file at a line in the student's
/// editor: `$VISUAL`, else `$EDITOR`, else `vi`, split into words as a shell
/// would split them (quotes and backslashes; nothing is expanded), then
/// `+LINE` for the editors known to take it, then the file.
///
/// The file is passed as an absolute path, so that no editor can read it as
/// an option (`-c …`) or a command (`+!…`), whatever the deck is called; and
/// no shell ever sees it.
struct EditorCommand: Equatable {
    /// The program and its arguments, ready for `execvp`.
    let arguments: [String]

    /// The editor the environment names (`VISUAL`, `EDITOR`, else `vi`), as
    /// its words; nil when its quotes are not closed.
    static func words(environment: [String: String]) -> [String]? {
        let chosen = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return split(chosen ?? "vi")
    }

    /// The command opening `file` at `line`, given the editor's words.
    init(editor: [String], file: String, line: Int, currentDirectory: String) {
        var arguments = editor
        if let program = editor.first, Self.takesLineArgument(program) {
            arguments.append("+\(max(1, line))")
        }
        arguments.append(Self.absolute(file, currentDirectory: currentDirectory))
        self.arguments = arguments
    }

    /// Editors whose `+N` argument means "start at line N".
    static let lineArgumentEditors: Set<String> = [
        "vi", "vim", "vim.tiny", "vim.basic", "vim.nox", "vim.gtk3", "nvim", "gvim", "view", "ex", "nvi", "elvis",
        "nano", "rnano", "pico", "emacs", "emacsclient", "mg", "jove", "joe", "jmacs", "jstar", "jpico", "micro",
        "kak", "ne", "mcedit", "gedit", "le", "zile", "jed",
    ]

    /// Whether `program` (a name or a path) takes `+LINE`.
    static func takesLineArgument(_ program: String) -> Bool {
        let name = program.split(separator: "/").last.map(String.init) ?? program
        return lineArgumentEditors.contains(name)
    }

    /// `path` from the root, so it starts with "/" and cannot pass for an
    /// option or an editor command.
    static func absolute(_ path: String, currentDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    /// Splits a command into words as a POSIX shell does for a simple
    /// command without expansions: blanks separate words; '…' keeps all
    /// inside; "…" keeps all but \" \\ \$ \` escapes; a backslash outside
    /// quotes keeps the next character. Nil when a quote is left open or
    /// there is no word.
    static func split(_ command: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var inWord = false
        var iterator = command.makeIterator()
        while let ch = iterator.next() {
            switch ch {
            case " ", "\t", "\n":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "'":
                inWord = true
                var closed = false
                while let inner = iterator.next() {
                    if inner == "'" { closed = true; break }
                    word.append(inner)
                }
                if !closed { return nil }
            case "\"":
                inWord = true
                var closed = false
                while let inner = iterator.next() {
                    if inner == "\"" { closed = true; break }
                    if inner == "\\" {
                        guard let escaped = iterator.next() else { return nil }
                        if !"\"\\$`".contains(escaped) { word.append("\\") }
                        if escaped != "\n" { word.append(escaped) }
                        continue
                    }
                    word.append(inner)
                }
                if !closed { return nil }
            case "\\":
                inWord = true
                if let escaped = iterator.next(), escaped != "\n" { word.append(escaped) }
            default:
                inWord = true
                word.append(ch)
            }
        }
        if inWord { words.append(word) }
        return words.isEmpty ? nil : words
    }
}

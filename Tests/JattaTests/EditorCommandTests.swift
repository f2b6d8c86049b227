import Testing

@testable import jatta

/// The editor's command line: split as a shell splits it, never through a
/// shell, `+LINE` only for editors that take it, and the file as an absolute
/// path no editor can read as an option or a command.
@Suite struct EditorCommandTests {
    @Test func wordsAreSplitAsAShellSplitsThem() {
        #expect(EditorCommand.split("vim") == ["vim"])
        #expect(EditorCommand.split("  code   -w ") == ["code", "-w"])
        #expect(EditorCommand.split("'/opt/my editor/ed' --flag \"two words\"") == ["/opt/my editor/ed", "--flag", "two words"])
        #expect(EditorCommand.split(#"emacs\ client -nw"#) == ["emacs client", "-nw"])
        #expect(EditorCommand.split(#""a \"q\" \$HOME""#) == [#"a "q" $HOME"#])
        #expect(EditorCommand.split("vim 'unclosed") == nil)
        #expect(EditorCommand.split("   ") == nil)
        // Nothing is expanded: no variables, no globs, no command substitution.
        #expect(EditorCommand.split("vi $(touch x) *") == ["vi", "$(touch", "x)", "*"])
    }

    @Test func visualWinsThenEditorThenVi() {
        #expect(EditorCommand.words(environment: ["VISUAL": "nano", "EDITOR": "vim"]) == ["nano"])
        #expect(EditorCommand.words(environment: ["VISUAL": "", "EDITOR": "vim -u NONE"]) == ["vim", "-u", "NONE"])
        #expect(EditorCommand.words(environment: [:]) == ["vi"])
    }

    @Test func aDeckNamedLikeAVimCommandIsOnlyAFile() {
        let command = EditorCommand(editor: ["vim"], file: "+!touch x;.deck", line: 3, currentDirectory: "/home/s/decks")
        #expect(command.arguments == ["vim", "+3", "/home/s/decks/+!touch x;.deck"])
        let dashed = EditorCommand(editor: ["nano"], file: "-c rm.deck", line: 0, currentDirectory: "/d")
        #expect(dashed.arguments == ["nano", "+1", "/d/-c rm.deck"])
    }

    @Test func lineNumbersOnlyForEditorsThatTakeThem() {
        let code = EditorCommand(editor: ["code", "-w"], file: "/d/a.deck", line: 7, currentDirectory: "/")
        #expect(code.arguments == ["code", "-w", "/d/a.deck"])
        let tiny = EditorCommand(editor: ["/usr/bin/vim.tiny"], file: "a.deck", line: 7, currentDirectory: "/d")
        #expect(tiny.arguments == ["/usr/bin/vim.tiny", "+7", "/d/a.deck"])
    }
}

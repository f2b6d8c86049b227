import Foundation
import PackagePlugin

/// Bakes the git commit the executable is built from into it, so that
/// `jatta --version` can say which source a binary (or a .deb) came from.
///
/// A prebuild command runs on every build; it rewrites the generated file
/// only when the commit changed, so a build with nothing new stays a no-op.
/// Outside a git checkout (a source tarball) the commit is nil and
/// `--version` says so.
@main
struct BuildStamp: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        let file = folder.appendingPathComponent("BuildCommit.swift")
        return [
            .prebuildCommand(
                displayName: "Stamping the git commit into \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "stamp", context.package.directoryURL.path, folder.path, file.path],
                outputFilesDirectory: folder)
        ]
    }

    /// `$1` the package, `$2` the output folder, `$3` the Swift file. A
    /// commit with uncommitted changes on top is marked "-modified": such a
    /// binary is not what the commit alone builds.
    static let script = #"""
        set -u
        commit=
        if command -v git >/dev/null 2>&1 && git -C "$1" rev-parse --git-dir >/dev/null 2>&1; then
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null || true)
            if [ -n "$commit" ] && ! git -C "$1" diff --quiet HEAD -- 2>/dev/null; then
                commit="$commit-modified"
            fi
        fi
        if [ -n "$commit" ]; then value="\"$commit\""; else value=nil; fi
        mkdir -p "$2"
        tmp="$3.tmp.$$"
        printf '%s\n' \
            '// Generated at build time by the BuildStamp plugin; not in git.' \
            'enum BuildCommit {' \
            '    /// The git commit this binary was built from; nil outside a git checkout.' \
            "    static let value: String? = $value" \
            '}' >"$tmp"
        if cmp -s "$tmp" "$3"; then rm -f "$tmp"; else mv "$tmp" "$3"; fi
        """#
}

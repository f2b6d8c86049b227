import Foundation
import PackagePlugin

/// Bakes the git commit the executable is built from into it, so that
/// `jatta --version` can say which source a binary (or a .deb) came from.
///
/// A build command (not a prebuild one: SwiftPM skips those when it reuses
/// a cached build plan) whose inputs are git's HEAD, index and refs and
/// every source file of the package, so a commit, a branch switch or an
/// edit runs it again. It rewrites the generated file only when the commit
/// changed, so the executable is recompiled only then. Outside a git
/// checkout (a source tarball) the commit is nil and `--version` says so.
@main
struct BuildStamp: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let package = context.package.directoryURL.path
        let file = context.pluginWorkDirectoryURL.appendingPathComponent("Generated/BuildCommit.swift")
        let sources = context.package.targets.compactMap { $0 as? SourceModuleTarget }
            .flatMap { $0.sourceFiles.map(\.url) }
        return [
            .buildCommand(
                displayName: "Stamping the git commit into \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "stamp", package, file.deletingLastPathComponent().path, file.path],
                inputFiles: Self.gitFiles(package: package) + sources,
                outputFiles: [file])
        ]
    }

    /// The files git changes on a commit, a checkout or `git add` (those
    /// that exist; none outside a git checkout).
    static func gitFiles(package: String) -> [URL] {
        var names = ["HEAD", "index", "packed-refs"]
        if let branch = git(["symbolic-ref", "-q", "HEAD"], in: package) { names.append(branch) }
        return names.compactMap { git(["rev-parse", "--path-format=absolute", "--git-path", $0], in: package) }
            .filter { FileManager.default.fileExists(atPath: $0) }
            .map { URL(fileURLWithPath: $0) }
    }

    /// One line of git's output, nil when git is missing or fails.
    static func git(_ arguments: [String], in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : line
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

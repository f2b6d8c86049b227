import Testing

@testable import jatta

/// What `jatta --version` says with and without a baked-in commit.
@Suite struct JattaVersionTests {
    @Test func theCommitIsNamed() {
        #expect(JattaVersion.description(commit: "0123456789ab") == "jatta \(JattaVersion.current) (commit 0123456789ab)")
    }

    @Test func aBuildOutsideGitSaysSo() {
        #expect(JattaVersion.description(commit: nil).hasSuffix("(commit unknown: built outside a git checkout)"))
    }

    @Test func theRootCommandPrintsIt() {
        #expect(Jatta.configuration.version == JattaVersion.description(commit: BuildCommit.value))
    }
}

/// What `jatta --version` prints: the release and the git commit the binary
/// was built from (baked in by the BuildStamp plugin).
enum JattaVersion {
    /// The release number.
    static let current = "0.26.0"

    /// "jatta 0.9.0 (commit 0123abcd4567)", or a note that the commit is
    /// unknown when the binary was built outside a git checkout.
    static func description(commit: String?) -> String {
        if let commit { return "jatta \(current) (commit \(commit))" }
        return "jatta \(current) (commit unknown: built outside a git checkout)"
    }
}

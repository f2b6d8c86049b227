/// An open question's model answer and key points in a GIFT essay's
/// general feedback: the model answer, then one `- ` line per key point;
/// a key point's further lines are indented by two spaces.
enum OpenFeedback {
    static func write(modelAnswer: String, keyPoints: [String]) -> String {
        var lines = [modelAnswer]
        for point in keyPoints {
            for (i, line) in point.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                lines.append((i == 0 ? "- " : "  ") + line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The model answer and the key points. Feedback with no `- ` line
    /// (as Moodle authors write it) is the model answer, and each of its
    /// non-empty lines a key point.
    static func read(_ feedback: String) -> (modelAnswer: String, keyPoints: [String]) {
        let lines = feedback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.firstIndex(where: { $0.hasPrefix("- ") || $0 == "-" }) else {
            return (feedback, lines.map { $0.trimmedSpaces() }.filter { !$0.isEmpty })
        }
        var points: [String] = []
        for line in lines[first...] {
            if line.hasPrefix("- ") || line == "-" {
                points.append(String(line.dropFirst(2)))
            } else if let last = points.indices.last {
                points[last] += "\n" + (line.hasPrefix("  ") ? String(line.dropFirst(2)) : line)
            }
        }
        let model = lines[..<first].joined(separator: "\n").trimmedSpaces()
        return (model.isEmpty ? points.joined(separator: "\n") : model, points)
    }
}

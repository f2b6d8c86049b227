import Foundation

/// The path of the jatta binary that is running.
///
/// Not `Bundle.main.executablePath`: making the main bundle lists the
/// binary's folder (twice), every entry of it, and a binary installed in
/// /usr/bin or /tmp beside thousands of files spent some 15 ms of every
/// start there. The kernel's link names the file at once.
enum RunningExecutable {
    static let path: String = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        if count > 0 {
            return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let named = CommandLine.arguments.first ?? "jatta"
        return named.hasPrefix("/") ? named : FileManager.default.currentDirectoryPath + "/" + named
    }()
}

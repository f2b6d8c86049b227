import Foundation
import Testing

@testable import jatta

/// Plain mode's input: lines as `readLine` gives them, and why input ended —
/// the student's end (a closed pipe) or a lost terminal (exit 129).
@Suite struct InputLinesTests {
    @Test func linesFromAPipeEndWithTheStudentsEnd() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let text = Array("one\r\nдва\n\nlast".utf8)
        #expect(write(fds[1], text, text.count) == text.count)
        close(fds[1])
        let input = InputLines(descriptor: fds[0])
        defer { close(fds[0]) }
        #expect(input.next() == "one")
        #expect(input.next() == "два")
        #expect(input.next() == "")
        #expect(input.next() == "last")
        #expect(input.next() == nil)
        #expect(input.end == .endOfInput)
        #expect(input.exitStatus == nil)
    }

    @Test func aClosedTerminalIsAHangUp() {
        // A new pty (Glibc's posix_openpt family is not visible from Swift):
        // unlock it and ask its number, as posix_openpt/unlockpt/ptsname do.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        #expect(master >= 0)
        var unlock: Int32 = 0
        #expect(ioctl(master, UInt(0x4004_5431), &unlock) == 0)  // TIOCSPTLCK
        var number: UInt32 = 0
        #expect(ioctl(master, UInt(0x8004_5430), &number) == 0)  // TIOCGPTN
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        #expect(slave >= 0)
        defer { close(slave) }
        let input = InputLines(descriptor: slave)
        close(master)
        let started = Date()
        #expect(input.next() == nil)
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(input.end == InputLines.End.hangUp)
        #expect(input.exitStatus == 129)
    }
}

import Testing

@testable import Study

/// Minutes a day turned into answers a day at the student's pace.
@Suite struct ExamWorkloadTests {
    @Test func minutesAtTheStudentsPace() {
        // 30 minutes at 12 s an answer: 1,800 s / 12 s.
        #expect(ExamWorkload.answers(minutes: 30, secondsPerAnswer: 12) == 150)
        // A slow pace rounds down: 10 minutes at 7 s is 85.7 answers.
        #expect(ExamWorkload.answers(minutes: 10, secondsPerAnswer: 7) == 85)
    }

    @Test func withoutAPaceTheDefaultCounts() {
        #expect(ExamWorkload.answers(minutes: 20, secondsPerAnswer: nil) == 20 * 60 / 10)
        #expect(ExamWorkload.answers(minutes: 20, secondsPerAnswer: 0) == 120)
        #expect(ExamWorkload.answers(minutes: 20, secondsPerAnswer: .nan) == 120)
    }

    @Test func neverLessThanOneAnswer() {
        #expect(ExamWorkload.answers(minutes: 1, secondsPerAnswer: 600) == 1)
    }
}

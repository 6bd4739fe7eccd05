import Testing
@testable import KPIEngine

@Suite struct ChangeCoalescerTests {
    private let start = ContinuousClock.now
    private func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }
    private func coalescer() -> ChangeCoalescer {
        ChangeCoalescer(quietPeriod: .milliseconds(20), maxDelay: .milliseconds(50))
    }

    @Test func singleEventIsDueAfterTheQuietPeriod() {
        var subject = coalescer()
        #expect(subject.deadline == nil)
        subject.add(ChangeBatch(paths: ["a.csv"]), at: at(0))
        #expect(subject.deadline == at(20))
        #expect(subject.takeIfDue(at: at(19)) == nil)
        #expect(subject.takeIfDue(at: at(20)) == ChangeBatch(paths: ["a.csv"]))
        #expect(subject.deadline == nil)
    }

    @Test func steadyEventsAreDueAtTheMaximumDelay() {
        var subject = coalescer()
        var delivered: [ChangeBatch] = []
        // An event every 5 ms for 200 ms never leaves 20 ms of quiet.
        for millisecond in stride(from: 0, through: 200, by: 5) {
            if let batch = subject.takeIfDue(at: at(millisecond)) { delivered.append(batch) }
            subject.add(ChangeBatch(paths: ["burst.csv"]), at: at(millisecond))
        }
        #expect(delivered.count == 4)
        #expect(delivered.allSatisfy { $0 == ChangeBatch(paths: ["burst.csv"]) })
    }

    @Test func batchesMergePathsAndRescanFlag() {
        var subject = coalescer()
        subject.add(ChangeBatch(paths: ["a.csv"]), at: at(0))
        subject.add(ChangeBatch(paths: ["b.csv"], rescanAll: true), at: at(1))
        subject.add(ChangeBatch(), at: at(2))
        #expect(subject.deadline == at(21))
        #expect(subject.takeIfDue(at: at(30)) == ChangeBatch(paths: ["a.csv", "b.csv"], rescanAll: true))
    }
}

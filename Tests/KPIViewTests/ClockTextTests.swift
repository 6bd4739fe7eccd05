import Testing
@testable import KPIView

/// The dashboard loop redraws an idle screen only when `clockText` changes, so the clock text
/// must change exactly when the rendered screen does.
@Suite struct ClockTextTests {
    @Test func theScreenChangesWithTheTimeOnlyWhenTheClockTextDoes() {
        let model = SampleData.model()
        // SampleData's data was updated 3 s before `now`; most platforms' newest rows are 1 h
        // old: from +3,599 s to +3,600 s only their age changes ("1h ago" to "2h ago").
        let instants = [0, 400, 999, 1000, 1500, 58_000, 62_000, 90_000, 3_599_000, 3_600_000, 90_000_000]
            .map { SampleData.now + $0 }
        for (earlier, later) in zip(instants, instants.dropFirst()) {
            let sameText = model.clockText(now: earlier) == model.clockText(now: later)
            let sameScreen = model.render(width: 120, height: 40, now: earlier)
                == model.render(width: 120, height: 40, now: later)
            #expect(sameText == sameScreen, "\(model.clockText(now: earlier)) -> \(model.clockText(now: later))")
        }
        let text = model.clockText(now: SampleData.now)
        #expect(text.hasPrefix("updated 3s ago; "), "\(text)")
        #expect(text.contains("3d ago stale"), "\(text)")
    }
}

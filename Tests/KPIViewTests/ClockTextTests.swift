import Testing
import KPIEngine
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

    /// The platform list's `newest ticket` column ages too (instagram's ticket is 20 minutes
    /// old at `now`).
    @Test func ticketAgesAreInTheClockText() {
        // Without "updated 3s ago", which changes every second, only the ages change.
        var model = CoverageSample.model()
        model.update(snapshot: CoverageSample.snapshot(), status: EngineStatus(dataDirectory: "~/kpi-data"))
        let instants = [0, 30_000, 59_000, 60_000, 61_000, 120_000].map { CoverageSample.now + $0 }
        for (earlier, later) in zip(instants, instants.dropFirst()) {
            let sameText = model.clockText(now: earlier) == model.clockText(now: later)
            let sameScreen = model.render(width: 120, height: 40, now: earlier)
                == model.render(width: 120, height: 40, now: later)
            #expect(sameText == sameScreen, "\(model.clockText(now: earlier)) -> \(model.clockText(now: later))")
        }
        #expect(model.clockText(now: CoverageSample.now).contains("ticket 20m ago"))
    }
}

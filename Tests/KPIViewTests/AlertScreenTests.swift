import KPIEngine
import SnapshotTesting
import Testing
@testable import KPIView

/// Breached alerts on the dashboard: the bell rings once per breach, the KPI's row is marked
/// and the status line names the alert.
@Suite struct AlertScreenTests {
    /// The sample snapshot (first response p90 of all platforms: 1h 5m) with alerts: that p90
    /// above `p90Limit`, and CTR on x below 100% (always breached) when `ctrAlert` is set.
    static func snapshot(p90Limit: Double, ctrAlert: Bool = false) -> KPISnapshot {
        var snapshot = SampleData.snapshot()
        var rules = [AlertRule(kpi: .firstResponseP90Seconds, bound: .above, limit: p90Limit)]
        if ctrAlert { rules.append(AlertRule(kpi: .ctr, platform: "x", bound: .below, limit: 1)) }
        snapshot.alerts = rules.map { AlertState(rule: $0, snapshot: snapshot) }
        return snapshot
    }

    static var p90: Double { SampleData.snapshot().value(.firstResponseP90Seconds).value! }

    @Test func theBellRingsOncePerBreach() {
        var model = DashboardModel(themes: [], options: RenderOptions(), dataDirectory: "d", bell: true)
        /// Shows `snapshot` (nil: still loading) and asks whether the bell rings.
        func rings(_ snapshot: KPISnapshot?) -> Bool {
            model.update(snapshot: snapshot, status: SampleData.status)
            return model.takeEffects().contains(.bell)
        }
        let breached = Self.snapshot(p90Limit: Self.p90 - 1)
        let clear = Self.snapshot(p90Limit: Self.p90 + 1)
        #expect(!rings(nil))
        #expect(rings(breached))
        #expect(!rings(breached), "the same breach rang twice")
        #expect(rings(Self.snapshot(p90Limit: Self.p90 - 1, ctrAlert: true)), "a second alert breaching did not ring")
        #expect(!rings(breached), "an alert clearing rang")
        #expect(!rings(clear))
        #expect(rings(breached), "a breach that cleared and came back did not ring")
    }

    @Test func theBellStaysSilentWhenItIsOff() {
        var model = DashboardModel(themes: [], options: RenderOptions(), dataDirectory: "d")
        model.update(snapshot: Self.snapshot(p90Limit: 0), status: SampleData.status)
        let rang = model.takeEffects().contains(.bell)
        #expect(!rang)
    }

    static func model(_ snapshot: KPISnapshot, width: Int, height: Int) -> DashboardModel {
        var model = SampleData.model(width: width, height: height)
        model.update(snapshot: snapshot, status: SampleData.status)
        return model
    }

    @Test func aBreachedKPIIsMarkedInTheBadColourAndNamedInTheStatusLine() throws {
        let model = Self.model(Self.snapshot(p90Limit: 3600, ctrAlert: true), width: 120, height: 40)
        let buffer = model.render(width: 120, height: 40, now: SampleData.now)
        let lines = buffer.text.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(lines.firstIndex { $0.contains("! First response p90") })
        let column = try #require((0..<buffer.width).first { buffer[$0, row].symbol == "!" })
        let bad = ThemeLoader.builtInDefault[.bad]
        #expect(buffer[column, row].style.foreground == bad)
        let status = String(lines[39])
        #expect(status.hasPrefix("ALERT: First response p90 "), "status line: \(status)")
        #expect(status.contains("1h 5m > 1h 0m (+1 more)"))
        #expect(buffer[0, 39].style.foreground == bad)
        // The CTR alert is for x only: the all-platforms overview does not mark CTR.
        #expect(!buffer.text.contains("! CTR"))
    }

    @Test func screens() {
        let snapshot = Self.snapshot(p90Limit: 3600, ctrAlert: true)
        for (width, height) in [(120, 40), (80, 24)] {
            let model = Self.model(snapshot, width: width, height: height)
            assertSnapshot(of: model.render(width: width, height: height, now: SampleData.now).text, as: .lines,
                           named: "\(width)x\(height)")
        }
        // x's own page marks its CTR.
        var model = Self.model(snapshot, width: 120, height: 40)
        for key: Key in [.character("5"), .end, .enter] { _ = model.handle(key) }
        assertSnapshot(of: model.render(width: 120, height: 40, now: SampleData.now).text, as: .lines, named: "platformX")
    }
}

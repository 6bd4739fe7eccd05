import Foundation
import KPIEngine
import XCTest

/// Signals are process-wide: these tests raise real ones at the test process. They are
/// XCTest cases because `swift test` runs XCTest in a process of its own, serially, apart
/// from the Swift Testing suites (which run in parallel and must not see these signals).
final class SignalGuardTests: XCTestCase {
    /// SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-\) each become the flag, taken once.
    func testATerminationSignalBecomesAFlag() {
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            let guarded = SignalGuard.install()
            defer { guarded.uninstall() }
            XCTAssertNil(guarded.takePendingSignal())
            kill(getpid(), signal)
            XCTAssertEqual(waitForPendingSignal(guarded), signal, "signal \(signal)")
            XCTAssertNil(guarded.takePendingSignal())
        }
    }

    func testBrokenPipesAreIgnored() {
        let guarded = SignalGuard.install()
        defer { guarded.uninstall() }
        kill(getpid(), SIGPIPE)
        kill(getpid(), SIGHUP)
        XCTAssertEqual(waitForPendingSignal(guarded), SIGHUP)
    }

    /// The signal goes to whichever thread does not block it: wait (up to 5 s) for it.
    private func waitForPendingSignal(_ guarded: SignalGuard) -> Int32? {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let signal = guarded.takePendingSignal() { return signal }
            usleep(1000)
        }
        return nil
    }
}

import Foundation
import Testing
@testable import KPITerminal
import KPIEngine

extension ProcessWideTests {
    @Suite struct SignalGuardTests {
        @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
        func turnsATerminationSignalIntoAFlag(signal: Int32) {
            let guarded = SignalGuard.install()
            defer { guarded.uninstall() }
            #expect(guarded.takePendingSignal() == nil)
            kill(getpid(), signal)
            #expect(waitForPendingSignal(guarded) == signal)
            #expect(guarded.takePendingSignal() == nil)
        }

        @Test func ignoresBrokenPipes() {
            let guarded = SignalGuard.install()
            defer { guarded.uninstall() }
            kill(getpid(), SIGPIPE)
            kill(getpid(), SIGHUP)
            #expect(waitForPendingSignal(guarded) == SIGHUP)
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
}

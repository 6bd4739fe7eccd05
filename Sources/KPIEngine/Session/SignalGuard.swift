import Foundation
import Synchronization

/// The last termination signal received and not yet taken; 0 when none.
private let pendingSignal = Atomic<Int32>(0)

/// Turns SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-\) into a flag the dashboard and
/// `report --watch` loops read, so that every exit goes through the normal clean-up (the
/// terminal restored, the demo directory removed) instead of a core dump or the Swift
/// runtime's crash report; ignores SIGPIPE.
///
/// Installed with `sa_flags = 0` (no `SA_RESTART`), so a signal interrupts `poll`.
/// SIGWINCH is left alone: ncurses handles it and reports `KEY_RESIZE`. All four are unblocked
/// on the installing thread, since a parent may have started kpitop with them blocked.
public struct SignalGuard: Sendable {
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE]
    private var previousActions: [sigaction]

    /// Installs the handlers (before ncurses starts, so it installs none of its own).
    public static func install() -> SignalGuard {
        pendingSignal.store(0, ordering: .relaxed)
        var flag = sigaction()
        flag.__sigaction_handler.sa_handler = { pendingSignal.store($0, ordering: .relaxed) }
        sigemptyset(&flag.sa_mask)
        flag.sa_flags = 0
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var previous = Array(repeating: sigaction(), count: signals.count)
        for (index, signal) in signals.enumerated() {
            if signal == SIGPIPE {
                sigaction(signal, &ignore, &previous[index])
            } else {
                sigaction(signal, &flag, &previous[index])
            }
        }
        unblockSignals()
        return SignalGuard(previousActions: previous)
    }

    /// Unblocks the termination signals and SIGWINCH on the calling thread; a blocked mask is
    /// inherited across `exec`, and with it the dashboard would neither quit nor resize.
    private static func unblockSignals() {
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH] { sigaddset(&wanted, signal) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
    }

    /// The signal received since the last call, if any.
    public func takePendingSignal() -> Int32? {
        let signal = pendingSignal.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// Puts the previous handlers back.
    public func uninstall() {
        for (index, signal) in Self.signals.enumerated() {
            var action = previousActions[index]
            sigaction(signal, &action, nil)
        }
    }
}

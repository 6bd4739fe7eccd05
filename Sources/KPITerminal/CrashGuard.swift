import Foundation

/// Restores the terminal when the process dies of a fatal signal (a Swift trap, a bad memory
/// access, an abort) while the screen is up, says so in one line on stderr, then lets the
/// previous handler run as it would have (the Swift runtime's backtrace, or the default action).
///
/// The handler only writes precomputed bytes and calls async-signal-safe functions.
enum CrashGuard {
    /// The fatal signals guarded.
    private static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

    /// Installs the handlers: on a crash, write `restoreSequence` to stdout and set
    /// `terminalModes` on stdin.
    static func arm(terminalModes: termios, restoreSequence: [UInt8]) {
        let bytes = restoreSequence + Array(message.utf8)
        let sequence = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = sequence.initialize(from: bytes)
        let restoreCount = restoreSequence.count
        let previousActions = UnsafeMutableBufferPointer<sigaction>.allocate(capacity: signals.count)
        previousActions.initialize(repeating: sigaction())
        armedState = CrashRestoreState(signals: signals, sequence: sequence, restoreCount: restoreCount,
                                       terminalModes: terminalModes, previousActions: previousActions)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { restoreTerminalAndReraise($0) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        for (index, signal) in signals.enumerated() {
            sigaction(signal, &action, &previousActions[index])
        }
    }

    /// What the crash says on stderr once the terminal is back.
    static let message = "\nkpitop crashed; the terminal was restored. What follows helps a bug report.\n"

    /// Puts the previous handlers back and frees the saved state.
    static func disarm() {
        guard let state = armedState else { return }
        for (index, signal) in state.signals.enumerated() {
            sigaction(signal, &state.previousActions[index], nil)
        }
        armedState = nil
        state.sequence.deallocate()
        state.previousActions.deallocate()
    }
}

/// What the crash handler needs, in memory allocated before it can run.
private struct CrashRestoreState {
    let signals: [Int32]
    /// The terminal's restore bytes (the first `restoreCount`), then the message.
    let sequence: UnsafeMutableBufferPointer<UInt8>
    let restoreCount: Int
    let terminalModes: termios
    let previousActions: UnsafeMutableBufferPointer<sigaction>
}

/// Written only while no crash handler is installed (before `arm` installs them, after
/// `disarm` removes them); the handler only reads it.
nonisolated(unsafe) private var armedState: CrashRestoreState?

private func restoreTerminalAndReraise(_ signal: Int32) {
    if let state = armedState {
        _ = write(STDOUT_FILENO, state.sequence.baseAddress, state.restoreCount)
        var modes = state.terminalModes
        tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        _ = write(STDERR_FILENO, state.sequence.baseAddress! + state.restoreCount, state.sequence.count - state.restoreCount)
        if let index = state.signals.firstIndex(of: signal) {
            sigaction(signal, &state.previousActions[index], nil)
        }
    }
    raise(signal)
}

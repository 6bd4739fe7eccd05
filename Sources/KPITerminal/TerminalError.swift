/// Why the dashboard could not take over the terminal.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is a file or a pipe.
    case notATerminal
    /// ncurses has no terminfo entry for `TERM`.
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "the dashboard needs a terminal on stdin and stdout; for files and pipes use `kpitop report`"
        case .unknownTerminal(let name):
            "unknown terminal type '\(name)' (no terminfo entry); try TERM=xterm-256color"
        }
    }
}

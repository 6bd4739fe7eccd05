/// Why the dashboard could not take over the terminal.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is a file or a pipe.
    case notATerminal
    /// `TERM` names a terminal ncurses has no entry for, or one that cannot move the cursor
    /// (`dumb`): both get the same message.
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "the dashboard needs a terminal on stdin and stdout; for files and pipes use `kpitop report`"
        case .unknownTerminal(let name):
            "cannot draw the dashboard on terminal type '\(name)' (unknown, or it cannot move the cursor); "
                + "set TERM to your terminal's type, such as TERM=xterm-256color, or use `kpitop report`"
        }
    }
}

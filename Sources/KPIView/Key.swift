/// A key press or terminal event, as the terminal backend reports it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab
    /// Ctrl-C (the backend turns SIGINT into this too).
    case interrupt
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// A mouse click (button 1) at a cell.
    case click(x: Int, y: Int)
    /// A double click (button 1) at a cell.
    case doubleClick(x: Int, y: Int)
    /// The mouse wheel turned over a cell: `lines` < 0 up (away from the user), > 0 down.
    case wheel(x: Int, y: Int, lines: Int)
}

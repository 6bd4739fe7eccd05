import CNcursesw
import KPIView

/// What `wget_wch` read: a character, or a function key code (`KEY_CODE_YES`).
enum RawKey: Equatable {
    case character(UInt32)
    case functionKey(Int32)
}

/// The table from raw ncurses input to dashboard keys.
enum KeyTranslation {
    /// The dashboard key for `raw`; nil for keys the dashboard has no use for, and for
    /// `KEY_RESIZE` and `KEY_MOUSE`, which only the screen can complete (size, position).
    static func key(for raw: RawKey) -> Key? {
        switch raw {
        case .character(let code): key(forCharacter: code)
        case .functionKey(let code): key(forFunctionKey: code)
        }
    }

    private static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 3: .interrupt
        case 8, 127: .backspace
        case 9: .tab
        case 10, 13: .enter
        case 27: .escape
        case ..<32: nil
        default: Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    private static func key(forFunctionKey code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_BTAB: .backTab
        default: nil
        }
    }
}

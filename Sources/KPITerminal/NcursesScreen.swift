import CNcursesw
import Foundation
import KPIView

/// The terminal as ncurses drives it: draws `Buffer`s and reads keys and the mouse.
///
/// Starting it switches the terminal to the alternate screen in cbreak mode with the cursor
/// hidden and mouse clicks and the wheel reported; `stop()` undoes all of it and must run on
/// every exit path.
@MainActor
public final class NcursesScreen: TerminalScreen {
    /// The standard window of the screen `newterm` created.
    let window: UnsafeMutablePointer<WINDOW>
    private let screen: OpaquePointer
    private var colorPairs: ColorPairTable
    private let mouseEnabled: Bool
    private var lastDrawn: Buffer?
    private var stopped = false
    /// What `wait` sleeps on, made for the first engine descriptor it is given.
    private var wake: (descriptor: Int32, sources: WakeSources)?

    /// The mouse events asked for: clicks, double clicks and the wheel.
    private static let mouseEvents = kpitop_BUTTON1_CLICKED | kpitop_BUTTON1_DOUBLE_CLICKED
        | kpitop_BUTTON4_PRESSED | kpitop_BUTTON5_PRESSED
    /// Rows the selection moves per notch of the wheel.
    static let wheelRows = 3

    /// Takes over the controlling terminal (stdin and stdout), in the environment's locale.
    /// - Throws: `TerminalError` when stdin or stdout is not a terminal or `TERM` is unknown.
    public convenience init(capabilities: TerminalCapabilities) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")  // before ncurses starts, or every non-ASCII glyph is blank
        var shellModes = termios()
        tcgetattr(STDIN_FILENO, &shellModes)
        try self.init(terminalType: nil, output: fdopen(STDOUT_FILENO, "w"), input: fdopen(STDIN_FILENO, "r"),
                      capabilities: capabilities)
        CrashGuard.arm(terminalModes: shellModes, restoreSequence: emergencyRestoreSequence)
    }

    /// Starts ncurses on the given streams; `terminalType` nil means `TERM`.
    init(terminalType: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
         capabilities: TerminalCapabilities) throws {
        let name = terminalType ?? ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard let screen = newterm(terminalType, output, input), let window = kpitop_stdscr() else {
            throw TerminalError.unknownTerminal(name)
        }
        // A terminal that cannot move the cursor (TERM=dumb, a printer) would draw garbage.
        guard Self.canAddressCursor else {
            endwin()
            delscreen(screen)
            throw TerminalError.unknownTerminal(name)
        }
        self.screen = screen
        self.window = window
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)
        mouseEnabled = mousemask(Self.mouseEvents, nil) != 0
        var depth = ColorDepth.none
        if capabilities.colorDepth != .none, has_colors(), start_color() == OK {
            use_default_colors()
            depth = Self.depth(capabilities.colorDepth, limitedTo: Int(kpitop_colors()))
        }
        colorPairs = ColorPairTable(depth: depth, terminalPairs: Int(kpitop_color_pairs()))
    }

    /// Columns of the terminal.
    public var width: Int { Int(getmaxx(window)) }
    /// Rows of the terminal.
    public var height: Int { Int(getmaxy(window)) }

    public var size: TerminalSize { TerminalSize(width: width, height: height) }

    /// True when the started terminal's terminfo entry can move the cursor (`cup`).
    private static var canAddressCursor: Bool {
        guard let cup = tigetstr("cup") else { return false }
        return Int(bitPattern: cup) != -1 && Int(bitPattern: cup) != 0
    }

    public func wait(milliseconds: Int32, wakeDescriptor: Int32) -> WaitOutcome {
        if wake?.descriptor != wakeDescriptor { wake = (wakeDescriptor, WakeSources(wakeFileDescriptor: wakeDescriptor)) }
        return wake!.sources.wait(milliseconds: milliseconds)
    }

    /// Shows `buffer` (clipped to the screen). Only rows that differ from the last buffer
    /// drawn are handed to ncurses, which then sends only the cells that changed.
    public func draw(_ buffer: Buffer) {
        guard buffer != lastDrawn else { return }
        let previous = lastDrawn.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        lastDrawn = buffer
        let columns = min(buffer.width, width)
        let allRows = 0..<min(buffer.height, height)
        var rows = allRows.filter { y in previous.map { Self.row(y, of: $0) != Self.row(y, of: buffer) } ?? true }
        func styles(_ rows: [Int]) -> Set<Style> { Set(rows.lazy.flatMap { Self.row($0, of: buffer) }.map(\.style)) }
        if colorPairs.define(for: styles(rows)), rows.count < allRows.count {
            // The pairs were numbered anew: the rows kept on screen must be drawn again too.
            rows = Array(allRows)
            colorPairs.define(for: styles(rows))
        }
        for y in rows {
            var x = 0
            while x < columns {
                let style = buffer[x, y].style
                var text = buffer[x, y].symbol
                var end = x + 1
                if text.isEmpty {  // the right half of a wide character: ncurses filled it
                    x = end
                    continue
                }
                // A run of same-styled cells; the right half of a wide character ends it, so
                // every run starts at a column ncurses is told explicitly.
                while end < columns, buffer[end, y].style == style, !buffer[end, y].symbol.isEmpty {
                    text += buffer[end, y].symbol
                    end += 1
                }
                apply(style)
                mvwaddstr(window, Int32(y), Int32(x), text)
                x = end
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// The next key or terminal event waiting; nil when there is none (never blocks).
    public func nextKey() -> Key? {
        while true {
            var code: wint_t = 0
            switch wget_wch(window, &code) {
            case ERR:
                return nil
            case KEY_CODE_YES:
                if let key = functionKey(Int32(bitPattern: code)) { return key }
            default:
                if let key = KeyTranslation.key(for: .character(code)) { return key }
            }
        }
    }

    /// The cells of row `y`.
    private static func row(_ y: Int, of buffer: Buffer) -> ArraySlice<Cell> {
        buffer.cells[(y * buffer.width)..<((y + 1) * buffer.width)]
    }

    /// Rings the terminal bell.
    public func bell() { beep() }

    /// Gives the terminal back as it was: mouse reports off, cursor on, shell modes.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if mouseEnabled { mousemask(0, nil) }
        curs_set(1)
        endwin()
        delscreen(screen)
        CrashGuard.disarm()
    }

    /// `requested`, or less when the started screen has fewer colours.
    private static func depth(_ requested: ColorDepth, limitedTo colors: Int) -> ColorDepth {
        switch requested {
        case .trueColor where colors < 1 << 24: depth(.palette256, limitedTo: colors)
        case .palette256 where colors < 256: depth(.palette8, limitedTo: colors)
        case .palette8 where colors < 8: .none
        default: requested
        }
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_RESIZE:
            // ncurses resized the window; repaint every cell, whatever the terminal kept.
            lastDrawn = nil
            clearok(window, true)
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return Self.mouseKey(event)
        default:
            return KeyTranslation.key(for: .functionKey(code))
        }
    }

    /// The dashboard key for a mouse event: a click, a double click or a notch of the wheel.
    static func mouseKey(_ event: MEVENT) -> Key? {
        let (x, y) = (Int(event.x), Int(event.y))
        if event.bstate & kpitop_BUTTON1_DOUBLE_CLICKED != 0 { return .doubleClick(x: x, y: y) }
        if event.bstate & kpitop_BUTTON1_CLICKED != 0 { return .click(x: x, y: y) }
        if event.bstate & kpitop_BUTTON4_PRESSED != 0 { return .wheel(x: x, y: y, lines: -wheelRows) }
        if event.bstate & kpitop_BUTTON5_PRESSED != 0 { return .wheel(x: x, y: y, lines: wheelRows) }
        return nil
    }

    private func apply(_ style: Style) {
        var attributes = attr_t(0)
        if style.bold { attributes |= kpitop_A_BOLD }
        if style.underline { attributes |= kpitop_A_UNDERLINE }
        if style.reverse { attributes |= kpitop_A_REVERSE }
        var pair = colorPairs.pair(for: style)
        wattr_set(window, attributes, Int16(truncatingIfNeeded: pair), &pair)
    }

    /// Bytes that leave the alternate screen with a visible cursor and plain attributes,
    /// computed now from terminfo so a crash handler can write them without allocating.
    private var emergencyRestoreSequence: [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "rmkx", "cnorm", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        if mouseEnabled { bytes += Array("\u{1B}[?1006;1000l".utf8) }
        return bytes
    }
}

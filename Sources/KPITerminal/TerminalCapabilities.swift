import CNcursesw
import Foundation
import KPIView

/// What the locale and the terminal can show, decided once before the screen starts.
public struct TerminalCapabilities: Sendable, Equatable {
    /// Draw with ASCII only: the locale's character set is not UTF-8, or `--ascii`.
    public var asciiOnly: Bool
    /// The colours to draw with; `.none` for `NO_COLOR`, `--no-color` or a colourless terminal.
    public var colorDepth: ColorDepth

    /// The options the view renders with.
    public var renderOptions: RenderOptions {
        RenderOptions(asciiOnly: asciiOnly, noColor: colorDepth == .none)
    }

    /// Decides from the facts: the locale's `codeset`, the number of colours the terminal
    /// has (0 when none), the environment (`NO_COLOR`, `COLORTERM`) and the command line.
    public init(codeset: String, terminalColors: Int, environment: [String: String],
                forceASCII: Bool, forceNoColor: Bool) {
        asciiOnly = forceASCII || codeset != "UTF-8"
        let noColorRequested = forceNoColor || !(environment["NO_COLOR"] ?? "").isEmpty
        let trueColorAnnounced = ["truecolor", "24bit"].contains(environment["COLORTERM"]?.lowercased())
        colorDepth = switch terminalColors {
        case _ where noColorRequested: .none
        case (1 << 24)... where trueColorAnnounced: .trueColor
        case 256...: .palette256
        case 8...: .palette8
        default: .none
        }
    }

    /// Sets the locale from the environment (as the screen needs it), then reads the
    /// locale's character set and the colour count of `TERM`'s terminfo entry.
    public static func detect(forceASCII: Bool = false, forceNoColor: Bool = false) -> TerminalCapabilities {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        return TerminalCapabilities(codeset: codeset, terminalColors: terminfoColorCount(),
                                    environment: ProcessInfo.processInfo.environment,
                                    forceASCII: forceASCII, forceNoColor: forceNoColor)
    }

    /// `colors` of the terminfo entry for `TERM`; 0 when the entry is missing or has none.
    private static func terminfoColorCount() -> Int {
        var error: Int32 = 0
        guard setupterm(nil, STDOUT_FILENO, &error) == OK else { return 0 }
        let colors = tigetnum("colors")
        del_curterm(set_curterm(nil))
        return max(0, Int(colors))
    }
}

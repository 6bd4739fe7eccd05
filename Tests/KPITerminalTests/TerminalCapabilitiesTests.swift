import KPIView
import Testing
@testable import KPITerminal

@Suite struct TerminalCapabilitiesTests {
    private func capabilities(codeset: String = "UTF-8", colors: Int = 256, environment: [String: String] = [:],
                              ascii: Bool = false, noColor: Bool = false) -> TerminalCapabilities {
        TerminalCapabilities(codeset: codeset, terminalColors: colors, environment: environment,
                             forceASCII: ascii, forceNoColor: noColor)
    }

    @Test func glyphsFollowTheLocaleCharacterSet() {
        #expect(!capabilities().asciiOnly)
        #expect(capabilities(codeset: "ANSI_X3.4-1968").asciiOnly)
        #expect(capabilities(ascii: true).asciiOnly)
    }

    @Test(arguments: [(256, ColorDepth.palette256), (8, .palette8), (16, .palette8), (0, .none),
                      (1 << 24, .palette256)])
    func colorDepthFollowsTheTerminal(colors: Int, expected: ColorDepth) {
        #expect(capabilities(colors: colors).colorDepth == expected)
    }

    @Test func trueColorNeedsBothTheAnnouncementAndTheTerminal() {
        #expect(capabilities(colors: 1 << 24, environment: ["COLORTERM": "truecolor"]).colorDepth == .trueColor)
        #expect(capabilities(colors: 1 << 24, environment: ["COLORTERM": "24bit"]).colorDepth == .trueColor)
        #expect(capabilities(colors: 256, environment: ["COLORTERM": "truecolor"]).colorDepth == .palette256)
    }

    @Test func noColorTurnsColourOff() {
        #expect(capabilities(environment: ["NO_COLOR": "1"]).colorDepth == .none)
        #expect(capabilities(environment: ["NO_COLOR": ""]).colorDepth == .palette256)
        #expect(capabilities(noColor: true).colorDepth == .none)
        #expect(capabilities(noColor: true).renderOptions == RenderOptions(asciiOnly: false, noColor: true))
    }
}

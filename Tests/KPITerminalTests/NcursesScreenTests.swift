import CNcursesw
import Foundation
import KPIView
import Testing
@testable import KPITerminal

extension ProcessWideTests {
    /// A screen on /dev/null at a fixed size, read back cell by cell.
    @Suite @MainActor struct NcursesScreenTests {
        private func withScreen(terminal: String = "xterm-256color", colors: Int = 256,
                                width: Int32 = 30, height: Int32 = 6,
                                _ body: (NcursesScreen) throws -> Void) throws {
            setlocale(LC_ALL, "C.UTF-8")
            let output = try #require(fopen("/dev/null", "w"))
            let input = try #require(fopen("/dev/null", "r"))
            defer { fclose(output); fclose(input) }
            let capabilities = TerminalCapabilities(codeset: "UTF-8", terminalColors: colors, environment: [:],
                                                    forceASCII: false, forceNoColor: false)
            let screen = try NcursesScreen(terminalType: terminal, output: output, input: input,
                                           capabilities: capabilities)
            defer { screen.stop() }
            resizeterm(height, width)
            while screen.nextKey() != nil {}  // the resize's own KEY_RESIZE
            try body(screen)
        }

        private func text(_ screen: NcursesScreen, row: Int32) -> String {
            var characters = [wchar_t](repeating: 0, count: 64)
            let count = mvwinnwstr(screen.window, row, 0, &characters, Int32(screen.width))
            let scalars = characters.prefix(Int(max(0, count))).compactMap { Unicode.Scalar(UInt32($0)) }
            return String(String.UnicodeScalarView(scalars))
        }

        private func cell(_ screen: NcursesScreen, x: Int32, y: Int32) -> (attributes: attr_t, pair: Int32) {
            var character = cchar_t()
            mvwin_wch(screen.window, y, x, &character)
            var text = [wchar_t](repeating: 0, count: 8)
            var attributes = attr_t(0)
            var shortPair: Int16 = 0
            var pair: Int32 = 0
            getcchar(&character, &text, &attributes, &shortPair, &pair)
            return (attributes, pair)
        }

        /// The terminal colour numbers of the pair the cell at (x, y) is drawn with.
        private func pairColors(_ screen: NcursesScreen, x: Int, y: Int) -> (foreground: Int32, background: Int32) {
            var foreground: Int32 = 0
            var background: Int32 = 0
            extended_pair_content(cell(screen, x: Int32(x), y: Int32(y)).pair, &foreground, &background)
            return (foreground, background)
        }

        /// The eight ANSI colours, in palette order.
        nonisolated private static let ansi = (0..<8).map { RGB($0 & 1 == 0 ? 0 : 255, $0 & 2 == 0 ? 0 : 255, $0 & 4 == 0 ? 0 : 255) }

        @Test func drawsTextAndWideCharactersInTheirColumns() throws {
            try withScreen { screen in
                var buffer = Buffer(width: 30, height: 6)
                buffer.write("Reach 界 ▁▂▃", x: 0, y: 0)
                buffer.write("x", x: 29, y: 5)
                screen.draw(buffer)
                #expect(text(screen, row: 0).hasPrefix("Reach 界 ▁▂▃ "))
                #expect(text(screen, row: 5).hasSuffix(" x"))
                var character = cchar_t()
                mvwin_wch(screen.window, 0, 9, &character)
                #expect(character.chars.0 == wchar_t(UnicodeScalar("▁").value))
            }
        }

        @Test func overwritesEveryCellOfTheLastFrame() throws {
            try withScreen { screen in
                var first = Buffer(width: 30, height: 6)
                first.write("Engagement rate 4.1%", x: 0, y: 1)
                screen.draw(first)
                var second = Buffer(width: 30, height: 6)
                second.write("CTR", x: 0, y: 1)
                screen.draw(second)
                #expect(text(screen, row: 1) == "CTR" + String(repeating: " ", count: 27))
            }
        }

        @Test func skipsAFrameEqualToTheLastOneDrawn() throws {
            try withScreen { screen in
                var buffer = Buffer(width: 30, height: 6)
                buffer.write("same", x: 0, y: 0)
                screen.draw(buffer)
                mvwaddstr(screen.window, 0, 0, "MARK")
                screen.draw(buffer)
                #expect(text(screen, row: 0).hasPrefix("MARK"))
            }
        }

        @Test func handsOnlyTheChangedRowsToNcurses() throws {
            try withScreen { screen in
                var buffer = Buffer(width: 30, height: 6)
                buffer.write("updated 4s ago", x: 0, y: 0)
                buffer.write("Reach 1,200", x: 0, y: 1)
                screen.draw(buffer)
                mvwaddstr(screen.window, 1, 0, "MARK")
                buffer.write("updated 5s ago", x: 0, y: 0)
                screen.draw(buffer)
                #expect(text(screen, row: 0).hasPrefix("updated 5s ago"))
                #expect(text(screen, row: 1).hasPrefix("MARKh 1,200"), "an unchanged row was drawn again")
            }
        }

        @Test func mapsStylesToAttributesAndColourPairs() throws {
            try withScreen { screen in
                let red = RGB(255, 0, 0)
                var buffer = Buffer(width: 30, height: 6)
                buffer.write("bad", x: 0, y: 0, style: Style(foreground: red, bold: true))
                buffer.write("sel", x: 0, y: 1, style: Style(underline: true, reverse: true))
                screen.draw(buffer)
                #expect(cell(screen, x: 0, y: 0).attributes & kpitop_A_BOLD != 0)
                let bad = pairColors(screen, x: 0, y: 0)
                #expect(bad.foreground == Int32(PaletteMapping.index(of: red, depth: .palette256)))
                #expect(bad.background == -1)
                let selected = cell(screen, x: 0, y: 1)
                #expect(selected.attributes & (kpitop_A_REVERSE | kpitop_A_UNDERLINE) == kpitop_A_REVERSE | kpitop_A_UNDERLINE)
                #expect(selected.pair == 0)
            }
        }

        @Test func drawsWithoutColourPairsWhenColourIsOff() throws {
            try withScreen(colors: 0) { screen in
                var buffer = Buffer(width: 30, height: 6)
                buffer.write("good", x: 0, y: 0, style: Style(foreground: RGB(0, 255, 0), reverse: true))
                screen.draw(buffer)
                let good = cell(screen, x: 0, y: 0)
                #expect(good.pair == 0)
                #expect(good.attributes & kpitop_A_REVERSE != 0)
            }
        }

        @Test func startsTheColourPairsOverWhenAThemeNeedsMoreThanTheTerminalHas() throws {
            // `screen` has 8 colours and 64 pairs: 48 combinations, then 16 more, do not fit.
            try withScreen(terminal: "screen", colors: 8) { screen in
                func frame(backgrounds: [RGB]) -> Buffer {
                    var buffer = Buffer(width: 30, height: 6)
                    for (row, background) in backgrounds.enumerated() {
                        for (column, foreground) in Self.ansi.enumerated() {
                            buffer.write("x", x: column, y: row, style: Style(foreground: foreground, background: background))
                        }
                    }
                    return buffer
                }
                screen.draw(frame(backgrounds: Array(Self.ansi[0..<6])))
                screen.draw(frame(backgrounds: Array(Self.ansi[2..<8])))
                for (row, background) in Self.ansi[2..<8].enumerated() {
                    for (column, foreground) in Self.ansi.enumerated() {
                        let pair = pairColors(screen, x: column, y: row)
                        #expect(pair.foreground == Int32(PaletteMapping.index(of: foreground, depth: .palette8)))
                        #expect(pair.background == Int32(PaletteMapping.index(of: background, depth: .palette8)))
                    }
                }
            }
        }

        @Test func drawsTheKeptRowsAgainWhenTheColourPairsStartOver() throws {
            // 48 combinations in rows 0...5, then row 5 alone brings 16 new ones: 64 do not fit
            // in 63 pairs, so the pairs are numbered anew and rows 0...4 must follow.
            try withScreen(terminal: "screen", colors: 8) { screen in
                var buffer = Buffer(width: 30, height: 6)
                var expected: [[(foreground: RGB, background: RGB)]] = []
                func fill(row: Int, with combinations: [(foreground: RGB, background: RGB)]) {
                    for (column, colors) in combinations.enumerated() {
                        buffer.write("x", x: column, y: row, style: Style(foreground: colors.foreground, background: colors.background))
                    }
                    if row < expected.count { expected[row] = combinations } else { expected.append(combinations) }
                }
                for row in 0..<6 { fill(row: row, with: Self.ansi.map { ($0, Self.ansi[row]) }) }
                screen.draw(buffer)
                fill(row: 5, with: Self.ansi.map { ($0, Self.ansi[6]) } + Self.ansi.map { ($0, Self.ansi[7]) })
                screen.draw(buffer)
                for (row, combinations) in expected.enumerated() {
                    for (column, colors) in combinations.enumerated() {
                        let pair = pairColors(screen, x: column, y: row)
                        #expect(pair.foreground == Int32(PaletteMapping.index(of: colors.foreground, depth: .palette8)))
                        #expect(pair.background == Int32(PaletteMapping.index(of: colors.background, depth: .palette8)))
                    }
                }
            }
        }

        @Test func translatesPendingKeysAndResize() throws {
            try withScreen { screen in
                #expect(screen.nextKey() == nil)
                // ncurses' input queue is last in, first out.
                ungetch(KEY_UP)
                ungetch(Int32(UInt8(ascii: "q")))
                #expect(screen.nextKey() == .character("q"))
                #expect(screen.nextKey() == .up)
                #expect(screen.nextKey() == nil)
                resizeterm(8, 40)
                #expect(screen.nextKey() == .resize(width: 40, height: 8))
            }
        }
    }
}

import CNcursesw
import KPIView
import Testing
@testable import KPITerminal

@Suite struct KeyTranslationTests {
    @Test(arguments: [
        (UInt32(3), Key.interrupt), (8, .backspace), (127, .backspace), (9, .tab), (10, .enter),
        (13, .enter), (27, .escape), (0x71, .character("q")), (0x68, .character("h")),
        (0x3F, .character("?")), (0x754C, .character("界")),
    ])
    func characters(code: UInt32, expected: Key) {
        #expect(KeyTranslation.key(for: .character(code)) == expected)
    }

    @Test(arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
        (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_BTAB, .backTab),
    ])
    func functionKeys(code: Int32, expected: Key) {
        #expect(KeyTranslation.key(for: .functionKey(code)) == expected)
    }

    @Test func ignoresUnusedKeysAndControlCharacters() {
        #expect(KeyTranslation.key(for: .functionKey(kpitop_KEY_F(5))) == nil)
        #expect(KeyTranslation.key(for: .character(1)) == nil)
        #expect(KeyTranslation.key(for: .character(0xD800)) == nil)
    }

    @Test func leavesResizeAndMouseToTheScreen() {
        #expect(KeyTranslation.key(for: .functionKey(KEY_RESIZE)) == nil)
        #expect(KeyTranslation.key(for: .functionKey(KEY_MOUSE)) == nil)
    }
}

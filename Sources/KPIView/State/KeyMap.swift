/// Turns a key into an ``Action``, given what is on screen (typing a filter, an overlay...).
enum KeyMap {
    /// nil when the key means nothing here.
    static func action(for key: Key, in state: UIState) -> Action? {
        switch key {
        case .interrupt: return .quit
        case .resize(let width, let height): return .resize(width: width, height: height)
        case .click: return nil
        default: break
        }
        if state.isEditingFilter { return filterAction(for: key) }
        if let overlay = state.overlay { return overlayAction(for: key, overlay: overlay) }
        return screenAction(for: key, onOverview: state.page.screen == .overview)
    }

    private static func filterAction(for key: Key) -> Action? {
        switch key {
        case .character(let character): .typeFilter(character)
        case .backspace: .eraseFilter
        case .enter, .tab: .endFilter
        case .escape: .clearFilter
        case .up: .move(.up)
        case .down: .move(.down)
        default: nil
        }
    }

    private static func overlayAction(for key: Key, overlay: Overlay) -> Action? {
        if let movement = movement(for: key) { return movement }
        switch key {
        case .escape, .backspace, .character("h"), .left: return .back
        case .character("q"): return .quit
        case .character("?"): return overlay == .help ? .back : .toggleHelp
        case .character("p"): return overlay == .platformPicker ? .back : nil
        case .character("r"): return overlay == .rejections ? .back : nil
        case .character("/"): return overlay == .rejections ? .beginFilter : nil
        case .enter, .right, .character("l"): return overlay == .platformPicker ? .activate : .back
        default: return nil
        }
    }

    private static func screenAction(for key: Key, onOverview: Bool) -> Action? {
        if let movement = movement(for: key) { return movement }
        switch key {
        case .left, .character("h"): return onOverview ? .move(.left) : .back
        case .right, .character("l"): return onOverview ? .move(.right) : .activate
        case .enter: return .activate
        case .escape, .backspace: return .back
        case .tab: return .nextArea
        case .backTab: return .previousArea
        case .character(let character):
            if let digit = character.wholeNumberValue, (1...OverviewArea.allCases.count).contains(digit) {
                return .focusArea(digit - 1)
            }
            return characterActions[character]
        default: return nil
        }
    }

    private static let characterActions: [Character: Action] = [
        "q": .quit, "p": .togglePlatformPicker, "w": .cycleWindow, "/": .beginFilter, "s": .cycleSort,
        "t": .cycleTheme, "?": .toggleHelp, "r": .toggleRejections, "g": .openGoals, "y": .toggleZoom,
    ]

    /// Up/down/page keys, the same everywhere.
    private static func movement(for key: Key) -> Action? {
        switch key {
        case .up, .character("k"): .move(.up)
        case .down, .character("j"): .move(.down)
        case .pageUp: .pageUp
        case .pageDown: .pageDown
        case .home: .home
        case .end: .end
        default: nil
        }
    }
}

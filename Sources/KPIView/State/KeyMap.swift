/// Turns a key into an ``Action``, given what is on screen (typing a filter, an overlay...).
/// Mouse events need the layout and are turned into actions by the model.
enum KeyMap {
    /// nil when the key means nothing here.
    static func action(for key: Key, in state: UIState) -> Action? {
        switch key {
        case .interrupt: return .quit
        case .resize(let width, let height): return .resize(width: width, height: height)
        case .click, .doubleClick, .wheel: return nil
        default: break
        }
        if state.isEditingFilter { return filterAction(for: key) }
        if let overlay = state.overlay { return overlayAction(for: key, overlay: overlay, state: state) }
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

    private static func overlayAction(for key: Key, overlay: Overlay, state: UIState) -> Action? {
        if overlay == .windowPicker {
            switch key {
            case .character(let c) where c.isASCII && c.isNumber: return .typeWindowDigit(c)
            case .backspace where !state.windowDraft.isEmpty: return .eraseWindowDigit
            case .character("d") where !state.windowDraft.isEmpty: return .activate
            case .character("W"): return .back
            default: break
            }
        }
        if let movement = movement(for: key) { return movement }
        switch key {
        case .escape, .backspace, .character("h"), .left: return .back
        case .character("q"): return .quit
        case .character("?"): return overlay == .help ? .back : .toggleHelp
        case .character("p"): return overlay == .platformPicker ? .back : nil
        case .character("r"): return overlay == .rejections ? .back : nil
        case .character("a"): return overlay == .alerts ? .back : nil
        case .character("/"): return overlay == .rejections ? .beginFilter : nil
        case .enter, .right, .character("l"):
            return [.platformPicker, .windowPicker, .alerts, .brandPicker].contains(overlay) ? .activate : .back
        default: return nil
        }
    }

    private static func screenAction(for key: Key, onOverview: Bool) -> Action? {
        if let movement = movement(for: key) { return movement }
        switch key {
        // Arrows move between the overview's panels; elsewhere they go back and open.
        case .left: return onOverview ? .move(.left) : .back
        case .right: return onOverview ? .move(.right) : .activate
        case .enter, .character("l"): return .activate
        case .escape, .backspace, .character("h"): return .back
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

    /// The letter and punctuation keys of the screens (the help overlay, README and man page
    /// list every one of them).
    static let characterActions: [Character: Action] = [
        "q": .quit, "p": .togglePlatformPicker, "w": .cycleWindow, "W": .toggleWindowPicker, "/": .beginFilter,
        "s": .cycleSort, "S": .reverseSort, "t": .cycleTheme, "?": .toggleHelp, "r": .toggleRejections,
        "g": .openGoals, "a": .toggleAlerts, "[": .moveAnchor(days: -1), "]": .moveAnchor(days: 1),
        ".": .latestAnchor, "z": .togglePause, "e": .export, "y": .toggleZoom, "Y": .toggleComparison,
        "B": .toggleBrandPicker,
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

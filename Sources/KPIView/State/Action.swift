/// Something the user asked for; `reduce` applies it to the ``UIState``.
enum Action: Equatable {
    enum Direction: Equatable { case up, down, left, right }

    case quit
    case move(Direction)
    case pageUp, pageDown, home, end
    /// Tab / Shift-Tab: the next or previous area of the screen.
    case nextArea, previousArea
    /// `1`...`6`: an area by number (0-based here).
    case focusArea(Int)
    /// Enter, `l`: open what is selected.
    case activate
    /// Esc, Backspace, `h`: close the overlay, else clear the filter, else go back one screen.
    case back
    case togglePlatformPicker, toggleHelp, toggleRejections
    /// `a`: every alert, breached ones first.
    case toggleAlerts
    /// `W`: the window picker.
    case toggleWindowPicker
    /// A digit typed in the window picker; Backspace there erases one.
    case typeWindowDigit(Character)
    case eraseWindowDigit
    /// `Y`: compare with the same days a year earlier, or with the previous window again.
    case toggleComparison
    /// `B`: the brand picker (a notice when the config file has no brands).
    case toggleBrandPicker
    /// `g`: the goals page (back to it when it is already on the stack).
    case openGoals
    case cycleWindow, cycleSort, cycleTheme
    /// `y`: charts and sparklines fitted to their data, or from 0 again.
    case toggleZoom
    /// `S`: smallest (or oldest) first, or largest first again.
    case reverseSort
    /// `[` and `]`: the anchor day this many days earlier (negative) or later.
    case moveAnchor(days: Int)
    /// `.`: the anchor back on the last complete day.
    case latestAnchor
    /// `z`: stop taking the engine's updates, or take them again.
    case togglePause
    /// `e`: save the view as Markdown and CSV.
    case export
    /// `/`: start typing a filter for the list.
    case beginFilter
    case typeFilter(Character)
    case eraseFilter
    /// Enter while typing: keep the filter and stop typing.
    case endFilter
    /// Esc while typing: drop the filter.
    case clearFilter
    case resize(width: Int, height: Int)
    /// A click on something: select it, or open it when it is already selected.
    case select(HitTarget)
    /// A double click: select it and open it.
    case open(HitTarget)
    /// The wheel over a list (an area of the screen, or the open overlay when nil): move its
    /// selection by `rows`.
    case scroll(area: Int?, rows: Int)
}

/// What a click can land on.
enum HitTarget: Equatable {
    /// Row `index` of area `area` of the current screen.
    case row(area: Int, index: Int)
    /// A breadcrumb segment: go back to that depth of the stack (0 = overview).
    case breadcrumb(depth: Int)
    /// A row of the open overlay.
    case overlayRow(Int)
    /// The `N rejected rows (r)` hint.
    case rejectedRowsHint
}

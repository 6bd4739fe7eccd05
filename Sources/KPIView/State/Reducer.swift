import KPIEngine

/// Applies one action to the state: the only place the dashboard's state changes.
func reduce(_ state: inout UIState, _ action: Action) {
    switch action {
    case .quit:
        state.quitRequested = true
    case .resize(let width, let height):
        state.terminalWidth = max(0, width)
        state.terminalHeight = max(0, height)
    case .move(let direction):
        move(&state, direction)
    case .pageUp:
        moveSelection(&state, by: -pageSize(state))
    case .pageDown:
        moveSelection(&state, by: pageSize(state))
    case .home:
        moveSelection(&state, by: -Int(Int32.max))
    case .end:
        moveSelection(&state, by: Int(Int32.max))
    case .nextArea, .previousArea:
        let areas = state.focusableAreas
        let index = areas.firstIndex(of: state.page.focus) ?? 0
        let step = action == .nextArea ? 1 : areas.count - 1
        state.page.focus = areas[(index + step) % areas.count]
    case .focusArea(let area):
        if state.focusableAreas.contains(area) { state.page.focus = area }
    case .activate:
        activate(&state)
    case .back:
        back(&state)
    case .togglePlatformPicker:
        toggle(.platformPicker, in: &state)
        state.overlayRow = state.platformChoices.firstIndex(of: state.platformFilter) ?? 0
    case .toggleHelp:
        toggle(.help, in: &state)
    case .toggleRejections:
        toggle(.rejections, in: &state)
    case .toggleAlerts:
        toggle(.alerts, in: &state)
    case .toggleWindowPicker:
        toggle(.windowPicker, in: &state)
        state.overlayRow = WindowChoices.presets.firstIndex(of: state.window) ?? 0
    case .typeWindowDigit(let digit):
        if state.windowDraft.count < 5 { state.windowDraft.append(digit) }
    case .eraseWindowDigit:
        if !state.windowDraft.isEmpty { state.windowDraft.removeLast() }
    case .toggleComparison:
        state.comparison = state.comparison == .previousWindow ? .yearBefore : .previousWindow
        let words = state.comparison == .yearBefore ? "the same days a year earlier" : "the previous window"
        state.notice = Notice(text: "compared with " + words, until: state.now + DashboardModel.noticeDuration)
    case .toggleBrandPicker:
        guard !state.brands.isEmpty else {
            state.notice = Notice(text: "no brands: add [brands] to the config file (docs/CONFIG.md)",
                                  until: state.now + DashboardModel.noticeDuration, isWarning: true)
            return
        }
        toggle(.brandPicker, in: &state)
        state.overlayRow = state.brand.flatMap { state.brands.firstIndex(of: $0) } ?? 0
    case .openGoals:
        openGoals(&state)
    case .cycleWindow:
        let cycle = WindowLength.cycle
        state.window = cycle.firstIndex(of: state.window).map { cycle[($0 + 1) % cycle.count] } ?? cycle[0]
    case .cycleSort:
        if case .platform = state.page.screen {
            state.postSort = state.postSort.next
            state.page.rows[PlatformArea.posts.rawValue] = 0
        }
    case .toggleZoom:
        state.chartsZoomed.toggle()
    case .reverseSort:
        if case .platform = state.page.screen {
            state.postSortAscending.toggle()
            state.page.rows[PlatformArea.posts.rawValue] = 0
        }
    case .cycleTheme:
        state.themeIndex = (state.themeIndex + 1) % state.themeCount
    case .moveAnchor(let days):
        moveAnchor(&state, by: days)
    case .latestAnchor:
        state.asOf = nil
    case .togglePause:
        state.paused.toggle()
        if !state.paused, let held = state.held {
            state.snapshot = held.snapshot
            state.status = held.status
        }
        state.held = nil
    case .export:
        state.exportRequested = true
    case .beginFilter:
        beginFilter(&state)
    case .typeFilter(let character):
        state.filter.append(character)
        resetFilteredSelection(&state)
    case .eraseFilter:
        if !state.filter.isEmpty { state.filter.removeLast() }
        resetFilteredSelection(&state)
    case .endFilter:
        state.isEditingFilter = false
    case .clearFilter:
        state.isEditingFilter = false
        state.filter = ""
        resetFilteredSelection(&state)
    case .select(let target):
        select(target, in: &state)
    case .open(let target):
        open(target, in: &state)
    case .scroll(let area, let rows):
        scroll(&state, area: area, rows: rows)
    }
}

private func pageSize(_ state: UIState) -> Int { max(1, state.terminalHeight / 2) }

private func move(_ state: inout UIState, _ direction: Action.Direction) {
    switch direction {
    case .up: moveSelection(&state, by: -1)
    case .down: moveSelection(&state, by: 1)
    case .left, .right:
        // Only the overview's panels side by side have a horizontal neighbour: the 2x2 grid,
        // and the platform list with the Traffic panel right of it.
        guard state.overlay == nil, state.page.screen == .overview,
              let area = OverviewArea(rawValue: state.page.focus) else { return }
        let column = area.rawValue % 2
        let target = area.rawValue - column + (direction == .left ? 0 : 1)
        if state.focusableAreas.contains(target) { state.page.focus = target }
    }
}

private func moveSelection(_ state: inout UIState, by delta: Int) {
    if state.overlay != nil {
        state.overlayRow = clamp(state.overlayRow + delta, count: state.overlayRowCount)
    } else {
        state.page.row = clamp(state.page.row + delta, count: state.rowCount(area: state.page.focus))
    }
}

private func clamp(_ row: Int, count: Int) -> Int { max(0, min(count - 1, row)) }

/// The wheel: the list under the pointer takes the focus and its selection moves.
private func scroll(_ state: inout UIState, area: Int?, rows: Int) {
    if let area {
        guard state.overlay == nil, state.focusableAreas.contains(area) else { return }
        state.page.focus = area
    }
    moveSelection(&state, by: rows)
}

/// `[` and `]`: the anchor moves a day at a time, never past the last complete day (which
/// is then the default anchor again).
private func moveAnchor(_ state: inout UIState, by days: Int) {
    guard let current = state.asOf ?? state.snapshot?.asOf else { return }
    let moved = current.adding(days: days)
    if let latest = state.latestAnchor, moved >= latest {
        state.asOf = nil
    } else {
        state.asOf = moved
    }
}

private func activate(_ state: inout UIState) {
    switch state.overlay {
    case .platformPicker:
        let choices = state.platformChoices
        guard choices.indices.contains(state.overlayRow) else { return }
        let platform = choices[state.overlayRow]
        state.platformFilter = platform
        closeOverlay(&state)
        state.pages = [state.pages[0]]
        if platform != KPISnapshot.allPlatforms { push(Page(.platform(platform)), on: &state) }
        return
    case .windowPicker:
        let presets = WindowChoices.presets
        if let typed = WindowChoices.typed(state.windowDraft) {
            state.window = typed
        } else if presets.indices.contains(state.overlayRow) {
            state.window = presets[state.overlayRow]
        }
        closeOverlay(&state)
        return
    case .alerts:
        let alerts = state.alertsList
        guard alerts.indices.contains(state.overlayRow) else { return }
        let rule = alerts[state.overlayRow].rule
        closeOverlay(&state)
        push(Page(.kpi(rule.kpi, platform: rule.platform)), on: &state)
        return
    case .brandPicker:
        guard state.brands.indices.contains(state.overlayRow) else { return }
        let brand = state.brands[state.overlayRow]
        closeOverlay(&state)
        if brand != state.brand { state.requestedBrand = brand }
        return
    case .help, .rejections:
        return
    case nil:
        break
    }
    let page = state.page
    guard page.row < state.rowCount(area: page.focus) else { return }
    switch page.screen {
    case .overview:
        guard let area = OverviewArea(rawValue: page.focus) else { return }
        if area == .platforms {
            push(Page(.platform(state.platforms[page.row])), on: &state)
        } else {
            push(Page(.kpi(area.kpis(in: state)[page.row], platform: state.platformFilter)), on: &state)
        }
    case .platform(let platform):
        if page.focus == PlatformArea.kpis.rawValue {
            push(Page(.kpi(KPI.allCases[page.row], platform: platform)), on: &state)
        } else {
            let post = state.visiblePosts(of: platform)[page.row]
            push(Page(.post(PostReference(platform: post.platform, id: post.id))), on: &state)
        }
    case .kpi:
        push(Page(.platform(state.platformChoices[page.row])), on: &state)
    case .goals:
        let goal = state.goals[page.row].goal
        push(Page(.kpi(goal.kpi, platform: goal.platform)), on: &state)
    case .post:
        return
    }
}

/// Goes back to the goals page when it is on the stack, else opens it on top.
private func openGoals(_ state: inout UIState) {
    if let depth = state.pages.firstIndex(where: { $0.screen == .goals }) {
        state.pages.removeLast(state.pages.count - 1 - depth)
        state.filter = ""
        state.isEditingFilter = false
    } else {
        push(Page(.goals), on: &state)
    }
}

private func push(_ page: Page, on state: inout UIState) {
    var page = page
    if case .kpi(_, let platform) = page.screen {
        page.row = state.platformChoices.firstIndex(of: platform) ?? 0
    }
    // The posts filter stays with the list it narrows: opening a post keeps it for the way back.
    if case .post = page.screen {} else { state.filter = "" }
    state.pages.append(page)
    state.isEditingFilter = false
}

/// Esc first closes what is open, then drops the filter, then goes back a screen.
private func back(_ state: inout UIState) {
    if state.overlay != nil {
        closeOverlay(&state)
    } else if !state.filter.isEmpty, !isPostPage(state) {
        state.filter = ""
        state.isEditingFilter = false
        resetFilteredSelection(&state)
    } else if state.pages.count > 1 {
        let leaving = state.pages.removeLast()
        if case .post = leaving.screen {} else { state.filter = "" }
        state.isEditingFilter = false
    }
}

private func isPostPage(_ state: UIState) -> Bool {
    if case .post = state.page.screen { return true }
    return false
}

private func toggle(_ overlay: Overlay, in state: inout UIState) {
    if state.overlay == overlay {
        closeOverlay(&state)
    } else {
        if state.overlay == .rejections { state.filter = "" }
        state.overlay = overlay
        state.overlayRow = 0
        state.windowDraft = ""
        state.isEditingFilter = false
        if overlay == .rejections { state.filter = "" }
    }
}

private func closeOverlay(_ state: inout UIState) {
    if state.overlay == .rejections { state.filter = "" }
    state.overlay = nil
    state.overlayRow = 0
    state.windowDraft = ""
    state.isEditingFilter = false
}

private func beginFilter(_ state: inout UIState) {
    if state.overlay == .rejections {
        state.isEditingFilter = true
    } else if state.overlay == nil, case .platform = state.page.screen {
        state.page.focus = PlatformArea.posts.rawValue
        state.isEditingFilter = true
    }
}

/// After the filter changed, the filtered list starts again from its first row.
private func resetFilteredSelection(_ state: inout UIState) {
    if state.overlay == .rejections {
        state.overlayRow = 0
    } else if case .platform = state.page.screen {
        state.page.rows[PlatformArea.posts.rawValue] = 0
    }
}

private func select(_ target: HitTarget, in state: inout UIState) {
    switch target {
    case .row(let area, let index):
        guard state.overlay == nil, state.focusableAreas.contains(area), index < state.rowCount(area: area) else { return }
        if state.page.focus == area, state.page.row == index {
            activate(&state)
        } else {
            state.page.focus = area
            state.page.row = index
        }
    case .breadcrumb(let depth):
        guard state.overlay == nil, depth < state.pages.count - 1 else { return }
        state.pages.removeLast(state.pages.count - 1 - depth)
        state.filter = ""
        state.isEditingFilter = false
    case .overlayRow(let index):
        guard state.overlay != nil, index < state.overlayRowCount else { return }
        if state.overlayRow == index, state.overlay != .rejections { activate(&state) } else { state.overlayRow = index }
    case .rejectedRowsHint:
        if state.overlay != .rejections { toggle(.rejections, in: &state) }
    }
}

/// A double click: select what it landed on and open it at once.
private func open(_ target: HitTarget, in state: inout UIState) {
    switch target {
    case .row(let area, let index):
        guard state.overlay == nil, state.focusableAreas.contains(area), index < state.rowCount(area: area) else { return }
        state.page.focus = area
        state.page.row = index
        activate(&state)
    case .overlayRow(let index):
        guard state.overlay != nil, index < state.overlayRowCount else { return }
        state.overlayRow = index
        activate(&state)
    case .breadcrumb, .rejectedRowsHint:
        select(target, in: &state)
    }
}

import KPIEngine

/// The home screen: four KPI panels (2x2 on wide terminals, stacked and scrolling on narrow
/// ones) and the list of platforms with their headline numbers.
enum OverviewScreen {
    /// From this width on, the panels sit side by side.
    static let wideWidth = 100

    /// `now` (ms since the epoch) dates each platform's newest data.
    static func draw(_ state: UIState, now: Int64, on canvas: inout Canvas, in rect: Rect) {
        let page = state.page
        if rect.width >= wideWidth {
            let platformHeight = min(state.platforms.count + 3, max(4, rect.height / 3))
            let (panels, platforms) = rect.splitBottom(platformHeight)
            let (top, bottom) = panels.splitTop(panels.height / 2)
            let (reach, engagement) = top.splitLeft(top.width / 2)
            let (conversion, service) = bottom.splitLeft(bottom.width / 2)
            for (area, panelRect) in zip(OverviewArea.allCases, [reach, engagement, conversion, service, platforms]) {
                drawArea(area, state: state, page: page, now: now, on: &canvas, in: panelRect)
            }
            return
        }
        // Narrow: every area stacked on a tall canvas, scrolled so the selection shows.
        let heights = OverviewArea.allCases.map { area in
            (area == .platforms ? max(1, state.platforms.count) : area.kpis.count) + 3
        }
        var tall = Canvas(width: rect.width, height: heights.reduce(0, +), sheet: canvas.sheet)
        var y = 0
        var focusedTop = 0
        for (area, height) in zip(OverviewArea.allCases, heights) {
            if area.rawValue == page.focus { focusedTop = y }
            drawArea(area, state: state, page: page, now: now, on: &tall, in: Rect(x: 0, y: y, width: rect.width, height: height))
            y += height
        }
        let focusedHeight = heights[page.focus]
        let selectedLine = focusedTop + 2 + page.row
        let scroll = focusedHeight <= rect.height ? focusedTop : max(focusedTop, selectedLine - rect.height + 2)
        canvas.embed(tall, in: rect, scroll: min(scroll, max(0, tall.buffer.height - rect.height)))
    }

    private static func drawArea(_ area: OverviewArea, state: UIState, page: Page, now: Int64,
                                 on canvas: inout Canvas, in rect: Rect) {
        let focused = page.focus == area.rawValue && state.overlay == nil
        let number = area.rawValue + 1
        if let family = area.family {
            let inner = canvas.box(rect, title: "\(number) \(family.title)", focused: focused)
            KPIList(kpis: area.kpis, platform: state.platformFilter, snapshot: state.snapshot)
                .draw(on: &canvas, in: inner, selected: focused ? page.rows[area.rawValue] : nil,
                      area: area.rawValue, focused: focused)
        } else {
            let inner = canvas.box(rect, title: "\(number) Platforms", focused: focused)
            PlatformTable.draw(state, now: now, on: &canvas, in: inner, selected: focused ? page.rows[area.rawValue] : nil,
                               area: area.rawValue, focused: focused)
        }
    }
}

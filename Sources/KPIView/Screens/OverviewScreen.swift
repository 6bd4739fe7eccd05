import KPIEngine

/// The home screen: four KPI panels and the list of platforms with their headline numbers.
/// From 80 columns the panels sit in a 2x2 grid, all four at once (the list goes under them
/// when there is room, else it takes the lower half while it has the focus); narrower
/// terminals stack every area and scroll to the selection.
enum OverviewScreen {
    /// From this width (and ``gridHeight`` rows) on, the panels sit in a 2x2 grid.
    static let gridWidth = 80
    static let gridHeight = 12
    /// The platform list goes under the grid when each panel keeps at least this many rows.
    static let panelMinimumHeight = 8

    /// `now` (ms since the epoch) dates each platform's newest data.
    static func draw(_ state: UIState, now: Int64, on canvas: inout Canvas, in rect: Rect) {
        let page = state.page
        if rect.width >= gridWidth, rect.height >= gridHeight {
            let platformHeight = min(state.platforms.count + 3, max(4, rect.height / 3))
            let listFits = (rect.height - platformHeight) / 2 >= panelMinimumHeight
            let (panels, platforms) = rect.splitBottom(listFits ? platformHeight : 0)
            let (top, bottom) = panels.splitTop(panels.height / 2)
            let (reach, engagement) = top.splitLeft(top.width / 2)
            let (conversion, service) = bottom.splitLeft(bottom.width / 2)
            let listFocused = page.focus == OverviewArea.platforms.rawValue
            var areas: [(OverviewArea, Rect)] = [(.reach, reach), (.engagement, engagement)]
            if listFits || !listFocused {
                areas += [(.conversion, conversion), (.service, service)]
            }
            if listFits {
                areas.append((.platforms, platforms))
            } else if listFocused {
                areas.append((.platforms, bottom))
            }
            // The four panels have the same width: the same columns in each, and sparklines of
            // the same days per cell.
            let width = reach.width - 2 - Canvas.markerWidth
            let lists = OverviewArea.allCases.filter { $0.family != nil }.map { area in
                let list = list(area, state)
                return (list, list.rows(sheet: canvas.sheet))
            }
            let richness = lists.map { $0.0.richness(for: $0.1, width: width) }.min()
            let sparkline = richness.flatMap { richness in
                lists.map { $0.0.layout(for: $0.1, richness: richness, width: width).sparkline }.min()
            }
            for (area, panelRect) in areas {
                drawArea(area, state: state, page: page, now: now, richness: richness, sparkline: sparkline,
                         on: &canvas, in: panelRect)
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
            drawArea(area, state: state, page: page, now: now, richness: nil, sparkline: nil, on: &tall,
                     in: Rect(x: 0, y: y, width: rect.width, height: height))
            y += height
        }
        let focusedHeight = heights[page.focus]
        let selectedLine = focusedTop + 2 + page.row
        let scroll = focusedHeight <= rect.height ? focusedTop : max(focusedTop, selectedLine - rect.height + 2)
        canvas.embed(tall, in: rect, scroll: min(scroll, max(0, tall.buffer.height - rect.height)))
    }

    private static func list(_ area: OverviewArea, _ state: UIState) -> KPIList {
        KPIList(kpis: area.kpis, platform: state.platformFilter, snapshot: state.snapshot, zoomed: state.chartsZoomed)
    }

    private static func drawArea(_ area: OverviewArea, state: UIState, page: Page, now: Int64, richness: Int?,
                                 sparkline: Int?, on canvas: inout Canvas, in rect: Rect) {
        let focused = page.focus == area.rawValue && state.overlay == nil
        let number = area.rawValue + 1
        if let family = area.family {
            let inner = canvas.box(rect, title: "\(number) \(family.title)", focused: focused)
            list(area, state).draw(on: &canvas, in: inner, selected: focused ? page.rows[area.rawValue] : nil,
                                   area: area.rawValue, focused: focused, richness: richness,
                                   sparkline: sparkline)
        } else {
            let inner = canvas.box(rect, title: "\(number) Platforms", focused: focused)
            PlatformTable.draw(state, now: now, on: &canvas, in: inner, selected: focused ? page.rows[area.rawValue] : nil,
                               area: area.rawValue, focused: focused)
        }
    }
}

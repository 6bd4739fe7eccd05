import KPIEngine

/// The home screen: four KPI panels and the list of platforms with their headline numbers;
/// when the data has website traffic, the Traffic panel right of the list (with the site's
/// sessions from other sources on `all`). From 80 columns the panels sit in a 2x2 grid, all
/// four at once (the list and the Traffic panel go under them when there is room, else they
/// take the lower half while one of them has the focus); narrower terminals stack every area
/// and scroll to the selection.
enum OverviewScreen {
    /// From this width (and ``gridHeight`` rows) on, the panels sit in a 2x2 grid.
    static let gridWidth = 80
    static let gridHeight = 12
    /// The platform list goes under the grid when each panel keeps at least this many rows.
    static let panelMinimumHeight = 8

    /// `now` (ms since the epoch) dates each platform's newest data.
    static func draw(_ state: UIState, now: Int64, on canvas: inout Canvas, in rect: Rect) {
        let page = state.page
        let shown = state.overviewAreas
        if rect.width >= gridWidth, rect.height >= gridHeight {
            let platformHeight = min(state.platforms.count + 3, max(4, rect.height / 3))
            let stripHeight = shown.contains(.traffic) ? max(platformHeight, height(of: .traffic, state)) : platformHeight
            let listFits = (rect.height - stripHeight) / 2 >= panelMinimumHeight
            let (panels, strip) = rect.splitBottom(listFits ? stripHeight : 0)
            let (top, bottom) = panels.splitTop(panels.height / 2)
            let (reach, engagement) = top.splitLeft(top.width / 2)
            let (conversion, service) = bottom.splitLeft(bottom.width / 2)
            let stripFocused = OverviewArea(rawValue: page.focus).map { $0 == .platforms || $0 == .traffic } ?? false
            var areas: [(OverviewArea, Rect)] = [(.reach, reach), (.engagement, engagement)]
            if listFits || !stripFocused {
                areas += [(.conversion, conversion), (.service, service)]
            }
            if let stripRect = listFits ? strip : stripFocused ? bottom : nil {
                if shown.contains(.traffic) {
                    let (platforms, traffic) = stripRect.splitLeft(stripRect.width / 2)
                    areas += [(.platforms, platforms), (.traffic, traffic)]
                } else {
                    areas.append((.platforms, stripRect))
                }
            }
            // The KPI panels have the same width: the same columns in each, and sparklines of
            // the same days per cell.
            let width = reach.width - 2 - Canvas.markerWidth
            let lists = shown.filter { $0.family != nil }.map { area in
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
        let heights = shown.map { height(of: $0, state) }
        var tall = Canvas(width: rect.width, height: heights.reduce(0, +), sheet: canvas.sheet)
        var y = 0
        var focusedTop = 0
        var focusedHeight = 0
        for (area, height) in zip(shown, heights) {
            if area.rawValue == page.focus { (focusedTop, focusedHeight) = (y, height) }
            drawArea(area, state: state, page: page, now: now, richness: nil, sparkline: nil, on: &tall,
                     in: Rect(x: 0, y: y, width: rect.width, height: height))
            y += height
        }
        let selectedLine = focusedTop + 2 + page.row
        let scroll = focusedHeight <= rect.height ? focusedTop : max(focusedTop, selectedLine - rect.height + 2)
        canvas.embed(tall, in: rect, scroll: min(scroll, max(0, tall.buffer.height - rect.height)))
    }

    /// The rows an area wants, box included: its rows, a header, and the not-social line.
    private static func height(of area: OverviewArea, _ state: UIState) -> Int {
        switch area {
        case .platforms: max(1, state.platforms.count) + 3
        case .traffic: area.kpis(in: state).count + 3 + (notSocialForms(state, ascii: false) == nil ? 0 : 1)
        default: area.kpis(in: state).count + 3
        }
    }

    /// The site's sessions from other sources, under the Traffic panel of `all`.
    private static func notSocialForms(_ state: UIState, ascii: Bool) -> [String]? {
        guard state.platformFilter == KPISnapshot.allPlatforms else { return nil }
        return NotSocialText.forms(state.snapshot, ascii: ascii)
    }

    private static func list(_ area: OverviewArea, _ state: UIState) -> KPIList {
        KPIList(kpis: area.kpis(in: state), platform: state.platformFilter, snapshot: state.snapshot, zoomed: state.chartsZoomed)
    }

    private static func drawArea(_ area: OverviewArea, state: UIState, page: Page, now: Int64, richness: Int?,
                                 sparkline: Int?, on canvas: inout Canvas, in rect: Rect) {
        let focused = page.focus == area.rawValue && state.overlay == nil
        let number = area.rawValue + 1
        if let family = area.family {
            var inner = canvas.box(rect, title: "\(number) \(family.title)", focused: focused)
            if area == .traffic, let forms = notSocialForms(state, ascii: canvas.sheet.options.asciiOnly),
               inner.height >= 3 {
                // The not-social line keeps the last row while the table keeps a header and a row.
                let (table, line) = inner.splitBottom(1)
                inner = table
                let room = line.width - Canvas.markerWidth
                let form = forms.first { TextWidth.columns($0) <= room } ?? forms[forms.count - 1]
                canvas.field(form, x: line.x + Canvas.markerWidth, y: line.y, width: room,
                             style: canvas.sheet.style(.muted))
            }
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

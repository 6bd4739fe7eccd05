import KPIEngine

/// One platform in depth: all its KPIs, a daily chart of the selected one, and its top posts.
enum PlatformScreen {
    static func draw(_ state: UIState, platform: String, on canvas: inout Canvas, in rect: Rect) {
        let page = state.page
        let kpis = KPI.allCases
        let kpiRow = min(page.rows[PlatformArea.kpis.rawValue], kpis.count - 1)
        let postsRow = page.rows[PlatformArea.posts.rawValue]
        let posts = state.visiblePosts(of: platform)
        let listFocused = page.focus == PlatformArea.kpis.rawValue && state.overlay == nil
        let postsFocused = page.focus == PlatformArea.posts.rawValue && state.overlay == nil

        let listRect, chartRect, postsRect: Rect
        if rect.width >= OverviewScreen.wideWidth {
            let (left, right) = rect.splitLeft(min(64, rect.width / 2))
            let (top, bottom) = right.splitTop(right.height / 2)
            (listRect, chartRect, postsRect) = (left, top, bottom)
        } else if rect.height >= 18 {
            let (list, rest) = rect.splitTop(rect.height * 2 / 5)
            let (chart, postList) = rest.splitTop(rest.height / 2)
            (listRect, chartRect, postsRect) = (list, chart, postList)
        } else {
            let (list, postList) = rect.splitTop(rect.height / 2)
            (listRect, chartRect, postsRect) = (list, Rect(x: 0, y: 0, width: 0, height: 0), postList)
        }

        let listInner = canvas.box(listRect, title: "1 \(platform): all KPIs", focused: listFocused)
        KPIList(kpis: kpis, platform: platform, snapshot: state.snapshot)
            .draw(on: &canvas, in: listInner, selected: kpiRow, area: PlatformArea.kpis.rawValue, focused: listFocused)

        let kpi = kpis[kpiRow]
        if !chartRect.isEmpty {
            let chartInner = canvas.box(chartRect, title: "\(kpi.title) daily")
            canvas.chart(state.snapshot?.value(kpi, platform: platform).daily ?? [], unit: kpi.unit,
                         days: state.snapshot?.window.allDays ?? [], in: chartInner)
        }

        var postsTitle = "2 Posts by \(state.postSort.title.lowercased()) (\(posts.count))"
        if !state.filter.isEmpty { postsTitle += " matching \"\(state.filter)\"" }
        let postsInner = canvas.box(postsRect, title: postsTitle, focused: postsFocused)
        PostsTable.draw(state, posts: posts, on: &canvas, in: postsInner, selected: postsFocused ? postsRow : nil,
                        area: PlatformArea.posts.rawValue, focused: postsFocused)
    }
}

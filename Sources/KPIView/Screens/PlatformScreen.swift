import KPIEngine

/// One platform in depth: all its KPIs, a daily chart of the selected one, and its top posts.
/// A stale platform says so in its title.
enum PlatformScreen {
    /// From this width on, the KPI list is on the left and the chart and posts on the right.
    static let sideBySideWidth = 100

    static func draw(_ state: UIState, platform: String, now: Int64, on canvas: inout Canvas, in rect: Rect) {
        let page = state.page
        let kpis = KPI.allCases
        let kpiRow = min(page.rows[PlatformArea.kpis.rawValue], kpis.count - 1)
        let postsRow = page.rows[PlatformArea.posts.rawValue]
        let posts = state.visiblePosts(of: platform)
        let listFocused = page.focus == PlatformArea.kpis.rawValue && state.overlay == nil
        let postsFocused = page.focus == PlatformArea.posts.rawValue && state.overlay == nil

        let listRect, chartRect, postsRect: Rect
        if rect.width >= sideBySideWidth {
            let listWidth = rect.width >= KPIScreen.sideBySideWidth ? rect.width / 2 : min(64, rect.width / 2)
            let (left, right) = rect.splitLeft(listWidth)
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

        let listInner = canvas.box(listRect, titles: listTitles(state, platform: platform, now: now), focused: listFocused)
        KPIList(kpis: kpis, platform: platform, snapshot: state.snapshot, zoomed: state.chartsZoomed)
            .draw(on: &canvas, in: listInner, selected: kpiRow, area: PlatformArea.kpis.rawValue, focused: listFocused)

        let kpi = kpis[kpiRow]
        if !chartRect.isEmpty {
            let chartInner = canvas.box(chartRect, titles: KPIChart.titles(kpi: kpi, platform: platform))
            canvas.chart(KPIChart.series(state, kpi: kpi, platform: platform, ascii: canvas.sheet.options.asciiOnly),
                         in: chartInner)
        }

        let postsInner = canvas.box(postsRect, titles: postsTitles(state, platform: platform, shown: posts.count),
                                    focused: postsFocused)
        PostsTable.draw(state, platform: platform, posts: posts, on: &canvas, in: postsInner,
                        selected: postsFocused ? postsRow : nil, area: PlatformArea.posts.rawValue, focused: postsFocused)
    }

    /// `1 linkedin: all KPIs · stale, newest data 3d ago`, and shorter forms.
    static func listTitles(_ state: UIState, platform: String, now: Int64) -> [String] {
        let base = "1 \(platform): all KPIs"
        let freshness = state.freshness(now: now)
        guard freshness.isStale(platform), let age = freshness.age(of: platform) else { return [base, "1 \(platform)"] }
        return ["\(base) · stale, newest data \(AgeFormat.text(milliseconds: age))", "\(base) · stale",
                "1 \(platform) · stale"]
    }

    /// The posts box's titles, longest first: how many posts there are, how many the list
    /// holds (`top 500 of 535 by interactions`: the snapshot keeps the posts with the most
    /// interactions), the sort and the filter.
    static func postsTitles(_ state: UIState, platform: String, shown: Int) -> [String] {
        let listed = state.snapshot?.posts[platform]?.count ?? 0
        let total = max(listed, state.snapshot?.postCounts[platform] ?? listed)
        let sort = state.postSort.title.lowercased()
        let filter = state.filter.isEmpty ? "" : " · \(shown) matching \"\(state.filter)\""
        guard total > listed else {
            return ["2 Posts by \(sort) (\(total))" + filter, "2 Posts (\(total))" + filter, "2 Posts (\(total))"]
        }
        let top = "top \(listed) of \(total)"
        let sorted = state.postSort == .interactions ? " by interactions" : " by interactions, sorted by \(sort)"
        return ["2 Posts: \(top)\(sorted)" + filter, "2 Posts: \(top)" + filter, "2 Posts: \(top)", "2 \(top)"]
    }
}

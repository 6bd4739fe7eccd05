import KPIEngine
import KPIReport

/// Builds the files `e` saves from what is on screen: the screen's tables over the window in
/// the header, as Markdown, and the focused list as CSV.
enum ViewExporter {
    /// nil before the first snapshot (nothing to save yet).
    static func export(_ state: UIState, dataDirectory: String) -> ViewExport? {
        guard let snapshot = state.snapshot else { return nil }
        let (subject, tables, main) = self.tables(state, snapshot: snapshot)
        let window = snapshot.window
        var intro = "\(WindowChoices.label(state.window)), \(window.start)..\(window.end) (\(snapshot.timeZone))"
        intro += snapshot.comparisonWindow == nil ? "." : ", compared with \(ComparisonText.phrase(snapshot))."
        let markdown = (["# kpitop: \(subject)", "", intro, "Data: \(Sanitized.line(dataDirectory)).", ""]
            + tables.map(\.markdown)).joined(separator: "\n")
        let slug = subject.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let name = "kpitop-\(String(slug).split(separator: "-").joined(separator: "-"))-\(state.window)-\(window.end)"
        return ViewExport(name: name, markdown: markdown, csv: tables[main].csv)
    }

    /// The subject of the screen, its tables, and which of them is the focused list.
    private static func tables(_ state: UIState, snapshot: KPISnapshot) -> (String, [ExportTable], Int) {
        switch state.page.screen {
        case .overview:
            let platform = state.platformFilter
            let kpis = state.overviewAreas.flatMap { $0.kpis(in: state) }
            let platforms = platformsTable(state, snapshot: snapshot)
            return (platform == KPISnapshot.allPlatforms ? "all platforms" : platform,
                    [kpiTable(kpis, platform: platform, snapshot: snapshot), platforms],
                    state.page.focus == OverviewArea.platforms.rawValue ? 1 : 0)
        case .platform(let platform):
            return (platform, [kpiTable(KPI.allCases, platform: platform, snapshot: snapshot),
                               postsTable(state.visiblePosts(of: platform), state: state)],
                    state.page.focus == PlatformArea.posts.rawValue ? 1 : 0)
        case .kpi(let kpi, _):
            let choices = state.platformChoices
            let platform = choices[min(max(0, state.page.row), choices.count - 1)]
            return (kpi.title, [byPlatformTable(kpi, platforms: choices, snapshot: snapshot),
                                dailyTable(kpi, platform: platform, snapshot: snapshot)], 0)
        case .goals:
            return ("goals", [goalsTable(snapshot.goals)], 0)
        case .post(let reference):
            guard let detail = snapshot.postDetail, detail.post == reference else {
                return ("post \(Sanitized.line(reference.id))", [ExportTable(title: "Post", header: ["metric"])], 0)
            }
            let title = detail.title.map(Sanitized.line) ?? Sanitized.line(reference.id)
            return ("\(reference.platform) post \(Sanitized.line(reference.id))",
                    [postTable(detail, title: title), postDailyTable(detail)], 0)
        }
    }

    private static func kpiTable(_ kpis: [KPI], platform: String, snapshot: KPISnapshot) -> ExportTable {
        var table = ExportTable(title: "KPIs (\(platform))", header: ["kpi", "value", "previous", "change"],
                                numeric: [1, 2, 3])
        let currency = snapshot.currencies[platform]
        for kpi in kpis {
            let value = snapshot.value(kpi, platform: platform)
            table.append([kpi.title, ValueFormat.format(value.value, unit: kpi.unit, currency: currency),
                          ValueFormat.format(value.previous, unit: kpi.unit, currency: currency),
                          ChangeFormat.text(kpi, value)],
                         raw: [kpi.id, ExportTable.number(value.value), ExportTable.number(value.previous),
                               ExportTable.number(value.change(for: kpi))])
        }
        return table
    }

    private static let platformKPIs: [KPI] = [.impressions, .interactions, .engagementRate, .conversions, .spend]

    private static func platformsTable(_ state: UIState, snapshot: KPISnapshot) -> ExportTable {
        var table = ExportTable(title: "Platforms", header: ["platform"] + platformKPIs.map(\.id),
                                numeric: Set(1...platformKPIs.count))
        for platform in state.platforms {
            let values = platformKPIs.map { snapshot.value($0, platform: platform).value }
            table.append([Sanitized.line(platform)] + zip(platformKPIs, values).map {
                ValueFormat.format($1, unit: $0.unit, currency: snapshot.currencies[platform])
            }, raw: [Sanitized.line(platform)] + values.map(ExportTable.number))
        }
        return table
    }

    private static func postsTable(_ posts: [PostSummary], state: UIState) -> ExportTable {
        let columns = PostSort.metrics
        var title = "Posts by \(state.postSort.title.lowercased())"
        if !state.filter.isEmpty { title += " matching \"\(Sanitized.line(state.filter))\"" }
        var table = ExportTable(title: title, header: ["platform", "id", "title", "first_day"]
                                    + columns.map { $0.field!.id }, numeric: Set(4..<(4 + columns.count)))
        for post in posts {
            let head = [Sanitized.line(post.platform), Sanitized.line(post.id), post.title.map(Sanitized.line) ?? "",
                        post.firstDay.description]
            table.append(head + columns.map { ValueFormat.format(post.values[$0.field!], unit: $0.unit) },
                         raw: head + columns.map { ExportTable.number(post.values[$0.field!]) })
        }
        return table
    }

    private static func byPlatformTable(_ kpi: KPI, platforms: [String], snapshot: KPISnapshot) -> ExportTable {
        var table = ExportTable(title: "\(kpi.title) by platform", header: ["platform", "value", "previous", "change"],
                                numeric: [1, 2, 3])
        for platform in platforms {
            let value = snapshot.value(kpi, platform: platform)
            let currency = snapshot.currencies[platform]
            table.append([Sanitized.line(platform), ValueFormat.format(value.value, unit: kpi.unit, currency: currency),
                          ValueFormat.format(value.previous, unit: kpi.unit, currency: currency),
                          ChangeFormat.text(kpi, value)],
                         raw: [Sanitized.line(platform), ExportTable.number(value.value),
                               ExportTable.number(value.previous), ExportTable.number(value.change(for: kpi))])
        }
        return table
    }

    private static func dailyTable(_ kpi: KPI, platform: String, snapshot: KPISnapshot) -> ExportTable {
        var table = ExportTable(title: "\(kpi.title) daily (\(platform))", header: ["day", kpi.id], numeric: [1])
        let daily = snapshot.value(kpi, platform: platform).daily
        for (day, value) in zip(snapshot.window.allDays, daily) {
            table.append([day.description, ValueFormat.format(value, unit: kpi.unit)],
                         raw: [day.description, ExportTable.number(value)])
        }
        return table
    }

    private static func goalsTable(_ goals: [GoalProgress]) -> ExportTable {
        var table = ExportTable(title: "Goals", header: ["goal", "kpi", "platform", "target", "value", "projection",
                                                         "days_left", "status"], numeric: [4, 5, 6])
        for progress in goals {
            let goal = progress.goal
            table.append([Sanitized.line(goal.name), goal.kpi.title, goal.platform,
                          GoalLine.target(progress),
                          GoalLine.amount(progress.value, progress),
                          GoalLine.amount(progress.projection, progress),
                          GoalLine.daysLeft(progress.daysLeft), GoalLine.status(progress.status)],
                         raw: [Sanitized.line(goal.name), goal.kpi.id, goal.platform, ExportTable.number(progress.target),
                               ExportTable.number(progress.value), ExportTable.number(progress.projection),
                               String(progress.daysLeft), progress.status.rawValue])
        }
        return table
    }

    private static func postTable(_ detail: PostDetail, title: String) -> ExportTable {
        var table = ExportTable(title: title, header: ["metric", "window", "all days"], numeric: [1, 2])
        if let first = detail.firstDay { table.append(["First day", first.description, ""], raw: ["first_day", first.description, ""]) }
        for row in PostMetricRows.rows(for: detail) {
            table.append([row.title, ValueFormat.format(row.window, unit: row.unit),
                          ValueFormat.format(row.lifetime, unit: row.unit)],
                         raw: [row.id,
                               ExportTable.number(row.window), ExportTable.number(row.lifetime)])
        }
        return table
    }

    private static func postDailyTable(_ detail: PostDetail) -> ExportTable {
        let fields = MetricField.allCases.filter { detail.lifetime.present & $0.bit != 0 }
        var table = ExportTable(title: "Daily", header: ["day"] + fields.map(\.id), numeric: Set(1...max(1, fields.count)))
        for day in detail.days {
            let cells = fields.map { ExportTable.number(day.values[$0]) }
            table.append([day.day.description] + cells)
        }
        return table
    }
}

import KPIEngine

/// A platform's posts and campaigns over the window, sorted by the chosen column; money in
/// the platform's currency.
enum PostsTable {
    static let minimumTitleWidth = 16
    static let metricWidth = 13
    /// The first-day column: `2026-11-23`.
    static let dateWidth = 10

    static func draw(_ state: UIState, platform: String, posts: [PostSummary], on canvas: inout Canvas, in rect: Rect,
                     selected: Int?, area: Int, focused: Bool) {
        let sheet = canvas.sheet
        let ascii = sheet.options.asciiOnly
        let currency = state.snapshot?.currencies[platform]
        let mixed = state.snapshot?.value(.revenue, platform: platform).unavailable != nil
        let marker = state.postSortAscending ? (ascii ? "^" : "▲") : sheet.glyphs.sortMarker
        let available = rect.width - Canvas.markerWidth - (dateWidth + 1)
        var shown: [PostSort] = state.postSort == .date ? [] : [state.postSort]
        for column in PostSort.metrics where !shown.contains(column)
            && minimumTitleWidth + (shown.count + 1) * (metricWidth + 1) <= available {
            shown.append(column)
        }
        shown = PostSort.metrics.filter(shown.contains)
        let titleWidth = max(minimumTitleWidth, available - shown.count * (metricWidth + 1))
        let dateTitle = "date" + (state.postSort == .date ? marker : "")
        let columns = [TableColumn(title: "title", width: titleWidth), TableColumn(title: dateTitle, width: dateWidth)]
            + shown.map { column in
                let sortMark = column == state.postSort ? marker : ""
                // Posts in different currencies cannot be told apart: their amounts carry no sign.
                let title = column == .revenue && mixed ? "\(column.title) (mixed)" : column.title
                return TableColumn(title: title + sortMark, width: metricWidth, alignment: .right,
                                   shorterTitles: column == .revenue && mixed ? ["Rev. (mixed)" + sortMark] : [])
            }
        let rows: [[TableCell]] = posts.map { post in
            let title: TableCell = post.title.map { .text($0, sheet.style(.text)) } ?? .text(post.id, sheet.style(.muted))
            let date: TableCell = .text(post.firstDay.description, sheet.style(state.postSort == .date ? .text : .muted,
                                                                               bold: state.postSort == .date))
            return [title, date] + shown.map { column in
                let value = column.field.flatMap { post.values[$0] }
                return .text(ValueFormat.format(value, unit: column.unit, ascii: ascii, currency: mixed ? nil : currency),
                             sheet.style(value == nil ? .muted : column == state.postSort ? .text : .muted,
                                         bold: column == state.postSort))
            }
        }
        canvas.table(rect, columns: columns, rows: rows, selected: selected, area: area, focused: focused)
    }
}

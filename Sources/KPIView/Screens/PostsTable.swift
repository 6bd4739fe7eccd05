import KPIEngine

/// A platform's posts and campaigns over the window, sorted by the chosen column; money in
/// the platform's currency.
enum PostsTable {
    static let minimumTitleWidth = 16
    static let metricWidth = 13

    static func draw(_ state: UIState, platform: String, posts: [PostSummary], on canvas: inout Canvas, in rect: Rect,
                     selected: Int?, area: Int, focused: Bool) {
        let sheet = canvas.sheet
        let ascii = sheet.options.asciiOnly
        let currency = state.snapshot?.currencies[platform]
        let mixed = state.snapshot?.value(.revenue, platform: platform).unavailable != nil
        let available = rect.width - Canvas.markerWidth
        var shown: [PostSort] = [state.postSort]
        for column in PostSort.allCases where column != state.postSort
            && minimumTitleWidth + (shown.count + 1) * (metricWidth + 1) <= available {
            shown.append(column)
        }
        shown = PostSort.allCases.filter(shown.contains)
        let titleWidth = max(minimumTitleWidth, available - shown.count * (metricWidth + 1))
        let columns = [TableColumn(title: "title", width: titleWidth)] + shown.map { column in
            let marker = column == state.postSort ? sheet.glyphs.sortMarker : ""
            // Posts in different currencies cannot be told apart: their amounts carry no sign.
            let title = column == .revenue && mixed ? "\(column.title) (mixed)" : column.title
            return TableColumn(title: title + marker, width: metricWidth, alignment: .right,
                               shorterTitles: column == .revenue && mixed ? ["Rev. (mixed)" + marker] : [])
        }
        let rows: [[TableCell]] = posts.map { post in
            let title: TableCell = post.title.map { .text($0, sheet.style(.text)) } ?? .text(post.id, sheet.style(.muted))
            return [title] + shown.map { column in
                let value = post.values[column.field]
                return .text(ValueFormat.format(value, unit: column.unit, ascii: ascii, currency: mixed ? nil : currency),
                             sheet.style(value == nil ? .muted : column == state.postSort ? .text : .muted,
                                         bold: column == state.postSort))
            }
        }
        canvas.table(rect, columns: columns, rows: rows, selected: selected, area: area, focused: focused)
    }
}

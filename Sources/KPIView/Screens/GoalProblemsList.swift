import KPIEngine

/// The goals file's mistakes, under the goals: where (`goals.toml:7`) and why; those
/// goals are left out.
enum GoalProblemsList {
    /// The rows a list of `count` problems wants, box included; at most a third of `height`
    /// (and at least one problem's row).
    static func height(count: Int, available height: Int) -> Int {
        min(count + 3, max(4, height / 3))
    }

    static func draw(_ problems: [ConfigProblem], dataDirectory: String, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let title = "\(problems.count) goal\(problems.count == 1 ? "" : "s") left out"
        let inner = canvas.box(rect, title: title)
        let locations = problems.map { location(of: $0, dataDirectory: dataDirectory) }
        let whereWidth = min(inner.width / 2, locations.map { TextWidth.columns($0) }.max() ?? 0)
        let columns = [TableColumn(title: "where", width: max(5, whereWidth)), TableColumn(title: "problem", width: 0)]
        let rows: [[TableCell]] = zip(locations, problems).map { location, problem in
            [.text(location, sheet.style(.muted)), .text(problem.reason, sheet.style(.warning))]
        }
        canvas.table(inner, columns: columns, rows: rows, selected: nil, area: 0, focused: false)
    }

    /// `goals.toml:7` (the path relative to the data directory when the file is in it), or
    /// just the file when the problem concerns all of it.
    static func location(of problem: ConfigProblem, dataDirectory: String) -> String {
        let prefix = dataDirectory.hasSuffix("/") ? dataDirectory : dataDirectory + "/"
        let file = !dataDirectory.isEmpty && problem.file.hasPrefix(prefix)
            ? String(problem.file.dropFirst(prefix.count)) : problem.file
        return problem.line > 0 ? "\(file):\(problem.line)" : file
    }
}

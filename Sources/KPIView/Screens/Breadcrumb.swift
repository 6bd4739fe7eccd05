import KPIEngine

/// Where you are: `Overview › instagram › Engagement rate`; each segment is clickable.
enum Breadcrumb {
    static func segments(of pages: [Page]) -> [String] {
        pages.map { page in
            switch page.screen {
            case .overview: "Overview"
            case .platform(let platform): platform
            case .kpi(let kpi, _): kpi.title
            case .goals: "Goals"
            case .post(let post): "post \(post.id)"
            }
        }
    }

    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        var x = rect.x
        let segments = segments(of: state.pages)
        for (depth, segment) in segments.enumerated() {
            if depth > 0 {
                x += canvas.text(canvas.glyphs.breadcrumbSeparator, x: x, y: rect.y, style: sheet.style(.muted), clip: rect)
            }
            let isCurrent = depth == segments.count - 1
            let width = canvas.text(segment, x: x, y: rect.y,
                                    style: isCurrent ? sheet.style(.accent, bold: true) : sheet.style(.text), clip: rect)
            if !isCurrent { canvas.hit(Rect(x: x, y: rect.y, width: width, height: 1), .breadcrumb(depth: depth)) }
            x += width
        }
        if case .kpi(_, let platform) = state.page.screen {
            x += canvas.text("  (\(platform))", x: x, y: rect.y, style: sheet.style(.muted), clip: rect)
        }
        // The selected KPI's formula and coverage, in the longest form that fits.
        let room = rect.maxX - x - 3
        if let form = SelectionLine.forms(state, sheet: sheet).first(where: { TextSpan.columns($0) <= room }) {
            canvas.spans(form, x: x + 3, y: rect.y, width: room)
        }
    }
}

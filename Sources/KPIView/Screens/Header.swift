import KPIEngine

/// The top of the screen. First line: the brand and what data is shown, the exact window and
/// what it is compared with (the previous window or a year earlier), how fresh the data is. Second line, when anything came in today and the
/// terminal has the room: today so far, apart from the window (which ends with the last
/// complete day), with yesterday by the same time.
enum Header {
    /// The terminal height from which today's line is shown.
    static let todayLineMinimumHeight = 14

    /// 1, or 2 with today's line.
    static func height(_ state: UIState, screenHeight: Int) -> Int {
        screenHeight >= todayLineMinimumHeight && !todayForms(state).isEmpty ? 2 : 1
    }

    static func draw(_ state: UIState, dataDirectory: String, now: Int64, on canvas: inout Canvas, in rect: Rect) {
        drawFirstLine(state, dataDirectory: dataDirectory, now: now, on: &canvas, in: rect.row(0))
        if rect.height > 1 { drawToday(todayForms(state), on: &canvas, in: rect.row(1)) }
    }

    /// A part of the first line: its forms, longest first, and how early it gives way when the
    /// line is too narrow (the highest rank first; rank 0 never).
    private struct Piece {
        var forms: [[TextSpan]]
        var rank: Int
        var form = 0
        var spans: [TextSpan] { forms[form] }
    }

    private static func drawFirstLine(_ state: UIState, dataDirectory: String, now: Int64, on canvas: inout Canvas,
                                      in rect: Rect) {
        let sheet = canvas.sheet
        let status = state.status
        let separator = canvas.glyphs.separator
        let ages = state.freshness(now: now)
        func piece(_ text: String, _ style: Style, rank: Int, shorter: [String] = []) -> Piece {
            Piece(forms: ([text] + shorter).map { [TextSpan($0, style)] }, rank: rank)
        }
        var pieces = [piece("kpitop", sheet.style(.accent, bold: true), rank: 1)]
        if let brand = state.brand {
            pieces.append(piece("brand " + brand, sheet.style(.accent, bold: true), rank: 1, shorter: [brand]))
        }
        pieces.append(piece(status.dataDirectory.isEmpty ? dataDirectory : status.dataDirectory, sheet.style(.text), rank: 4))
        var windowIndex: Int?
        if let snapshot = state.snapshot {
            windowIndex = pieces.count
            pieces.append(Piece(forms: WindowText.forms(snapshot).map { window, comparison in
                [TextSpan(window, sheet.style(.text, bold: true))]
                    + (comparison.isEmpty ? [] : [TextSpan(separator, sheet.style(.border)),
                                                  TextSpan(comparison, sheet.style(.muted))])
            }, rank: 0))
            pieces.append(piece(snapshot.timeZone, sheet.style(.muted), rank: 3))
            if state.asOf != nil {
                pieces.append(piece("earlier day (. latest)", sheet.style(.warning), rank: 1, shorter: ["earlier day"]))
            }
        } else {
            pieces.append(piece("\(state.window) window", sheet.style(.text, bold: true), rank: 0))
        }
        if state.platformFilter == KPISnapshot.allPlatforms {
            pieces.append(piece("all platforms", sheet.style(.text), rank: 3))
        } else {
            var filter = Piece(forms: [[TextSpan(state.platformFilter, sheet.style(.text, bold: true))]], rank: 0)
            if ages.isStale(state.platformFilter) {
                filter.forms[0].append(TextSpan(" stale", sheet.style(.warning, bold: true)))
            }
            pieces.append(filter)
        }
        pieces.append(piece(freshness(status, now: now), sheet.style(.muted), rank: 2))
        let stale = ages.staleCount(of: state.platforms)
        if stale > 0 { pieces.append(piece("\(stale) stale", sheet.style(.warning, bold: true), rank: 1)) }
        switch status.watchMode {
        case .inotify: pieces.append(piece("watching", sheet.style(.muted), rank: 5))
        case .polling:
            // Polling is slower to notice changes, and often a fallback: kept before the rest.
            pieces.append(piece("polling" + (status.watchNote.map { " (\($0))" } ?? ""), sheet.style(.muted), rank: 1,
                                shorter: ["polling"]))
        case .none: break
        }
        if status.isDemo { pieces.append(piece("DEMO DATA", sheet.style(.warning, bold: true), rank: 0, shorter: ["DEMO"])) }
        if state.paused { pieces.append(piece("PAUSED (z)", sheet.style(.warning, bold: true), rank: 0, shorter: ["PAUSED"])) }
        for problem in status.problems {
            pieces.append(piece(problem.description, sheet.style(.warning, bold: true), rank: 1))
        }
        if state.snapshot?.anchoredOnNewest == true {
            pieces.append(piece("anchored on newest data", sheet.style(.warning), rank: 1, shorter: ["anchored"]))
        }

        func width() -> Int {
            pieces.reduce(0) { $0 + TextSpan.columns($1.spans) } + max(0, pieces.count - 1) * TextWidth.columns(separator)
        }
        func drop(rank: Int) {
            while width() > rect.width, let index = pieces.lastIndex(where: { $0.rank == rank }) {
                pieces.remove(at: index)
                if let w = windowIndex, index < w { windowIndex = w - 1 }
            }
        }
        func shrinkWindow(to form: Int) {
            guard width() > rect.width, let w = windowIndex else { return }
            pieces[w].form = min(form, pieces[w].forms.count - 1)
        }
        func shrinkOthers() {
            for index in pieces.indices where index != windowIndex && width() > rect.width {
                pieces[index].form = pieces[index].forms.count - 1
            }
        }
        // The window and its comparison stay; what gives way first is what matters least.
        drop(rank: 5)
        shrinkWindow(to: 1)
        drop(rank: 4)
        drop(rank: 3)
        drop(rank: 2)
        shrinkWindow(to: 2)
        shrinkOthers()
        shrinkWindow(to: 3)
        drop(rank: 1)
        shrinkWindow(to: 4)
        while width() > rect.width, let index = pieces.indices.last(where: { $0 != windowIndex }) {
            pieces.remove(at: index)
            if let w = windowIndex, index < w { windowIndex = w - 1 }
        }

        var x = rect.x
        for (index, piece) in pieces.enumerated() {
            if index > 0 { x += canvas.text(separator, x: x, y: rect.y, style: sheet.style(.border), clip: rect) }
            for span in piece.spans { x += canvas.text(span.text, x: x, y: rect.y, style: span.style, clip: rect) }
        }
    }

    /// Today's forms for the platform on screen.
    private static func todayForms(_ state: UIState) -> [TodayText.Form] {
        guard let today = state.snapshot?.today else { return [] }
        return TodayText.forms(today, platform: state.platformFilter)
    }

    /// Today's line in the longest form whose items all fit; else with the time and as many
    /// items as fit; else the shortest form with the items that fit.
    private static func drawToday(_ forms: [TodayText.Form], on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let separator = canvas.glyphs.separator
        func width(_ form: TodayText.Form) -> Int {
            TextWidth.columns(form.lead) + form.items.reduce(0) { $0 + TextWidth.columns($1) }
                + (form.items.isEmpty ? 0 : 1 + (form.items.count - 1) * TextWidth.columns(separator))
        }
        func trimmed(_ form: TodayText.Form) -> TodayText.Form {
            var form = form
            while !form.items.isEmpty, width(form) > rect.width { form.items.removeLast() }
            return form
        }
        let timed = forms.count >= 2 ? trimmed(forms[forms.count - 2]) : nil
        guard let form = forms.first(where: { width($0) <= rect.width })
            ?? (timed?.items.count ?? 0 >= 2 ? timed : nil) ?? forms.last.map(trimmed) else { return }
        var x = rect.x + canvas.text(form.lead, x: rect.x, y: rect.y, style: sheet.style(.accent, bold: true), clip: rect)
        for (index, item) in form.items.enumerated() {
            x += canvas.text(index == 0 ? " " : separator, x: x, y: rect.y,
                             style: sheet.style(index == 0 ? .text : .border), clip: rect)
            x += canvas.text(item, x: x, y: rect.y, style: sheet.style(.text), clip: rect)
        }
    }

    /// `updated 3s ago`, `updated 5m ago`...; `loading` before the first load ends.
    static func freshness(_ status: EngineStatus, now: Int64) -> String {
        guard let updatedAt = status.updatedAt else { return "loading" }
        return "updated " + AgeFormat.text(milliseconds: now - updatedAt)
    }
}

import KPIEngine

/// The top line: what data is shown, for which window, how fresh it is.
enum Header {
    static func draw(_ state: UIState, dataDirectory: String, now: Int64, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let status = state.status
        // (text, style, rank): when the line is too narrow the highest ranks go first.
        var pieces: [(text: String, style: Style, rank: Int)] = [("kpitop", sheet.style(.accent, bold: true), 0)]
        pieces.append((status.dataDirectory.isEmpty ? dataDirectory : status.dataDirectory, sheet.style(.text), 4))
        if let snapshot = state.snapshot {
            let window = snapshot.window
            let length = window.isAll ? "all" : window.period.map { $0 == .month ? "mtd" : "qtd" } ?? "\(window.days)d"
            pieces.append(("\(length) \(window.start)..\(window.end)", sheet.style(.text, bold: true), 0))
            pieces.append(("as of \(snapshot.asOf) \(snapshot.timeZone)", sheet.style(.muted), 3))
            if state.asOf != nil { pieces.append(("earlier day (. latest)", sheet.style(.warning), 1)) }
        } else {
            pieces.append(("\(state.window) window", sheet.style(.text, bold: true), 0))
        }
        let platform = state.platformFilter == KPISnapshot.allPlatforms ? "all platforms" : state.platformFilter
        pieces.append((platform, sheet.style(.text), 2))
        pieces.append((freshness(status, now: now), sheet.style(.muted), 2))
        let stale = state.freshness(now: now).staleCount(of: state.platforms)
        if stale > 0 { pieces.append(("\(stale) stale", sheet.style(.warning, bold: true), 1)) }
        switch status.watchMode {
        case .inotify: pieces.append(("watching", sheet.style(.muted), 5))
        case .polling:
            // Polling is slower to notice changes, and often a fallback: kept before the rest.
            pieces.append(("polling" + (status.watchNote.map { " (\($0))" } ?? ""), sheet.style(.muted), 1))
        case .none: break
        }
        if status.isDemo { pieces.append(("DEMO DATA", sheet.style(.warning, bold: true), 0)) }
        if state.paused { pieces.append(("PAUSED (z)", sheet.style(.warning, bold: true), 0)) }
        for problem in status.problems { pieces.append((problem.description, sheet.style(.warning, bold: true), 1)) }
        if state.snapshot?.anchoredOnNewest == true {
            pieces.append(("anchored on newest data", sheet.style(.warning), 1))
        }
        let separator = canvas.glyphs.separator
        func width(_ pieces: [(text: String, style: Style, rank: Int)]) -> Int {
            pieces.reduce(0) { $0 + TextWidth.columns($1.text) } + max(0, pieces.count - 1) * TextWidth.columns(separator)
        }
        while width(pieces) > rect.width, let rank = pieces.map(\.rank).max(), rank > 0,
              let drop = pieces.lastIndex(where: { $0.rank == rank }) {
            pieces.remove(at: drop)
        }

        var x = rect.x
        for (index, piece) in pieces.enumerated() {
            if index > 0 { x += canvas.text(separator, x: x, y: rect.y, style: sheet.style(.border), clip: rect) }
            x += canvas.text(piece.text, x: x, y: rect.y, style: piece.style, clip: rect)
        }
    }

    /// `updated 3s ago`, `updated 5m ago`...; `loading…` before the first load ends.
    static func freshness(_ status: EngineStatus, now: Int64) -> String {
        guard let updatedAt = status.updatedAt else { return "loading" }
        return "updated " + AgeFormat.text(milliseconds: now - updatedAt)
    }
}

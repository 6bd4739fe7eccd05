import KPIEngine

/// Draws the whole screen for a state: header, load progress, breadcrumb, the current
/// screen, the status bar and any overlay; or the too-small message.
enum DashboardRenderer {
    static func render(_ state: UIState, sheet: StyleSheet, dataDirectory: String, width: Int, height: Int,
                       now: Int64) -> Canvas {
        var canvas = Canvas(width: width, height: height, sheet: sheet)
        guard TooSmallScreen.fits(width: width, height: height) else {
            TooSmallScreen.draw(on: &canvas)
            return canvas
        }
        if let unreadable = state.status.unreadableDirectory {
            DataDirectoryScreen.draw(path: unreadable.path, reason: unreadable.reason, on: &canvas)
            if sheet.options.asciiOnly { canvas.buffer.replaceNonASCII() }
            return canvas
        }
        var (header, body) = canvas.bounds.splitTop(Header.height(state, screenHeight: height))
        Header.draw(state, dataDirectory: dataDirectory, now: now, on: &canvas, in: header)
        if let progress = state.status.loading {
            let (line, rest) = body.splitTop(1)
            LoadProgressLine.draw(progress, provisional: state.snapshot == nil ? nil : state.status.provisional,
                                  on: &canvas, in: line)
            body = rest
        }
        let (crumb, rest) = body.splitTop(1)
        Breadcrumb.draw(state, on: &canvas, in: crumb)
        let (main, statusLine) = rest.splitBottom(1)
        StatusBar.draw(state, on: &canvas, in: statusLine)
        if let notice = state.notice, notice.until > now { NoticeLine.draw(notice, on: &canvas, in: statusLine) }

        switch state.page.screen {
        case .overview where EmptyDataScreen.applies(to: state): EmptyDataScreen.draw(state, on: &canvas, in: main)
        case .overview: OverviewScreen.draw(state, now: now, on: &canvas, in: main)
        case .platform(let platform): PlatformScreen.draw(state, platform: platform, now: now, on: &canvas, in: main)
        case .kpi(let kpi, _): KPIScreen.draw(state, kpi: kpi, now: now, on: &canvas, in: main)
        case .goals: GoalsScreen.draw(state, on: &canvas, in: main)
        case .post(let post): PostScreen.draw(state, post: post, on: &canvas, in: main)
        }

        switch state.overlay {
        case .help: HelpOverlay.draw(themeName: sheet.theme.name, scroll: state.overlayRow, on: &canvas, in: canvas.bounds)
        case .platformPicker: PlatformPickerOverlay.draw(state, on: &canvas, in: main)
        case .rejections: RejectionsOverlay.draw(state, on: &canvas, in: main)
        case .alerts: AlertsOverlay.draw(state, on: &canvas, in: main)
        case .windowPicker: WindowPickerOverlay.draw(state, on: &canvas, in: main)
        case .brandPicker: BrandPickerOverlay.draw(state, on: &canvas, in: main)
        case nil: break
        }
        if sheet.options.asciiOnly { canvas.buffer.replaceNonASCII() }
        return canvas
    }
}

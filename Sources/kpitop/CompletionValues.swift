import Foundation
import KPIEngine
import KPIView

/// The values shell completion offers for options that take one.
enum CompletionValues {
    /// The window presets `--window` offers (any `Nd` works too).
    static let windows = ["1d", "7d", "28d", "90d", "mtd", "qtd", "all"]

    /// The refresh intervals `--refresh` offers (any from 100ms to 60s works).
    static let refreshIntervals = ["250ms", "500ms", "1s", "2s", "5s", "10s"]

    /// The names of every theme found (the shipped ones and the user's own).
    static var themes: [String] { ThemeLoader.catalog().map(\.name) }

    /// Yesterday (the default anchor) and the six days before it, newest first, in the
    /// system's time zone.
    static var recentDays: [String] {
        let today = DayClock.system.day(ofEpochMilliseconds: currentMilliseconds())
        return (1...7).map { today.adding(days: -$0).description }
    }
}

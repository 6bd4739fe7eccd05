import KPIEngine

/// What the window picker (`W`) offers: the usual lengths, the month and the quarter to
/// date; any other number of days is typed.
enum WindowChoices {
    static let presets: [WindowLength] = [.days(1), .days(7), .days(28), .days(90), .all, .toDate(.month),
                                          .toDate(.quarter)]

    /// `28 days`, `all the data`, `month to date`...
    static func label(_ window: WindowLength) -> String {
        switch window {
        case .days(1): "1 day"
        case .days(let n): "\(n) days"
        case .all: "all the data"
        case .toDate(.month): "month to date"
        case .toDate(.quarter): "quarter to date"
        }
    }

    /// The window the typed digits name; nil when they name none (empty, 0, too many days).
    static func typed(_ draft: String) -> WindowLength? {
        draft.isEmpty ? nil : WindowLength(draft + "d")
    }
}

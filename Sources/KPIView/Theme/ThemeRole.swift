/// The semantic colours a theme defines. The raw value is the key in a theme's `[colors]` table.
public enum ThemeRole: String, CaseIterable, Sendable {
    /// Fills the whole screen behind everything.
    case background
    /// Ordinary text: titles and values.
    case text
    /// Secondary text: labels, hints, dates, blank values.
    case muted
    /// Focused panel borders, the breadcrumb, key names in hints.
    case accent
    /// A change for the better (▲ revenue, ▼ CPA).
    case good
    /// A change for the worse.
    case bad
    /// Rejected rows, demo data, anchored windows: things to notice.
    case warning
    /// Unfocused panel borders and separators.
    case border
    /// Background of the selected row.
    case selection
    /// Charts: the colour of the lowest values...
    case graphLow = "graph_low"
    /// ...of the middle values...
    case graphMid = "graph_mid"
    /// ...and of the highest values.
    case graphHigh = "graph_high"
}

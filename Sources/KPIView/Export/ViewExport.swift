/// The view on screen as two files: a Markdown document of its tables, and a CSV of the
/// list that has the keyboard (raw numbers, for spreadsheets).
public struct ViewExport: Equatable, Sendable {
    /// A file name without its extension: `kpitop-instagram-28d-2026-11-23`.
    public var name: String
    public var markdown: String
    public var csv: String

    public init(name: String, markdown: String, csv: String) {
        self.name = name
        self.markdown = markdown
        self.csv = csv
    }
}

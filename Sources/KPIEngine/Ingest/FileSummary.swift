/// What one data file turned out to be, for `kpitop check`'s line per file: the export it
/// was recognised as, its platforms and where they came from, how many rows it gave and the
/// days they cover. The parser keeps it up to date as it reads.
public struct FileSummary: Sendable, Equatable {
    /// Where a platform name came from.
    public enum PlatformOrigin: String, Sendable {
        case column = "from column"
        case mapping = "from mapping.toml"
        case header = "from header"
        case title = "from title line"
        case folder = "from folder"
        case fileName = "from file name"
        case none = "no platform found"
    }

    /// A platform of the file's rows and where it came from.
    public struct PlatformChoice: Sendable, Equatable {
        public var name: String
        public var origin: PlatformOrigin

        public init(name: String, origin: PlatformOrigin) {
            self.name = name
            self.origin = origin
        }
    }

    /// The platforms rows are given when they have no `platform` value of their own (one per
    /// section of a sectioned file), in file order.
    public var platforms: [PlatformChoice] {
        get { firstPlatform.map { [$0] + laterPlatforms } ?? [] }
        set {
            firstPlatform = newValue.first
            laterPlatforms = Array(newValue.dropFirst())
        }
    }
    // Stored properties in this order leave little padding between them (every file keeps a
    // summary).
    /// The first of ``platforms`` inline, the others in an array: most files have one platform,
    /// and an array of one was 56 bytes on the heap for each of them.
    private var firstPlatform: PlatformChoice?
    /// True when a `platform` column names each row's platform.
    public var hasPlatformColumn = false
    /// The export day, when the file needed one (dates without a year, a lifetime snapshot).
    public var exportDay: ExportDay?
    public var firstDay: Day?
    public var lastDay: Day?
    /// The export the header was recognised as ("YouTube Studio"), if any.
    public var shape: String?
    private var laterPlatforms: [PlatformChoice] = []
    /// Source rows read (a period total spread over several days counts once).
    public var rows = 0
    /// Why rows could not be dated: the first such reason, kept for the sentence `check`
    /// prints when no row of the file could be.
    public var timeProblem: String?

    public init() {}

    /// Counts one source row covering `first...last`.
    mutating func count(from first: Day, to last: Day) {
        rows += 1
        firstDay = min(firstDay ?? first, first)
        lastDay = max(lastDay ?? last, last)
    }

    /// Records a platform the file's rows default to.
    mutating func addPlatform(_ name: String, origin: PlatformOrigin) {
        let choice = PlatformChoice(name: name, origin: origin)
        if !platforms.contains(choice) { platforms.append(choice) }
    }

    /// This summary followed by `later`, the summary of the rest of the same file read apart.
    func followed(by later: FileSummary) -> FileSummary {
        var merged = later
        merged.rows += rows
        merged.firstDay = [firstDay, later.firstDay].compactMap { $0 }.min()
        merged.lastDay = [lastDay, later.lastDay].compactMap { $0 }.max()
        merged.timeProblem = timeProblem ?? later.timeProblem
        merged.platforms = platforms + later.platforms.filter { !platforms.contains($0) }
        return merged
    }

    /// When no row of the file could be dated although some were rejected for it: one plain
    /// sentence saying why and what to do; nil otherwise.
    public var undatedExplanation: String? {
        guard rows == 0, let timeProblem else { return nil }
        return "No row could be dated (\(timeProblem)). Export the file with a date column, or give it one in "
            + "mapping.toml ([[file]] match = \"<name>\" with [file.values] date = \"YYYY-MM-DD\")."
    }
}

extension FileSummary {
    /// `check`'s line for the file at `path`: "Table data.csv: youtube (from header), 24 rows,
    /// dates Apr 11, 2020..Jun 18, 2021".
    public func line(path: String) -> String {
        var parts: [String] = []
        if hasPlatformColumn {
            parts.append("platform from column")
        } else if platforms.isEmpty {
            parts.append("no platform")
        } else {
            parts.append(platforms.map { "\($0.name) (\($0.origin.rawValue))" }.joined(separator: ", "))
        }
        parts.append(rows == 1 ? "1 row" : "\(rows) rows")
        if let firstDay, let lastDay {
            parts.append(firstDay == lastDay ? "date \(Self.format(firstDay))"
                : "dates \(Self.format(firstDay))..\(Self.format(lastDay))")
        }
        return "\(path): " + parts.joined(separator: ", ")
    }

    /// `Apr 11, 2020`.
    static func format(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.civil
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(months[month - 1]) \(dayOfMonth), \(year)"
    }
}

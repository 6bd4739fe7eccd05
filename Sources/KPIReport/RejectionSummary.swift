import KPIEngine

/// Rejected rows grouped for people: per file, runs of consecutive lines refused for the same
/// reason become one entry, so a file with 500 rows and no time column is one line, not 500.
public struct RejectionSummary: Sendable, Equatable {
    /// A run of rejected lines of one file with one reason.
    public struct Group: Sendable, Equatable {
        public var file: String
        public var firstLine: Int
        public var lastLine: Int
        public var count: Int
        public var reason: String

        /// `file:12`, `file:2-501 (500 rows)` or `file` for a whole-file problem.
        public var location: String {
            if firstLine == 0 { return file }
            if count == 1 { return "\(file):\(firstLine)" }
            return "\(file):\(firstLine)-\(lastLine) (\(count) rows)"
        }
    }

    public var groups: [Group] = []

    /// Groups rejections (sorted by file and line).
    public init(_ rejections: [Rejection]) {
        for r in rejections {
            if var last = groups.last, last.file == r.file, last.reason == r.reason, r.line > 0, last.firstLine > 0 {
                last.lastLine = r.line
                last.count += 1
                groups[groups.count - 1] = last
            } else {
                groups.append(Group(file: r.file, firstLine: r.line, lastLine: r.line, count: 1, reason: r.reason))
            }
        }
    }

    /// Rejected rows per file, files in order.
    public static func countsByFile(_ rejections: [Rejection]) -> [(file: String, count: Int)] {
        var out: [(file: String, count: Int)] = []
        for r in rejections where r.line > 0 {
            if out.last?.file == r.file { out[out.count - 1].count += 1 } else { out.append((r.file, 1)) }
        }
        return out
    }
}

/// What the engine is doing, for the dashboard header and status line.
public struct EngineStatus: Sendable, Equatable {
    /// How changes in the data directory are noticed.
    public enum WatchMode: String, Sendable {
        case inotify
        case polling
        /// A one-shot read (`report`, `check`).
        case none
    }

    /// The data directory as the user gave it.
    public var dataDirectory: String
    /// True when the data is the built-in demo.
    public var isDemo: Bool
    public var watchMode: WatchMode
    /// Why polling is used, when it is ("network file system", "watch limit reached"...).
    public var watchNote: String?
    /// First-load progress; nil once the first load is complete.
    public var loading: LoadProgress?
    /// While the first load runs, where the numbers shown come from (nil: there are none yet,
    /// or the load is complete).
    public var provisional: ProvisionalNumbers?
    /// When the data last changed (ms since the epoch), nil before the first load ends.
    public var updatedAt: Int64?
    /// What keeps the engine from reading or following the data; empty when all is well.
    /// (Polling instead of inotify is `watchMode` with its `watchNote`.)
    public var problems: [EngineProblem] = []

    /// The data directory's problem, when it cannot be read.
    public var unreadableDirectory: (path: String, reason: String)? {
        for case .unreadableDirectory(let path, let reason) in problems { return (path, reason) }
        return nil
    }

    public init(dataDirectory: String, isDemo: Bool = false, watchMode: WatchMode = .none,
                watchNote: String? = nil, loading: LoadProgress? = nil, updatedAt: Int64? = nil) {
        self.dataDirectory = dataDirectory
        self.isDemo = isDemo
        self.watchMode = watchMode
        self.watchNote = watchNote
        self.loading = loading
        self.updatedAt = updatedAt
    }
}

/// Progress of a load: files and bytes done out of the total.
public struct LoadProgress: Sendable, Equatable {
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int64
    public var bytesTotal: Int64

    public init(filesDone: Int, filesTotal: Int, bytesDone: Int64, bytesTotal: Int64) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
    }

    /// 0...1 by bytes.
    public var fraction: Double { bytesTotal > 0 ? min(1, Double(bytesDone) / Double(bytesTotal)) : 0 }
}

/// Numbers shown before the first load of the data directory is complete.
public enum ProvisionalNumbers: Sendable, Equatable {
    /// A first look at the starts of the files: partial (``DataLoader``).
    case firstLook
    /// The last run's numbers, kept by the ``RestartCache``: the files have not changed since.
    case lastRun
}

@testable import KPIEngine

/// Builds stores from rows, without files, for KPI tests.
enum StoreFixture {
    static let utc = DayClock(identifier: "UTC")!
    static let d0 = Day(iso: "2026-11-01")!

    /// A metrics row on `day` (an offset from `d0`) with the given values.
    static func row(_ platform: String, day offset: Int, id: String? = nil, title: String? = nil,
                    followers: Double? = nil, hour: Int = 12, line: Int = 1,
                    _ values: [MetricField: Double] = [:]) -> MetricsRow {
        var v = MetricValues.zero
        for (field, value) in values { v[field] = value }
        let day = d0.adding(days: offset)
        return MetricsRow(platform: platform, day: day, time: ms(day, hour: hour), id: id, title: title,
                          values: v, followers: followers, line: line)
    }

    /// Milliseconds at `hour`:00 UTC of `day`.
    static func ms(_ day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Int64 {
        (Int64(day.number) * 86_400 + Int64(hour * 3600 + minute * 60 + second)) * 1000
    }

    static func file(_ path: String, mtime: Int64 = 0, rows: [MetricsRow] = [],
                     inquiries: [ServiceRow] = []) -> FileContribution {
        var f = FileContribution(path: path, modificationTime: mtime)
        for r in rows { f.metrics(r) }
        for s in inquiries { f.service(s) }
        return f
    }

    static func snapshot(_ files: [FileContribution], window: WindowLength = .days(7), asOf offset: Int = 13) -> KPISnapshot {
        var store = MetricsStore(clock: utc)
        for f in files { store.set(f) }
        return store.snapshot(SnapshotRequest(window: window, asOf: d0.adding(days: offset), now: ms(d0.adding(days: 30))))
    }
}

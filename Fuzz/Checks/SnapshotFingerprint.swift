import KPIEngine
import KPIReport

/// A snapshot written out in full: the JSON report, then what it leaves out (daily values,
/// posts, rejections with their lines, the newest data per platform), so that two snapshots
/// are the same exactly when their texts are.
enum SnapshotFingerprint {
    /// True when every field the text shows is equal (a NaN anywhere makes this false).
    static func same(_ a: KPISnapshot, _ b: KPISnapshot) -> Bool {
        a.asOf == b.asOf && a.anchoredOnNewest == b.anchoredOnNewest && a.window == b.window
            && a.timeZone == b.timeZone && a.platforms == b.platforms && a.kpis == b.kpis && a.posts == b.posts
            && a.newestData == b.newestData && a.rejectedRows == b.rejectedRows && a.rejections == b.rejections
            && a.fileCount == b.fileCount && a.goals == b.goals && a.alerts == b.alerts
    }

    static func text(of snapshot: KPISnapshot) -> String {
        var lines = [JSONReport.render(snapshot)]
        for platform in [KPISnapshot.allPlatforms] + snapshot.platforms {
            for kpi in KPI.allCases {
                lines.append("daily \(platform) \(kpi.id): \(snapshot.value(kpi, platform: platform).daily)")
            }
        }
        for platform in snapshot.posts.keys.sorted() {
            for post in snapshot.posts[platform] ?? [] { lines.append("post \(platform): \(post)") }
        }
        for platform in snapshot.newestData.keys.sorted() {
            lines.append("newest \(platform): \(snapshot.newestData[platform]!)")
        }
        lines.append("rejected rows: \(snapshot.rejectedRows)")
        for rejection in snapshot.rejections {
            lines.append("rejected \(rejection.file):\(rejection.line): \(rejection.reason)")
        }
        return lines.joined(separator: "\n")
    }
}

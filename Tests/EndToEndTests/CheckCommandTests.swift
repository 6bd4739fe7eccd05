import Foundation
import Testing

/// `kpitop check` on exports dropped in as they come: one line per file saying what it was
/// read as, and one plain sentence for a file none of whose rows could be dated.
@Suite struct CheckCommandTests {
    @Test func onePerFileLineAndASentenceForAnUndatedFile() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("kpitop-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: data) }
        try """
            Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,Impressions click-through rate (%)
            Total,,,,1500,60,6,9800,3.1
            aB3dE5gH7jK,"Knots, part one","Apr 29, 2020",312,900,40,5,6000,4.2
            xY9zW8vU7t1,Boot care,"Jan 5, 2021",48,600,20,1,3800,2.6

            """.write(to: data.appendingPathComponent("Table data.csv"), atomically: true, encoding: .utf8)
        try "Date,Likes\nLifetime,3\nLifetime,4\n".write(to: data.appendingPathComponent("posts.csv"),
                                                          atomically: true, encoding: .utf8)
        let run = try CommandRun(["check", "--data", data.path, "--tz", "UTC"],
                                 environment: ["HOME": data.path, "XDG_CONFIG_HOME": data.path, "TZ": "UTC"])
        #expect(run.status == 1, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("Table data.csv: youtube (from header), 2 rows, dates Apr 29, 2020..Jan 5, 2021"))
        #expect(lines.contains("posts.csv: unknown (no platform found), 0 rows"))
        #expect(lines.contains { $0.hasPrefix("  No row could be dated (unparsable time 'Lifetime'). Export the file with a date column") })
        #expect(lines.contains("posts.csv:2-3 (2 rows): unparsable time 'Lifetime'"))
    }
}

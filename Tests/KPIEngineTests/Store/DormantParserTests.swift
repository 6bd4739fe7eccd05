import Foundation
import Testing
@testable import KPIEngine
@testable import KPIReport

/// A small file read to its end keeps no parser; when it grows, the parser is made again from
/// the bytes already read, and the result is what a file followed with its parser gives.
@Suite struct DormantParserTests {
    static let context = IngestContext(clock: DayClock(identifier: "UTC")!)

    @Test func aSmallFileSleepsAndWakesToTheSameNumbers() throws {
        let root = try TemporaryDirectory()
        let path = root.path + "/Overview.csv"
        // A TikTok overview: dates without a year and a decimal comma decided on line 3.
        try "sep=;\nDate;Video Views;Profile Views;Likes;Comments;Shares\nDecember 30;1,5;0;0;-2;0\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        var file = TrackedFile(path: "Overview.csv")
        var store = MetricsStore(clock: Self.context.clock, interning: Self.context.interning)
        file.refresh(root: root.path, context: Self.context, store: &store)
        file.sleepIfSmall()
        #expect(file.isDormant == !file.hasPendingLine)

        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("December 31;2,25;1;3;4;5\nJanuary 1;7;0;1;1;1\n".utf8))
        try handle.close()
        #expect(file.refresh(root: root.path, context: Self.context, store: &store) == .appended)
        store.setPendingLine(file.pendingLineContribution(context: Self.context), for: file.path)

        let cold = try DataLoader(root: root.path, context: Self.context).load()
        let request = SnapshotRequest(window: .all, now: 0)
        #expect(JSONReport.render(store.snapshot(request)) == JSONReport.render(cold.snapshot(request)))
        #expect(store.rejections == cold.rejections)
    }
}

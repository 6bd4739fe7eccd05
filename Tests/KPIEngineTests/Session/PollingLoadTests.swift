import Foundation
import Glibc
import Testing
import KPIDemo
@testable import KPIEngine

/// The polling fallback (network file systems, `--poll`) under load: several writers append
/// many rows, in pieces that split lines, while a session polls the directory; once they stop,
/// the session's totals are exact and equal a cold read.
@Suite(.serialized) struct PollingLoadTests {
    static let request = SnapshotRequest(window: .days(28), asOf: Day(iso: "2026-11-20")!, now: 0)
    static let writers = 4
    static let rowsPerWriter = 25_000

    /// The rows of writer `index`: one a row for each of 10 days, 1 like and `index + 1`
    /// impressions each, a platform of its own; every 1,000th row is bad.
    static func text(writer index: Int) -> [UInt8] {
        var text = ""
        for row in 1...rowsPerWriter {
            text += "2026-11-\(11 + row % 10),1,\(index + 1)\n"
            if row % 1_000 == 0 { text += "2026-11-20,many,1\n" }
        }
        return Array(text.utf8)
    }

    @Test func manyAppendsWhilePollingGiveExactTotals() throws {
        let root = try ScratchDirectory()
        defer { root.remove() }
        for index in 0..<Self.writers {
            root.makeDirectory("p\(index)")
            root.append("p\(index)/rows.csv", "date,likes,impressions\n")
        }
        let context = IngestContext(clock: DayClock(identifier: "UTC")!)
        let session = try EngineSession(
            root: root.path, context: context, status: EngineStatus(dataDirectory: root.path), request: Self.request,
            options: .init(watcher: .init(forcePolling: true, pollInterval: .milliseconds(50)),
                           completeLinesAfter: .milliseconds(300)),
            now: { 0 })
        session.start()
        defer { session.stop() }

        DispatchQueue.concurrentPerform(iterations: Self.writers) { index in
            let bytes = Self.text(writer: index)
            let descriptor = open(root.absolute("p\(index)/rows.csv"), O_WRONLY | O_APPEND)
            defer { close(descriptor) }
            var generator = SplitMix64(seed: UInt64(index) + 1)
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + 1 + Int(generator.next() % 4096))
                _ = bytes[offset..<end].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                offset = end
                if generator.next() % 8 == 0 { usleep(UInt32(generator.next() % 2000)) }
            }
        }

        var coldStore = try DataLoader(root: root.path, context: context).load()
        let cold = coldStore.snapshot(Self.request)
        let rows = Double(Self.writers * Self.rowsPerWriter)
        #expect(cold.value(.likes).value == rows)
        #expect(cold.value(.impressions).value == Double(Self.rowsPerWriter * (1 + 2 + 3 + 4)))
        #expect(cold.rejectedRows == Self.writers * Self.rowsPerWriter / 1_000)

        let deadline = Date().addingTimeInterval(20)
        var live = session.latest().snapshot
        while Date() < deadline, live.map({ !LiveStressTests.same($0, cold) }) ?? true {
            Thread.sleep(forTimeInterval: 0.05)
            live = session.latest().snapshot
        }
        let settled = try #require(live)
        #expect(session.latest().status.watchMode == .polling)
        #expect(settled.value(.likes).value == rows)
        #expect(settled.rejectedRows == cold.rejectedRows)
        for name in [KPISnapshot.allPlatforms] + cold.platforms {
            for kpi in KPI.allCases {
                #expect(settled.value(kpi, platform: name) == cold.value(kpi, platform: name), "\(name) \(kpi.id)")
            }
        }
    }
}

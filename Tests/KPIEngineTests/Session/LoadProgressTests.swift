import Foundation
import Synchronization
import Testing
@testable import KPIEngine

/// The first load reports files and bytes as it goes, so a big directory shows a moving bar.
@Suite struct LoadProgressTests {
    @Test func reportsTheListingThenBytesWithinFilesThenEveryFile() throws {
        let root = try ScratchDirectory()
        defer { root.remove() }
        let row = "2026-11-20,1000,700,30,4,2,1\n"
        let big = "date,impressions,reach,likes,comments,shares,saves\n"
            + String(repeating: row, count: 3 * DataLoader.chunkSize / row.utf8.count)
        root.append("instagram.csv", big)
        let small = "date,impressions\n2026-11-20,5\n"
        root.append("x.csv", small)
        let total = Int64(big.utf8.count + small.utf8.count)

        let reports = Mutex<[LoadProgress]>([])
        let loader = DataLoader(root: root.path, context: IngestContext(clock: DayClock(identifier: "UTC")!))
        _ = try loader.readAll { progress in reports.withLock { $0.append(progress) } }
        let seen = reports.withLock { $0 }

        #expect(seen.first == LoadProgress(filesDone: 0, filesTotal: 2, bytesDone: 0, bytesTotal: total))
        #expect(seen.last == LoadProgress(filesDone: 2, filesTotal: 2, bytesDone: total, bytesTotal: total))
        // While the big file is read (the small one may be done or not): some of its bytes.
        #expect(seen.contains { $0.filesDone < 2 && $0.bytesDone > small.utf8.count && $0.bytesDone < total },
                "no report while the big file was being read")
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.bytesDone <= $1.bytesDone && $0.filesDone <= $1.filesDone })
    }
}

import Foundation
import Testing
@testable import KPIDemo
@testable import KPIEngine
@testable import KPIReport

/// The store keeps its rollups by differences. Whatever the order of creations, appends,
/// rewrites, touches, pending last lines and deletions, it must give exactly what a store
/// built cold from the final files gives.
@Suite struct IncrementalEqualsColdTests {
    typealias F = StoreFixture

    /// A file as the test knows it: its modification time, its records in line order, and a
    /// pending last line.
    struct FileModel {
        var mtime: Int64
        var records: [Record]
        var pending: Record?
    }

    enum Record {
        case metrics(MetricsRow)
        case service(ServiceRow)
        case rejected(Int)
    }

    struct Generator {
        var random: SplitMix64

        mutating func int(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

        mutating func record(line: Int) -> Record {
            let platform = ["fb", "instagram", "x"][int(3)]
            switch int(10) {
            case 0:
                let opened = F.ms(F.d0.adding(days: int(20)), hour: int(24))
                return .service(ServiceRow(
                    platform: platform, id: int(3) == 0 ? nil : "t\(int(6))", openedAt: opened,
                    firstResponseAt: int(2) == 0 ? nil : opened + Int64(int(90_000)) * 1000,
                    resolvedAt: int(3) == 0 ? nil : opened + Int64(int(900_000)) * 1000,
                    csat: int(2) == 0 ? nil : Double(1 + int(5)), sentiment: [nil, .positive, .negative, .neutral][int(4)],
                    line: line))
            case 1:
                return .rejected(line)
            default:
                var values = MetricValues.zero
                for field in [MetricField.impressions, .reach, .likes, .clicks, .revenue, .spend] where int(3) > 0 {
                    values[field] = field.isMoney ? Double(int(100_000)) / 100 : Double(int(5000))
                }
                values[.interactions] = values[.likes]
                var row = F.row(platform, day: int(20), id: int(3) == 0 ? "p\(int(8))" : nil,
                                title: int(2) == 0 ? "title \(int(5))" : nil,
                                followers: int(4) == 0 ? Double(int(10_000)) : nil, hour: int(24), line: line)
                row.values = values
                row.isLifetimeSnapshot = row.id != nil && int(5) == 0
                row.currency = int(10) == 0 ? .eur : .usd
                if row.id != nil, int(2) == 0 {
                    row.facts = PostFacts(publishedAt: int(2) == 0 ? F.ms(F.d0.adding(days: int(20)), hour: int(24)) : nil,
                                          type: [nil, "Photo", "Reels"][int(3)],
                                          permalink: int(2) == 0 ? "https://ex.example/\(int(3))" : nil)
                }
                return .metrics(row)
            }
        }
    }

    static func feed(_ record: Record, into file: inout FileContribution) {
        switch record {
        case .metrics(let row): file.metrics(row)
        case .service(let row): file.service(row)
        case .rejected(let line): file.rejected(line: line, reason: "bad row")
        }
    }

    static func contribution(_ path: String, _ model: FileModel, interning: Interning) -> FileContribution {
        var file = FileContribution(path: path, modificationTime: model.mtime, interning: interning,
                                    hourlyFrom: F.d0.adding(days: 15), clock: F.utc)
        for record in model.records { feed(record, into: &file) }
        return file
    }

    static func pending(_ path: String, _ model: FileModel, interning: Interning) -> FileContribution? {
        guard let record = model.pending else { return nil }
        var file = FileContribution(path: path, modificationTime: model.mtime, interning: interning,
                                    hourlyFrom: F.d0.adding(days: 15), clock: F.utc)
        feed(record, into: &file)
        return file
    }

    static func cold(_ files: [String: FileModel]) -> MetricsStore {
        var store = MetricsStore(clock: F.utc)
        for (path, model) in files.sorted(by: { $0.key < $1.key }).reversed() {
            store.set(contribution(path, model, interning: store.interning))
            store.setPendingLine(pending(path, model, interning: store.interning), for: path)
        }
        return store
    }

    static func render(_ store: MetricsStore) -> [String] {
        [SnapshotRequest(window: .days(7), asOf: F.d0.adding(days: 13), now: F.ms(F.d0.adding(days: 16), hour: 12)),
         SnapshotRequest(window: .all, asOf: F.d0.adding(days: 19), now: 0)].map { request in
            let s = store.snapshot(request)
            let posts = s.platforms.flatMap { s.posts[$0] ?? [] }
            let details = posts.map { post in
                KPICalculator(store: store).postDetail(PostReference(platform: post.platform, id: post.id), window: s.window)
                    .map { "\($0)" } ?? "none"
            }
            return JSONReport.render(s) + "\n" + posts.map { "\($0)" }.joined(separator: "\n")
                + "\n" + details.joined(separator: "\n") + "\n\(s.rejections)"
        }
    }

    @Test(arguments: 0..<12)
    func randomChangesGiveWhatAColdStoreGives(seed: Int) {
        var g = Generator(random: SplitMix64(seed: UInt64(seed) &* 7919 &+ 1))
        var files: [String: FileModel] = [:]
        var store = MetricsStore(clock: F.utc)
        var clock: Int64 = 1
        for step in 0..<30 {
            let path = "f\(g.int(5)).csv"
            clock += Int64(g.int(2))   // equal modification times happen: the path decides
            switch (files[path] == nil, g.int(6)) {
            case (true, _), (false, 0):
                let model = FileModel(mtime: clock, records: (0..<g.int(25)).map { g.record(line: $0 + 2) })
                files[path] = model
                store.set(Self.contribution(path, model, interning: store.interning))
            case (false, 1):
                files[path] = nil
                store.remove(path: path)
            case (false, 2):
                files[path]!.mtime = clock
                store.update(path: path) { $0.modificationTime = clock }
            case (false, 3):
                files[path]!.pending = g.record(line: files[path]!.records.count + 2)
                store.setPendingLine(Self.pending(path, files[path]!, interning: store.interning), for: path)
            default:
                let added = (0..<(1 + g.int(8))).map { g.record(line: files[path]!.records.count + 2 + $0) }
                files[path]!.records += added
                files[path]!.mtime = clock
                files[path]!.pending = nil
                store.setPendingLine(nil, for: path)
                store.update(path: path) { file in
                    file.modificationTime = clock
                    for record in added { Self.feed(record, into: &file) }
                }
            }
            let live = Self.render(store), cold = Self.render(Self.cold(files))
            if live != cold {
                try? live.joined(separator: "\n=====\n").write(toFile: "/tmp/live.txt", atomically: true, encoding: .utf8)
                try? cold.joined(separator: "\n=====\n").write(toFile: "/tmp/cold.txt", atomically: true, encoding: .utf8)
            }
            let firstDifference = zip(live.joined().split(separator: "\n"), cold.joined().split(separator: "\n"))
                .first { $0 != $1 }
            #expect(live == cold, "seed \(seed), step \(step): live \(firstDifference?.0 ?? "") vs cold \(firstDifference?.1 ?? "")")
            if live != cold { return }
        }
    }
}

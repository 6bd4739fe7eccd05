import Testing
@testable import KPIDemo
@testable import KPIEngine

@Suite struct RobustnessTests {
    @Test(arguments: [nil, 4096, 100_000])
    func lineOverOneMebibyteIsRejectedAndSkipped(chunkSize: Int?) {
        let long = "2026-11-20," + String(repeating: "9", count: 1 << 20) + "\n"
        let quotedLong = "2026-11-20,\"" + String(repeating: "a\n", count: 600_000) + "\"\n"
        let text = "date,likes\n2026-11-19,1\n" + long + "2026-11-21,2\n" + quotedLong + "2026-11-22,3\n"
        let sink = Ingest.parse(text, chunkSize: chunkSize)
        #expect(sink.rejections.first?.line == 3)
        #expect(sink.rejections.first?.reason == "line longer than 1 MiB")
        #expect(sink.metricsRows.first?.values[.likes] == 1)
        #expect(sink.metricsRows.contains { $0.values[.likes] == 2 && $0.line == 4 })
        #expect(sink.metricsRows.last?.values[.likes] == 3)
    }

    @Test func randomBytesAndTruncatedFilesNeverCrash() {
        var generator = SplitMix64(seed: 20_261_123)
        let sample = Array("date,platform,title,likes,reach\n2026-11-20,ig,\"a, \"\"b\"\"\",1,\"1,234\"\n2026-11-21,fb,x,2,3\n".utf8)
        for round in 0..<300 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int(generator.next() % 400)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            } else {
                bytes = Array(sample.prefix(Int(generator.next() % UInt64(sample.count))))
                if !bytes.isEmpty { bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next()) }
            }
            let path = round % 3 == 0 ? "r/a.jsonl" : "r/a.csv"
            let chunk = 1 + Int(generator.next() % 64)
            let sink = Ingest.parse(bytes, path: path, chunkSize: chunk)
            #expect(sink.metricsRows.count + sink.serviceRows.count + sink.rejections.count <= bytes.count + 1)
        }
    }
}

import Testing
@testable import KPIEngine

@Suite struct JSONLinesTests {
    @Test func objectsDecideTheirOwnKind() throws {
        let text = """
            {"date":"2026-11-20","platform":"fb","impressions":1200,"likes":"15","title":"Caf\\u00e9 \\"ol\\u00e9\\"","tags":["a",{"b":1}],"meta":{"x":[1,2]}}
            {"opened_at":"2026-11-20T09:00:00Z","first_response_at":"2026-11-20T09:30:00Z","csat":5}

            {"timestamp":1795183500000,"reach":null,"shares":2.5e1}
            """
        let sink = Ingest.parse(text, path: "mixed/events.jsonl")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.count == 2 && sink.serviceRows.count == 1)
        let first = sink.metricsRows[0]
        #expect(first.platform == "facebook" && first.title == "Café \"olé\"")
        #expect(first.values[.impressions] == 1200 && first.values[.likes] == 15)
        let second = sink.metricsRows[1]
        #expect(second.platform == "mixed" && second.line == 4 && second.time == 1_795_183_500_000)
        #expect(second.values[.reach] == nil && second.values[.shares] == 25)
        #expect(sink.serviceRows[0].csat == 5 && sink.serviceRows[0].platform == "mixed")
    }

    @Test func invalidAndIncompleteObjectsAreRejected() {
        let text = """
            {"date":"2026-11-20","likes":1
            [1,2,3]
            {"date":"2026-11-20","likes":true}
            {"colour":"red"}
            {"likes":3}
            {"date":"2026-11-20","likes":1} trailing
            """
        let sink = Ingest.parse(text, path: "x/a.ndjson")
        #expect(sink.metricsRows.isEmpty)
        #expect(sink.rejections.map(\.line) == [1, 2, 3, 4, 5, 6])
        #expect(sink.rejectionReasons[1] == "not a JSON object")
        #expect(sink.rejectionReasons[2] == "not a number in likes: 'true'")
        #expect(sink.rejectionReasons[3] == "not a kpitop record: no time or metric column")
        #expect(sink.rejectionReasons[4].hasPrefix("no time column"))
    }
}

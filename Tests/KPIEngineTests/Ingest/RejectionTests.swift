import Testing
@testable import KPIEngine

@Suite struct RejectionTests {
    private func reasons(_ rows: String, header: String = "date,likes,revenue,followers") -> [String] {
        Ingest.parse(header + "\n" + rows + "\n").rejectionReasons
    }

    @Test func badValuesRejectTheRowNotTheFile() {
        let sink = Ingest.parse("date,likes\n2026-11-20,abc\n2026-11-21,4\n")
        #expect(sink.rejections.map(\.line) == [2])
        #expect(sink.rejectionReasons == ["not a number in likes: 'abc'"])
        #expect(sink.metricsRows.count == 1)
    }

    @Test func eachReason() {
        #expect(reasons("2026-11-20,-3,,") == ["negative likes"])
        #expect(reasons("2026-11-20,,,-10") == ["negative followers"])
        #expect(reasons("2026-11-20,inf,,") == ["not a finite number in likes: 'inf'"])
        #expect(reasons("2026-11-20,," + String(repeating: "x", count: 50) + ",")
            == ["not a number in revenue: '" + String(repeating: "x", count: 40) + "'"])
        #expect(reasons("April 12,3,,").first?.hasPrefix("date without a year: 'April 12'") == true)
        #expect(reasons("someday,3,,") == ["unparsable time 'someday'"])
        #expect(reasons(",3,,") == ["no time"])
    }

    @Test func nanIsAPlaceholderForNoValue() {
        let sink = Ingest.parse("date,likes,shares\n2026-11-20,NaN,NAN\n")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.first?.values[.likes] == nil && sink.metricsRows.first?.values.present == 0)
    }

    @Test func negativeCountsStillRejectOutsideNetDailyExports() {
        #expect(reasons("2026-11-20,,,", header: "date,comments,b,c").isEmpty)
        #expect(reasons("2026-11-20,-1,,", header: "date,comments,b,c") == ["negative comments"])
        #expect(reasons("2026-11-20,-1,,", header: "date,net_growth,b,c").isEmpty)
    }

    @Test func refundsAndCreditsMayBeNegative() {
        let sink = Ingest.parse("date,revenue,spend\n2026-11-20,-12.5,-3\n")
        #expect(sink.metricsRows.first?.values[.revenue] == -12.5)
        #expect(sink.metricsRows.first?.values[.spend] == -3)
    }

    @Test func dateFallsBackToLaterTimeColumns() {
        let sink = Ingest.parse("Date,Publish time,Reach\nLifetime,2026-11-20T10:00:00Z,5\n,2026-11-21,6\n")
        #expect(sink.metricsRows.map(\.day) == [Ingest.day("2026-11-20"), Ingest.day("2026-11-21")])
    }

    @Test func headerWithMetricsButNoTimeRejectsEveryRowWithOneReason() {
        let sink = Ingest.parse("likes,shares\n1,2\n3,4\n")
        #expect(sink.rejections.map(\.line) == [2, 3])
        #expect(Set(sink.rejectionReasons).count == 1)
        #expect(sink.rejectionReasons[0].hasPrefix("no time column (expected date, timestamp"))
    }

    @Test func fileThatIsNotDataIsOneRejection() {
        let sink = Ingest.parse("name,colour\nboot,brown\nsock,red\n")
        #expect(sink.rejections.count == 1)
        #expect(sink.rejections[0].line == 0)
        #expect(sink.rejections[0].reason == "not a kpitop data file: no time or metric column")
    }

    @Test func interactionsFallBackToEngagements() {
        let sink = Ingest.parse("date,engagements,likes\n2026-11-20,40,\n2026-11-20,40,3\n2026-11-20,,\n")
        #expect(sink.metricsRows.map(\.values[.interactions]) == [40, 3, nil])
    }
}

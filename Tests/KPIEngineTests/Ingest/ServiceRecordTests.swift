import Testing
@testable import KPIEngine

@Suite struct ServiceRecordTests {
    private let header = "id,platform,opened_at,first_response_at,resolved_at,csat,sentiment\n"

    @Test func fullRecord() throws {
        let sink = Ingest.parse(header + "a1,IG,2026-11-20T09:00:00Z,2026-11-20T09:10:00Z,2026-11-20T10:00:00Z,4,0.6\n")
        let row = try #require(sink.serviceRows.first)
        #expect(row.id == "a1" && row.platform == "instagram")
        #expect(row.openedAt == Ingest.utcMilliseconds("2026-11-20", 9))
        #expect(row.firstResponseAt == Ingest.utcMilliseconds("2026-11-20", 9, 10))
        #expect(row.resolvedAt == Ingest.utcMilliseconds("2026-11-20", 10))
        #expect(row.csat == 4 && row.sentiment == .positive && row.line == 2)
    }

    @Test func sentimentWordsAndNumbers() {
        let sink = Ingest.parse(header + "1,x,2026-11-20,,,,Negative\n2,x,2026-11-20,,,,neutral\n3,x,2026-11-20,,,,-0.2\n4,x,2026-11-20,,,,\n")
        #expect(sink.serviceRows.map(\.sentiment) == [.negative, .neutral, .negative, nil])
    }

    @Test func rejections() {
        let sink = Ingest.parse(header
            + "1,x,2026-11-20T09:00:00Z,2026-11-20T08:00:00Z,,,\n"
            + "2,x,2026-11-20T09:00:00Z,,2026-11-19,,\n"
            + "3,x,2026-11-20,,,6,\n"
            + "4,x,2026-11-20,,,,1.5\n"
            + "5,x,,,,,\n"
            + "6,x,2026-11-20,,,great,\n"
            + "7,x,2026-11-20,,,,happy\n")
        #expect(sink.serviceRows.isEmpty)
        #expect(sink.rejectionReasons == [
            "first_response_at before opened_at", "resolved_at before opened_at", "csat outside 1..5: 6",
            "sentiment outside -1..1: 1.5", "no opened_at", "not a number in csat: 'great'", "not a sentiment: 'happy'",
        ])
    }

    /// Found by the CSV fuzz target: a reply time in minutes too large for an instant trapped.
    @Test func firstReplyMinutesBeyondAnyInstantAreRejected() {
        let sink = Ingest.parse("Created at,First reply minutes\n2026-11-20,888888888888888\n2026-11-20,1e400\n2026-11-20,30\n",
                                path: "zendesk.csv")
        #expect(sink.rejections.map(\.line) == [2, 3])
        #expect(sink.rejectionReasons.first == "first_reply_minutes out of range")
        #expect(sink.serviceRows.map(\.firstResponseAt) == [Ingest.utcMilliseconds("2026-11-20", 0, 30)])
    }

    @Test func aliasesAndZendeskScores() {
        let sink = Ingest.parse("Ticket,Created at,Responded at,Closed at,Rating\nt,2026-11-20,2026-11-20T01:00,,Not Offered\nu,2026-11-20,,,bad\n",
                                path: "zendesk.csv")
        #expect(sink.serviceRows.map(\.csat) == [nil, 1])
        #expect(sink.serviceRows.map(\.platform) == ["zendesk", "zendesk"])
        #expect(sink.serviceRows[0].firstResponseAt == Ingest.utcMilliseconds("2026-11-20", 1))
    }
}

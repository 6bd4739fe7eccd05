import Testing
@testable import KPIDemo
@testable import KPIEngine

@Suite struct DemoPartsTests {
    @Test func splitMixMatchesTheReferenceSequence() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func stochasticRoundingKeepsTheMean() {
        var random = SplitMix64(seed: 1)
        let total = (0..<10_000).reduce(0) { sum, _ in sum + random.roundStochastically(0.3) }
        #expect((2_800...3_200).contains(total))
    }

    @Test func localTimeText() {
        let time = LocalTime(day: Day(iso: "2026-11-23")!, secondOfDay: 14 * 3600 + 5 * 60 + 9)
        #expect(time.description == "2026-11-23T14:05:09")
        #expect(time.adding(seconds: 10 * 3600).description == "2026-11-24T00:05:09")
        #expect(LocalTime(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59")
    }

    @Test func ticketShowsOnlyWhatHasHappened() {
        var random = SplitMix64(seed: 3)
        let opened = LocalTime(day: Day(iso: "2026-11-23")!, secondOfDay: 9 * 3600)
        var ticket = DemoTicket(number: 1, platform: "x", openedAt: opened, random: &random)
        ticket.firstResponseAt = opened.adding(seconds: 600)
        ticket.resolvedAt = opened.adding(seconds: 7200)
        ticket.csat = 5
        ticket.sentiment = nil
        #expect(ticket.jsonLine(asOf: opened)
            == #"{"id":"T-100001","platform":"x","opened_at":"2026-11-23T09:00:00"}"# + "\n")
        #expect(ticket.nextChange(after: opened) == opened.adding(seconds: 600))
        #expect(ticket.jsonLine(asOf: opened.adding(seconds: 7200)) == """
            {"id":"T-100001","platform":"x","opened_at":"2026-11-23T09:00:00",\
            "first_response_at":"2026-11-23T09:10:00","resolved_at":"2026-11-23T11:00:00","csat":5}

            """)
        #expect(ticket.nextChange(after: opened.adding(seconds: 7200)) == nil)
    }

    @Test func csvQuotesOnlyWhenNeeded() {
        #expect(DemoCSV.line(["a", "b, c", "say \"hi\""]) == "a,\"b, c\",\"say \"\"hi\"\"\"\n")
        #expect(DemoCSV.money(12.345) == "12.35")
        #expect(DemoCSV.money(0.07) == "0.07")
    }
}

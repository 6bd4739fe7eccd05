import Testing
@testable import KPIEngine

@Suite struct DayClockTests {
    @Test func unknownZoneIsNil() {
        #expect(DayClock(identifier: "Mars/Olympus_Mons") == nil)
        #expect(DayClock(identifier: "Europe/Berlin")?.identifier == "Europe/Berlin")
    }

    @Test func instantNearMidnightFallsOnDifferentDaysByZone() {
        let instant = Ingest.utcMilliseconds("2026-03-29", 0, 30)
        #expect(Ingest.utc.day(ofEpochMilliseconds: instant) == Ingest.day("2026-03-29"))
        #expect(Ingest.berlin.day(ofEpochMilliseconds: instant) == Ingest.day("2026-03-29"))
        let lateEvening = Ingest.utcMilliseconds("2026-11-20", 23, 30)
        #expect(Ingest.utc.day(ofEpochMilliseconds: lateEvening) == Ingest.day("2026-11-20"))
        #expect(Ingest.berlin.day(ofEpochMilliseconds: lateEvening) == Ingest.day("2026-11-21"))
        let newYork = DayClock(identifier: "America/New_York")!
        #expect(newYork.day(ofEpochMilliseconds: Ingest.utcMilliseconds("2026-11-21", 3)) == Ingest.day("2026-11-20"))
    }

    @Test func startOfDayFollowsDaylightSavingTime() {
        // Berlin: UTC+1 in winter, UTC+2 from 2026-03-29 01:00 UTC.
        #expect(Ingest.berlin.startOfDay(Ingest.day("2026-03-29")) == Ingest.utcMilliseconds("2026-03-28", 23))
        #expect(Ingest.berlin.startOfDay(Ingest.day("2026-03-30")) == Ingest.utcMilliseconds("2026-03-29", 22))
        #expect(Ingest.utc.startOfDay(Ingest.day("2026-03-29")) == Ingest.utcMilliseconds("2026-03-29"))
    }

    @Test func localTimesAcrossTransitions() {
        let springDay = Ingest.day("2026-03-29")
        // 01:30 exists (UTC+1); 02:30 is skipped and counts as 03:30 CEST; 04:00 is UTC+2.
        #expect(Ingest.berlin.epochMilliseconds(localDay: springDay, secondOfDay: 5400, milliseconds: 0)
            == Ingest.utcMilliseconds("2026-03-29", 0, 30))
        #expect(Ingest.berlin.epochMilliseconds(localDay: springDay, secondOfDay: 9000, milliseconds: 0)
            == Ingest.utcMilliseconds("2026-03-29", 1, 30))
        #expect(Ingest.berlin.epochMilliseconds(localDay: springDay, secondOfDay: 14400, milliseconds: 250)
            == Ingest.utcMilliseconds("2026-03-29", 2) + 250)
        // 02:30 on 2026-10-25 happens twice: the first (CEST) one is taken.
        #expect(Ingest.berlin.epochMilliseconds(localDay: Ingest.day("2026-10-25"), secondOfDay: 9000, milliseconds: 0)
            == Ingest.utcMilliseconds("2026-10-25", 0, 30))
    }

    @Test func instantsOutsideTheTableStillConvert() {
        let farFuture = Ingest.day("2150-07-01")
        let start = Ingest.berlin.startOfDay(farFuture)
        #expect(Ingest.berlin.day(ofEpochMilliseconds: start) == farFuture)
        #expect(Ingest.utc.day(ofEpochMilliseconds: -1) == Ingest.day("1969-12-31"))
    }
}

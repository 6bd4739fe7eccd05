import Testing
@testable import KPIEngine

@Suite struct TimeTextTests {
    private func read(_ text: String, clock: DayClock = Ingest.utc) -> TimeValue {
        var reader = TimeText(clock: clock)
        return Ingest.withField(text) { reader.parse($0) }
    }

    private func at(_ iso: String, _ ms: Int64) -> TimeValue { .time(day: Ingest.day(iso), epochMilliseconds: ms) }

    @Test func isoDateIsTheWholeLocalDay() {
        #expect(read("2026-11-20") == at("2026-11-20", Ingest.utcMilliseconds("2026-11-20")))
        #expect(read("2026-11-20", clock: Ingest.berlin) == at("2026-11-20", Ingest.utcMilliseconds("2026-11-19", 23)))
        #expect(read(" 2026-11-20 ") == at("2026-11-20", Ingest.utcMilliseconds("2026-11-20")))
        #expect(read("2026-02-30") == .unparsable)
    }

    @Test func isoDateTimesWithoutOffsetAreLocal() {
        #expect(read("2026-11-20T14:05") == at("2026-11-20", Ingest.utcMilliseconds("2026-11-20", 14, 5)))
        #expect(read("2026-11-20 14:05:09") == at("2026-11-20", Ingest.utcMilliseconds("2026-11-20", 14, 5, 9)))
        #expect(read("2026-11-20T14:05:09.123") == at("2026-11-20", Ingest.utcMilliseconds("2026-11-20", 14, 5, 9) + 123))
        #expect(read("2026-11-20T14:05:09.5") == at("2026-11-20", Ingest.utcMilliseconds("2026-11-20", 14, 5, 9) + 500))
        #expect(read("2026-11-20T00:30", clock: Ingest.berlin) == at("2026-11-20", Ingest.utcMilliseconds("2026-11-19", 23, 30)))
    }

    @Test func offsetsGiveAnInstantThenTheLocalDay() {
        let instant = Ingest.utcMilliseconds("2026-03-29", 0, 30)
        #expect(read("2026-03-29T00:30:00+00:00") == at("2026-03-29", instant))
        #expect(read("2026-03-28T23:30:00-01:00") == at("2026-03-29", instant))
        #expect(read("2026-03-29T00:30:00Z", clock: Ingest.berlin) == at("2026-03-29", instant))
        let evening = Ingest.utcMilliseconds("2026-11-20", 23, 30)
        #expect(read("2026-11-20T23:30:00Z", clock: Ingest.berlin) == at("2026-11-21", evening))
        #expect(read("2026-11-21T00:30+0100") == at("2026-11-20", evening))
        #expect(read("2026-11-20 14:05 +0000") == at("2026-11-20", Ingest.utcMilliseconds("2026-11-20", 14, 5)))
        #expect(read("2026-11-20T14:05:00.250+02:00") == at("2026-11-20", Ingest.utcMilliseconds("2026-11-20", 12, 5) + 250))
    }

    @Test func epochSecondsAndMilliseconds() {
        let instant = Ingest.utcMilliseconds("2026-11-20", 14, 5)
        #expect(read(String(instant / 1000)) == at("2026-11-20", instant))
        #expect(read(String(instant + 7)) == at("2026-11-20", instant + 7))
        #expect(read("12345") == .unparsable)
    }

    @Test func usDates() {
        #expect(read("9/15/2026") == at("2026-09-15", Ingest.utcMilliseconds("2026-09-15")))
        #expect(read("09/15/2026 18:00") == at("2026-09-15", Ingest.utcMilliseconds("2026-09-15", 18)))
        #expect(read("9/15/2026 6:00:30 PM") == at("2026-09-15", Ingest.utcMilliseconds("2026-09-15", 18, 0, 30)))
        #expect(read("15/09/2026") == .unparsable)
    }

    @Test func missingWithoutYearAndGarbage() {
        #expect(read("") == .missing)
        #expect(read("-") == .missing)
        #expect(read("April 12") == .withoutYear(month: 4, day: 12, secondOfDay: 0))
        #expect(read("8 de marzo") == .withoutYear(month: 3, day: 8, secondOfDay: 0))
        #expect(read("Lifetime") == .unparsable)
        #expect(read("2026-11-20T25:00") == .unparsable)
        #expect(read("2026-11-20T10:00+25:00") == .unparsable)
    }

    @Test func exportFormats() {
        let midnight = { (iso: String) in self.at(iso, Ingest.utcMilliseconds(iso)) }
        #expect(read("Apr 29, 2020") == midnight("2020-04-29"))
        #expect(read("April 29, 2020") == midnight("2020-04-29"))
        #expect(read("Sep 3, 2024") == midnight("2024-09-03"))
        #expect(read("3-Jun-26") == midnight("2026-06-03"))
        #expect(read("28. Februar 2026") == midnight("2026-02-28"))
        #expect(read("8 de marzo de 2026") == midnight("2026-03-08"))
        #expect(read("2026/05/10") == midnight("2026-05-10"))
        #expect(read("2026/5/1") == midnight("2026-05-01"))
        #expect(read("20260510") == midnight("2026-05-10"))
        #expect(read("7-16-2020") == midnight("2020-07-16"))
        #expect(read("08-05-2020") == midnight("2020-08-05"))
        #expect(read("9/15/26") == midnight("2026-09-15"))
        #expect(read("2026/06/29 18:30") == at("2026-06-29", Ingest.utcMilliseconds("2026-06-29", 18, 30)))
        #expect(read("Apr 29, 2020 5:05 PM") == at("2020-04-29", Ingest.utcMilliseconds("2020-04-29", 17, 5)))
        #expect(read("2025-01-01T01:00:00") == at("2025-01-01", Ingest.utcMilliseconds("2025-01-01", 1)))
        #expect(read("Feb 30, 2026") == .unparsable)
        #expect(read("Lifetime") == .unparsable)
        #expect(read("Total") == .unparsable)
    }

    @Test func unpaddedAndTwelveHourTimes() {
        #expect(read("2016-11-26 5:8:54") == at("2016-11-26", Ingest.utcMilliseconds("2016-11-26", 5, 8, 54)))
        #expect(read("01/19/2017 09:03:47 AM") == at("2017-01-19", Ingest.utcMilliseconds("2017-01-19", 9, 3, 47)))
        #expect(read("01/19/2017 09:03:47 PM") == at("2017-01-19", Ingest.utcMilliseconds("2017-01-19", 21, 3, 47)))
        #expect(read("01/19/2017 12:15 AM") == at("2017-01-19", Ingest.utcMilliseconds("2017-01-19", 0, 15)))
        #expect(read("01/19/2017 12:15 PM") == at("2017-01-19", Ingest.utcMilliseconds("2017-01-19", 12, 15)))
        #expect(read("2026-05-10 9:30 pm") == at("2026-05-10", Ingest.utcMilliseconds("2026-05-10", 21, 30)))
        #expect(read("01/19/2017 13:15 PM") == .unparsable)
    }

    @Test func datesWithoutAYearInSeveralLanguages() {
        #expect(read("February 28") == .withoutYear(month: 2, day: 28, secondOfDay: 0))
        #expect(read("28 févr.") == .withoutYear(month: 2, day: 28, secondOfDay: 0))
        #expect(read("3. März") == .withoutYear(month: 3, day: 3, secondOfDay: 0))
        #expect(read("12 de setembro") == .withoutYear(month: 9, day: 12, secondOfDay: 0))
        #expect(read("July 16 10:30") == .withoutYear(month: 7, day: 16, secondOfDay: 37_800))
        #expect(read("Someday 12") == .unparsable)
    }

    /// The fast path for ISO 8601 date-times against the general parser, over every combination
    /// of dates, separators, clock times, fractions and endings below (valid and not), in UTC and
    /// in a zone with summer time: where the fast path reads a text, the general parser reads the
    /// same value; the reader (`parse`) gives the general parser's value for every text.
    @Test(arguments: ["UTC", "Europe/Berlin"])
    func isoDateTimeFastPathAgreesWithTheGeneralParser(zone: String) throws {
        let clock = try #require(DayClock(identifier: zone))
        let dates = ["2026-11-20", "2026-03-29", "2026-10-25", "2024-02-29", "2026-02-30", "2026-13-01", "1899-12-31",
                     "0001-01-01", "2026-1a-20", "2025-02-29", "2000-02-29", "1900-02-29", "2100-02-29", "2025-04-31",
                     "2025-04-30", "2025-00-10", "2025-11-00", "0000-01-01", "9999-12-31", "2025-12-31", "202x-11-20",
                     "2025:11-20", "2025-11/20"]
        let separators = ["T", "t", " ", "x"]
        let clockTimes = ["00:00:00", "14:05:09", "23:59:59", "02:30:00", "24:00:00", "12:60:00", "12:00:60", "1:05:09", "9a:00:00"]
        let fractions = ["", ".1", ".12", ".123", ".1234567", ",5", ".", ".x"]
        let endings = ["", "Z", "z", "+00:00", "-01:00", "+05:30", "+0530", "+05", "+05:", "+18:00", "+19:00", "-12:60",
                       "+5:30", " +0000", " PM", "ZZ", "+05:30x", "+05:3", "+", "Zulu"]
        var mismatches: [String] = []
        var fastReads = 0
        for date in dates {
            for separator in separators {
                for time in clockTimes {
                    for fraction in fractions {
                        for ending in endings {
                            let text = date + separator + time + fraction + ending
                            Ingest.withField(text) { field in
                                var reader = TimeText(clock: clock)
                                let general = reader.parseOther(field)
                                if let fast = reader.parseISODateTime(field) {
                                    fastReads += 1
                                    if fast != general { mismatches.append("\(text): \(fast) != \(general)") }
                                }
                                if reader.parse(field) != general { mismatches.append("\(text): parse != \(general)") }
                            }
                        }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(fastReads > 4_000)
    }

    /// Every byte of a few date-times replaced by every byte value, one at a time: where the
    /// fast path reads the text it agrees with the general parser, and the reader gives the
    /// general parser's value of the trimmed text (digits that are no digits, separators that are not the expected
    /// ones, bytes that are not ASCII, at every position the word-at-a-time checks look at).
    @Test(arguments: ["UTC", "Europe/Berlin"])
    func everyByteChangedAgreesWithTheGeneralParser(zone: String) throws {
        let clock = try #require(DayClock(identifier: zone))
        let texts = ["2025-11-24T00:00:31Z", "2024-02-29 23:59:59.999+05:30", "2026-03-29T02:30:00", "2025-12-31t19:09:09-0800"]
        var mismatches: [String] = []
        var fastReads = 0
        for text in texts {
            let original = Array(text.utf8)
            for position in original.indices {
                for value in 0...255 {
                    var bytes = original
                    bytes[position] = UInt8(value)
                    bytes.withUnsafeBytes { buffer in
                        let field = FieldText(bytes: buffer)
                        var reader = TimeText(clock: clock)
                        // As `parse` reads what is not of the fast path's shapes: trimmed.
                        let general = reader.parseOther(field.trimmed)
                        if let fast = reader.parseISODateTime(field) {
                            fastReads += 1
                            if fast != general { mismatches.append("\(bytes): \(fast) != \(general)") }
                        }
                        if reader.parse(field) != general { mismatches.append("\(bytes): parse != \(general)") }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(fastReads > 500)
    }

    /// One reader over many date-times in a row (it keeps the day of the last date and of the
    /// last instant) reads each as a reader of that text alone does: forwards and backwards
    /// over days and over Berlin's summer-time changes, with `Z`, offsets and local times.
    @Test(arguments: ["UTC", "Europe/Berlin", "America/Santiago"])
    func aReaderOfManyDateTimesReadsEachAsAloneDoes(zone: String) throws {
        let clock = try #require(DayClock(identifier: zone))
        let days = ["2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26", "2026-09-06",
                    "2026-04-05", "2026-11-23", "2024-02-29", "2025-02-28", "2025-02-29", "2025-12-31", "2026-01-01",
                    "2026-02-30"]
        let times = ["00:00:00", "00:59:59", "01:00:00", "01:59:59", "02:00:00", "02:30:00", "03:00:00", "12:00:00",
                     "22:59:59", "23:00:00", "23:59:59"]
        let endings = ["Z", "+01:00", "+02:00", "-03:00", "-04:00", "", ".5Z"]
        var texts: [String] = []
        for day in days { for time in times { for ending in endings { texts.append(day + "T" + time + ending) } } }
        var reader = TimeText(clock: clock)
        var mismatches: [String] = []
        let shuffled = texts.indices.sorted(by: { ($0 * 7919) % 101 < ($1 * 7919) % 101 }).map { texts[$0] }
        for text in texts + texts.reversed() + shuffled {
            Ingest.withField(text) { field in
                var alone = TimeText(clock: clock)
                let expected = alone.parse(field)
                if reader.parse(field) != expected { mismatches.append(text) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func commonISODateTimesTakeTheFastPath() {
        var reader = TimeText(clock: Ingest.berlin)
        for text in ["2025-11-24T00:02:37Z", "2025-11-24T00:02:37.250+01:00", "2025-11-24 00:02:37", "2025-11-24T00:02:37-0500"] {
            #expect(Ingest.withField(text) { reader.parseISODateTime($0) } != nil, "\(text)")
        }
        #expect(Ingest.withField("2025-11-24T00:02:37Z") { reader.parseISODateTime($0) }
            == at("2025-11-24", Ingest.utcMilliseconds("2025-11-24", 0, 2, 37)))
    }
}

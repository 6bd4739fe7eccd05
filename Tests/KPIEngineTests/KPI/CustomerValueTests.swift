import Testing
@testable import KPIEngine

/// Customer value (issue 13, point 4): `new_customers` and its aliases, `cltv` columns and the
/// config's `cltv`, and the KPIs cac, cltv and cltv_to_cac.
@Suite struct CustomerValueTests {
    static let asOf = Day(iso: "2026-11-14")!

    static func snapshot(_ files: [(path: String, text: String)], customerValues: [String: Double] = [:]) -> KPISnapshot {
        var request = SnapshotRequest(window: .days(7), asOf: asOf, now: 0)
        request.customerValues = customerValues
        return ParsedStore.store(files).snapshot(request)
    }

    @Test func newCustomersAliasesFeedCAC() {
        let s = Self.snapshot([
            ("instagram/a.csv", "date,spend,new_customers\n2026-11-10,100,4\n"),
            ("facebook/b.csv", "date,spend,customers_acquired\n2026-11-10,60,3\n"),
            ("tiktok/c.csv", "date,spend,First purchases\n2026-11-10,90,2\n"),
        ])
        #expect(s.value(.newCustomers, platform: "instagram").value == 4)
        #expect(s.value(.cac, platform: "instagram").value == 25)
        #expect(s.value(.cac, platform: "facebook").value == 20)
        #expect(s.value(.cac, platform: "tiktok").value == 45)
        // all: 250 / 9
        #expect(s.value(.cac).value == 250.0 / 9)
    }

    @Test func aCLTVColumnIsWeightedByTheNewCustomersOfItsRows() {
        // Day 1: 4 customers worth 200 each; day 2: 1 customer worth 500; a row without new
        // customers weighs 1. Window CLTV = (4 x 200 + 1 x 500) / 5 = 260; CAC = 150 / 5 = 30.
        let s = Self.snapshot([
            ("instagram/a.csv", """
                date,spend,new_customers,cltv
                2026-11-10,100,4,$200
                2026-11-11,50,1,500
                """),
            ("facebook/b.csv", """
                date,Customer lifetime value
                2026-11-10,100
                2026-11-11,300
                """),
        ])
        #expect(s.value(.cltv, platform: "instagram").value == 260)
        #expect(s.value(.cltvToCac, platform: "instagram").value == 260.0 / 30)
        #expect(s.currencies["instagram"] == .usd)
        // Rows without new customers: the plain average.
        #expect(s.value(.cltv, platform: "facebook").value == 200)
        #expect(s.value(.cltvToCac, platform: "facebook").value == nil)   // no CAC
        // all pairs cltv over the platforms that have one: (1300 + 400) / (5 + 2).
        #expect(s.value(.cltv).value == 1700.0 / 7)
        #expect(s.value(.cltv).platforms == ["facebook", "instagram"])
        // cltv_to_cac for all pairs cltv, spend and new customers: instagram only.
        #expect(s.value(.cltvToCac).value == 260.0 / 30)
        #expect(s.value(.cltvToCac).platforms == ["instagram"])
    }

    @Test func theConfigsCLTVServesPlatformsWithoutOne() {
        let files: [(path: String, text: String)] = [
            ("instagram/a.csv", "date,spend,new_customers\n2026-11-10,100,4\n"),
            ("facebook/b.csv", "date,spend,new_customers,cltv\n2026-11-10,60,3,90\n"),
        ]
        let s = Self.snapshot(files, customerValues: ["instagram": 150, "*": 10])
        #expect(s.value(.cltv, platform: "instagram").value == 150)
        #expect(s.value(.cltvToCac, platform: "instagram").value == 6)      // 150 / (100 / 4)
        // The data's own value wins over the config's.
        #expect(s.value(.cltv, platform: "facebook").value == 90)
        // all: (150 x 4 + 90 x 3) / 7
        #expect(s.value(.cltv).value == 870.0 / 7)
        #expect(Self.snapshot(files).value(.cltv, platform: "instagram").value == nil)
    }

    @Test func aNegativeOrTextCLTVRejectsTheRow() {
        let store = ParsedStore.store([("x/a.csv", "date,new_customers,cltv\n2026-11-10,1,-5\n2026-11-10,1,lots\n")])
        #expect(store.rejections.map(\.reason) == ["negative cltv", "not a number in cltv: 'lots'"])
    }
}

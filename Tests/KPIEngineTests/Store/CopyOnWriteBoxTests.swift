import Testing
@testable import KPIEngine

/// A boxed value behaves as a plain value: copies share it until one changes, and a box held
/// once is changed in place. A file's records kept out of line (``KeptRecords``) follow suit.
@Suite struct CopyOnWriteBoxTests {
    typealias F = StoreFixture

    @Test func aChangedCopyLeavesTheOtherAsItWas() {
        var box = CopyOnWriteBox([1, 2])
        let copy = box
        box.value.append(3)
        #expect(box.value == [1, 2, 3])
        #expect(copy.value == [1, 2])
        var second = copy
        second.value[0] = 9
        #expect(second.value == [9, 2])
        #expect(copy.value == [1, 2])
    }

    @Test func aBoxHeldOnceIsChangedInPlace() {
        var box = CopyOnWriteBox([Int]())
        box.value.reserveCapacity(16)
        let storage = box.value.withUnsafeBufferPointer { $0.baseAddress }
        for n in 0..<16 { box.value.append(n) }
        #expect(box.value.withUnsafeBufferPointer { $0.baseAddress } == storage)
    }

    @Test func aCopiedContributionKeepsItsRecordsWhenTheOtherGrows() {
        var file = F.file("x.csv", rows: [F.row("x", day: 0, id: "p1", [.impressions: 10])],
                          inquiries: [ServiceKPITests.inquiry("t1", day: 0), ServiceKPITests.inquiry(nil, day: 0)])
        let copy = file
        file.metrics(F.row("x", day: 1, id: "p2", [.impressions: 20]))
        file.service(ServiceKPITests.inquiry("t2", day: 1))
        file.service(ServiceKPITests.inquiry(nil, day: 2))
        #expect(file.posts.count == 2 && file.tickets.count == 2 && file.anonymousTickets.count == 2)
        #expect(copy.posts.count == 1 && copy.tickets.count == 1 && copy.anonymousTickets.count == 1)
        #expect(copy.newestTicket.map(\.value).max() == F.ms(F.d0, hour: 9))
    }

    @Test func aStoreChangingAFileLeavesACopyTakenBeforeAsItWas() {
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("x.csv", inquiries: [ServiceKPITests.inquiry("t1", day: 0)]))
        let before = store.contributions["x.csv"]!
        store.update(path: "x.csv") { $0.service(ServiceKPITests.inquiry("t2", day: 1)) }
        #expect(before.tickets.count == 1)
        #expect(store.contributions["x.csv"]!.tickets.count == 2)
    }
}

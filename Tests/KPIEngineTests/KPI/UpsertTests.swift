import Testing
@testable import KPIEngine

@Suite struct UpsertTests {
    typealias F = StoreFixture

    @Test func laterLineOfAFileWins() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 13, id: "p1", line: 2, [.likes: 5, .interactions: 5]),
            F.row("x", day: 13, id: "p1", line: 3, [.likes: 8, .interactions: 8]),
            F.row("x", day: 13, id: "p2", line: 4, [.likes: 1, .interactions: 1]),
        ])])
        #expect(s.value(.likes, platform: "x").value == 9)
    }

    @Test func sameIdOnAnotherDayIsAnotherRow() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 12, id: "p1", [.likes: 5]),
            F.row("x", day: 13, id: "p1", [.likes: 8]),
        ])])
        #expect(s.value(.likes, platform: "x").value == 13)
    }

    @Test func fileWithTheLaterModificationTimeWinsThenTheLaterPath() {
        let older = F.file("b.csv", mtime: 100, rows: [F.row("x", day: 13, id: "p1", [.likes: 5])])
        let newer = F.file("a.csv", mtime: 200, rows: [F.row("x", day: 13, id: "p1", [.likes: 7])])
        #expect(F.snapshot([older, newer]).value(.likes).value == 7)
        #expect(F.snapshot([newer, older]).value(.likes).value == 7)
        let sameTimeA = F.file("a.csv", mtime: 100, rows: [F.row("x", day: 13, id: "p1", [.likes: 1])])
        let sameTimeB = F.file("b.csv", mtime: 100, rows: [F.row("x", day: 13, id: "p1", [.likes: 2])])
        #expect(F.snapshot([sameTimeB, sameTimeA]).value(.likes).value == 2)
    }

    @Test func rowsWithoutIdAddUp() {
        let s = F.snapshot([
            F.file("a.csv", rows: [F.row("x", day: 13, [.likes: 5]), F.row("x", day: 13, [.likes: 5])]),
            F.file("b.csv", rows: [F.row("x", day: 13, [.likes: 1])]),
        ])
        #expect(s.value(.likes).value == 11)
    }

    @Test func removingAFileTakesItsContributionBack() {
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("a.csv", rows: [F.row("x", day: 13, [.likes: 5])]))
        store.set(F.file("b.csv", mtime: 9, rows: [F.row("x", day: 13, id: "p", [.likes: 1])]))
        let request = SnapshotRequest(window: .days(7), asOf: F.d0.adding(days: 13), now: 0)
        #expect(store.snapshot(request).value(.likes).value == 6)
        store.remove(path: "b.csv")
        #expect(store.snapshot(request).value(.likes).value == 5)
    }

    @Test func topPostsSumTheWindowAndSortByInteractions() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 12, id: "p1", title: "Launch", [.interactions: 5]),
            F.row("x", day: 13, id: "p1", [.interactions: 6]),
            F.row("x", day: 13, id: "p2", title: "Teaser", [.interactions: 20]),
            F.row("x", day: 1, id: "p3", title: "Old", [.interactions: 99]),
        ])])
        let posts = s.posts["x"]!
        #expect(posts.map(\.id) == ["p2", "p1"])
        #expect(posts[1].values[.interactions] == 11)
        #expect(posts[1].title == "Launch")
        #expect(s.posts["all"]!.map(\.id) == ["p2", "p1"])
    }
}

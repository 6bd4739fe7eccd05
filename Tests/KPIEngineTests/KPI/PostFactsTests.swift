import Foundation
import Testing
@testable import KPIEngine

/// A post's publish time, type and link: read from the export's columns, kept once per post,
/// the later row and the later file winning, and the same whether a file is read whole or in
/// pieces.
@Suite struct PostFactsTests {
    typealias F = StoreFixture

    /// The contribution of `text` read as `path`, fed in pieces of `piece` bytes (whole when nil).
    static func contribution(_ text: String, path: String, mtime: Int64, context: IngestContext,
                             piece: Int? = nil) -> FileContribution {
        var contribution = FileContribution(path: path, modificationTime: mtime, interning: context.interning)
        var parser = FileParser(relativePath: path, context: context, modificationTime: 0)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(all.count, offset + (piece ?? all.count))
                parser.consume(UnsafeRawBufferPointer(rebasing: all[offset..<end]), into: &contribution)
                offset = end
            }
        }
        parser.finish(into: &contribution)
        return contribution
    }

    /// A store of `files` (path, text), later files modified later, each read in pieces of `piece`.
    static func store(_ files: [(path: String, text: String)], clock: DayClock = F.utc, piece: Int? = nil) -> MetricsStore {
        let context = IngestContext(clock: clock)
        var store = MetricsStore(clock: clock, interning: context.interning)
        for (index, file) in files.enumerated() {
            store.set(contribution(file.text, path: file.path, mtime: Int64(index), context: context, piece: piece))
        }
        return store
    }

    static func detail(_ store: MetricsStore, _ platform: String, _ id: String) throws -> PostDetail {
        var request = SnapshotRequest(window: .all, asOf: Day(iso: "2026-11-30")!, now: 0)
        request.post = PostReference(platform: platform, id: id)
        return try #require(store.snapshot(request).postDetail)
    }

    static let metaPosts = """
        Post ID,Page ID,Page name,Title,Publish time,Permalink,Post type,Date,Views,Reach,Reactions
        1001,55,Acme,Autumn launch,2026-11-20T14:05:00+0000,https://fb.example/1001,Reels,Lifetime,"15,000",9000,100
        1002,55,Acme,Boots,2026-11-21T09:30:00+0000,https://fb.example/1002,Photo,Lifetime,800,600,12

        """

    @Test func aMetaPostExportGivesPublishTimeTypeAndLink() throws {
        let detail = try Self.detail(Self.store([("meta.csv", Self.metaPosts)]), "facebook", "1001")
        let published = try #require(detail.published)
        #expect(published.epochMilliseconds == F.ms(Day(iso: "2026-11-20")!, hour: 14, minute: 5))
        #expect(published.day == Day(iso: "2026-11-20")!)
        #expect(published.millisecondOfDay == (14 * 60 + 5) * 60_000)
        #expect(detail.type == "Reels")
        #expect(detail.permalink == "https://fb.example/1001")
        #expect(try Self.detail(Self.store([("meta.csv", Self.metaPosts)]), "facebook", "1002").type == "Photo")
    }

    @Test func readWholeAndInPiecesGiveTheSamePostDetail() throws {
        let whole = Self.store([("meta.csv", Self.metaPosts)])
        for piece in [1, 3, 7, 64] {
            let pieces = Self.store([("meta.csv", Self.metaPosts)], piece: piece)
            for id in ["1001", "1002"] {
                #expect(try Self.detail(pieces, "facebook", id) == Self.detail(whole, "facebook", id), "pieces of \(piece)")
            }
        }
    }

    /// A daily series per post with its own publish column: the publish time is that column's,
    /// in the dashboard's time zone, not the row's day.
    @Test func aPublishColumnBesideTheDateIsThePublishTimeInTheDashboardZone() throws {
        let text = """
            date,post_id,publish_time,media_type,url,impressions
            2026-11-20,p1,2026-11-20T13:05:00Z,VIDEO,https://ex.example/p1,100
            2026-11-21,p1,2026-11-20T13:05:00Z,VIDEO,https://ex.example/p1,50

            """
        let detail = try Self.detail(Self.store([("instagram/daily.csv", text)], clock: Ingest.berlin), "instagram", "p1")
        #expect(detail.days.count == 2)
        let published = try #require(detail.published)
        #expect(published.day == Day(iso: "2026-11-20")!)
        #expect(published.millisecondOfDay == (14 * 60 + 5) * 60_000, "13:05 UTC is 14:05 in Berlin")
        #expect(detail.type == "VIDEO")
        #expect(detail.permalink == "https://ex.example/p1")
    }

    @Test func theLaterRowOfAFileWinsAndAnEmptyValueSaysNothing() throws {
        let text = """
            date,post_id,post_type,permalink,impressions
            2026-11-20,p1,Photo,https://ex.example/old,100
            2026-11-21,p1,Carousel,,50

            """
        let detail = try Self.detail(Self.store([("instagram/daily.csv", text)]), "instagram", "p1")
        #expect(detail.type == "Carousel")
        #expect(detail.permalink == "https://ex.example/old")
        #expect(detail.published == nil, "a daily series' date is not a publish time")
    }

    @Test func theLaterFileWinsWhateverTheOrderTheyAreAdded() throws {
        let older = """
            date,post_id,post_type,permalink,impressions
            2026-11-20,p1,Photo,https://ex.example/p1,100

            """
        let newer = """
            date,post_id,type,impressions
            2026-11-22,p1,Reels,70

            """
        let store = Self.store([("instagram/a.csv", older), ("instagram/b.csv", newer)])
        let detail = try Self.detail(store, "instagram", "p1")
        #expect(detail.type == "Reels")
        #expect(detail.permalink == "https://ex.example/p1", "the newer file has no link: the older one's stays")

        // The same files added newer first: the modification times still decide.
        let context = IngestContext(clock: F.utc)
        var reversed = MetricsStore(clock: F.utc, interning: context.interning)
        reversed.set(Self.contribution(newer, path: "instagram/b.csv", mtime: 5, context: context))
        reversed.set(Self.contribution(older, path: "instagram/a.csv", mtime: 1, context: context))
        #expect(try Self.detail(reversed, "instagram", "p1") == detail)

        // When the newer file goes, the older one's type is back.
        var withoutNewer = store
        withoutNewer.remove(path: "instagram/b.csv")
        #expect(try Self.detail(withoutNewer, "instagram", "p1").type == "Photo")
    }

    /// X's tweet activity has one time column, the tweet's: it is the publish time too.
    @Test func anXTweetActivityExportsTimeIsThePublishTime() throws {
        let text = """
            Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,likes
            4004,https://x.example/4004,Big news,2026-11-20 14:05 +0000,424,30,20

            """
        let detail = try Self.detail(Self.store([("tweet_activity_metrics_acme.csv", text)]), "x", "4004")
        #expect(detail.published?.epochMilliseconds == F.ms(Day(iso: "2026-11-20")!, hour: 14, minute: 5))
        #expect(detail.permalink == "https://x.example/4004")
        #expect(detail.type == nil)
    }

    /// TikTok's `Video link` is the id and the link.
    @Test func aTikTokVideoLinkIsThePermalink() throws {
        let text = """
            Video title,Post time,Video views,Likes,Video link
            Rain test,2026/06/29 18:30,1200,80,https://www.tiktok.com/@acme/video/71

            """
        let detail = try Self.detail(Self.store([("tiktok/Content.csv", text)]), "tiktok", "https://www.tiktok.com/@acme/video/71")
        #expect(detail.permalink == "https://www.tiktok.com/@acme/video/71")
        let published = try #require(detail.published)
        #expect(published.day == Day(iso: "2026-06-29")!)
        #expect(published.millisecondOfDay == (18 * 60 + 30) * 60_000, "\(published)")
    }

    @Test func filesWithoutTheColumnsKeepNothingPerPost() throws {
        let text = """
            date,post_id,impressions
            2026-11-20,p1,100

            """
        let context = IngestContext(clock: F.utc)
        let contribution = Self.contribution(text, path: "instagram/daily.csv", mtime: 0, context: context)
        #expect(!contribution.posts.hasFacts)
        let detail = try Self.detail(Self.store([("instagram/daily.csv", text)]), "instagram", "p1")
        #expect(detail.published == nil && detail.type == nil && detail.permalink == nil)
        let noIDs = """
            date,post_type,permalink,impressions
            2026-11-20,Photo,https://ex.example/x,100

            """
        #expect(!Self.contribution(noIDs, path: "instagram/sums.csv", mtime: 0, context: context).posts.hasFacts,
                "rows without an id are no post")
    }

    @Test func aMappingNamesThePublishTimeColumn() throws {
        let mapping = try ColumnMapping.parse("""
            [columns]
            "Went live" = "publish_time"
            "Kind" = "post_type"

            """, file: "mapping.toml")
        let text = """
            date,post_id,Went live,Kind,impressions
            2026-11-20,p1,2026-11-19 08:00,Story,100

            """
        let context = IngestContext(clock: F.utc, mapping: mapping)
        var store = MetricsStore(clock: F.utc, interning: context.interning)
        store.set(Self.contribution(text, path: "instagram/daily.csv", mtime: 0, context: context))
        let detail = try Self.detail(store, "instagram", "p1")
        #expect(detail.published?.day == Day(iso: "2026-11-19")!)
        #expect(detail.type == "Story")
        #expect(detail.days.map(\.day) == [Day(iso: "2026-11-20")!], "the row stays on its date")
    }
}

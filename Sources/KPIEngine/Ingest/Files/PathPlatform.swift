/// The platform a file's path suggests: its first folder under the data root, else the
/// letters its name starts with, unless those are a month or a word every export uses
/// (`Table data.csv`, `Jan-14-2025_....csv`, `Overview.csv`), then a platform named anywhere in
/// the name (`dataset_Facebook.csv`) (our choice).
enum PathPlatform {
    /// Where a path's platform came from.
    enum Origin {
        case folder
        case fileName
    }

    /// The platform and where in the path it was found; nil when the path names none.
    static func of(_ relativePath: String) -> (name: String, origin: Origin)? {
        let components = relativePath.split(separator: "/")
        if components.count > 1 {
            let name = PlatformName.normalize(components[0])
            return name.isEmpty ? nil : (name, .folder)
        }
        guard let fileName = components.last else { return nil }
        let letters = fileName.prefix { $0.isASCII && $0.isLetter }
        if !letters.isEmpty, !isGeneric(letters.lowercased()) {
            return (PlatformName.normalize(letters), .fileName)
        }
        for word in ExportDay.wordsAndNumbers(String(fileName)) {
            let lowered = word.lowercased()
            if knownPlatforms.contains(lowered) { return (PlatformName.normalize(lowered), .fileName) }
        }
        return nil
    }

    /// True for leading letters that name no platform: month names and the words export
    /// files are named with.
    static func isGeneric(_ word: String) -> Bool {
        WordDate.monthNumbers[word] != nil || genericWords.contains(word)
    }

    private static let genericWords: Set<String> = [
        "table", "data", "dataset", "export", "exports", "exported", "download", "downloads", "file", "sheet",
        "untitled", "copy", "new", "final", "test", "sample", "overview", "content", "contents", "report",
        "reports", "insights", "insight", "analytics", "metrics", "stats", "statistics", "summary", "posts",
        "post", "videos", "video", "page", "pages", "followers", "follower", "followerhistory", "viewers",
        "audience", "reach", "views", "follows", "visits", "interactions", "link", "clicks", "daily",
        "weekly", "monthly", "results", "campaign", "campaigns", "ads", "ad", "tweet", "tweets",
        "activity", "performance", "engagement", "traffic", "week", "month", "year", "q",
    ]

    /// Platform names (and their short forms) recognised anywhere in a file name.
    private static let knownPlatforms: Set<String> = [
        "facebook", "fb", "instagram", "ig", "insta", "twitter", "tiktok", "youtube", "yt", "linkedin",
        "pinterest", "threads", "snapchat", "reddit", "bluesky", "mastodon",
    ]
}

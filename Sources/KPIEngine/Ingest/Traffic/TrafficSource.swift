/// Which social platform a website session came from, by its source (`m.facebook.com /
/// referral`, `ig`, `utm_source=linkedin`) or its channel group; nil for sessions that did not
/// come from social media, which count only in the "not social" total.
///
/// A source is the part of `source / medium` before the ` / `, lower-cased. It is looked up
/// in the mapping file's `[sources]` first, then in the built-in list (the networks' own
/// domains and short links, and common `utm_source` values), with a leading `www.` ignored;
/// Meta's placement sources (`Facebook_Mobile_Feed`, `Instagram_Stories`) go by their prefix.
struct TrafficSource: Sendable {
    /// The mapping file's `[sources]`: source -> platform, nil for "not social".
    let extra: [String: String?]

    init(extra: [String: String?] = [:]) {
        self.extra = extra
    }

    /// The platform of a source (or `source / medium`) value; nil: not social.
    func platform(ofSource raw: String) -> String? {
        let source = Self.sourcePart(raw)
        if let mapped = extra[source] { return mapped }
        if let known = Self.builtIn[source] { return known }
        if source.hasPrefix("www.") {
            let bare = String(source.dropFirst(4))
            if let mapped = extra[bare] { return mapped }
            if let known = Self.builtIn[bare] { return known }
        }
        for (prefix, platform) in Self.placementPrefixes where source.hasPrefix(prefix) { return platform }
        return nil
    }

    /// The platform of a channel group: `social` (GA4 does not say which network) for the
    /// social channels, nil for the others; the mapping's `[sources]` may name a channel too.
    func platform(ofChannel raw: String) -> String? {
        let channel = raw.trimmingWhitespace().lowercased()
        if let mapped = extra[channel] { return mapped }
        return channel.contains("social") || channel.contains("soziale") ? Self.unattributedSocial : nil
    }

    /// The platform of social sessions GA4 counted by channel group only.
    static let unattributedSocial = "social"

    /// `facebook.com / referral` -> `facebook.com`; `ig` -> `ig`.
    static func sourcePart(_ raw: String) -> String {
        let text = raw.trimmingWhitespace().lowercased()
        guard let slash = text.range(of: " / ") else { return text }
        return String(text[..<slash.lowerBound].trimmingWhitespace())
    }

    /// Sources of the social platforms (after `www.` is dropped).
    static let builtIn: [String: String] = {
        var table: [String: String] = [:]
        let sources: [(String, [String])] = [
            ("facebook", ["facebook.com", "m.facebook.com", "l.facebook.com", "lm.facebook.com", "web.facebook.com",
                          "mbasic.facebook.com", "business.facebook.com", "fb.com", "fb.me", "fb", "facebook"]),
            ("instagram", ["instagram.com", "l.instagram.com", "ig", "instagram", "insta"]),
            ("x", ["t.co", "x.com", "twitter.com", "mobile.twitter.com", "twitter", "x", "tw"]),
            ("linkedin", ["linkedin.com", "lnkd.in", "linkedin", "li"]),
            ("youtube", ["youtube.com", "m.youtube.com", "youtu.be", "youtube", "yt"]),
            ("tiktok", ["tiktok.com", "vm.tiktok.com", "tiktok", "tt"]),
            ("pinterest", ["pinterest.com", "pin.it", "pinterest"]),
            ("reddit", ["reddit.com", "old.reddit.com", "out.reddit.com", "reddit"]),
            ("threads", ["threads.net", "l.threads.net", "threads.com", "threads"]),
        ]
        for (platform, names) in sources { for name in names { table[name] = platform } }
        return table
    }()

    /// Meta's automatic `utm_source` values name the placement (`Facebook_Mobile_Feed`,
    /// `Instagram_Reels`).
    static let placementPrefixes: [(String, String)] = [("facebook_", "facebook"), ("instagram_", "instagram")]
}

/// What a post export says about a post itself, apart from its numbers: when it was published,
/// its type and its link. Rows carry it; the store keeps it once per post, and only for files
/// that have such columns.
public struct PostFacts: Sendable, Equatable {
    /// Publish instant, milliseconds since the Unix epoch.
    public var publishedAt: Int64?
    /// Untrusted text (`Reels`, `Photo`, `Video`); sanitise before display.
    public var type: String?
    /// Untrusted text (a URL); sanitise before display.
    public var permalink: String?

    public init(publishedAt: Int64? = nil, type: String? = nil, permalink: String? = nil) {
        self.publishedAt = publishedAt
        self.type = type
        self.permalink = permalink
    }

    /// True when it says nothing.
    public var isEmpty: Bool { publishedAt == nil && type == nil && permalink == nil }

    /// Takes what `later` (a later row or file) says; what it does not say stays.
    public mutating func update(with later: PostFacts) {
        if let value = later.publishedAt { publishedAt = value }
        if let value = later.type { type = value }
        if let value = later.permalink { permalink = value }
    }
}

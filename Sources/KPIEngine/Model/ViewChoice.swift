/// What the person looking at the dashboard chose to see, which the engine's snapshots follow:
/// the window, its anchor day, what to compare with, and a post to detail.
public struct ViewChoice: Sendable, Equatable {
    public var window: WindowLength
    /// The anchor day; nil = the last complete day.
    public var asOf: Day?
    public var comparison: Comparison
    /// The post whose page is open.
    public var post: PostReference?

    public init(window: WindowLength, asOf: Day? = nil, comparison: Comparison = .previousWindow,
                post: PostReference? = nil) {
        self.window = window
        self.asOf = asOf
        self.comparison = comparison
        self.post = post
    }
}

extension SnapshotRequest {
    /// This request with the parts a ``ViewChoice`` decides replaced by its.
    public func choosing(_ choice: ViewChoice) -> SnapshotRequest {
        var request = self
        request.window = choice.window
        request.asOf = choice.asOf
        request.comparison = choice.comparison
        request.post = choice.post
        return request
    }
}

/// A way of noticing changes in the data directory (inotify or polling) that delivers
/// ``ChangeBatch``es to a handler on its own thread.
protocol ChangeSource: AnyObject, Sendable {
    /// Sets up watching synchronously (changes after it returns are reported), then delivers
    /// batches in the background.
    func start() throws(WatchError)
    /// Ends delivery and releases descriptors; waits for the background thread unless called
    /// from the handler.
    func stop()
}

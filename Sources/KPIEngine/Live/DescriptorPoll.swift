#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sleeps in `poll(2)` until one of `descriptors` is readable or `timeout` passes (nil: no
/// timeout), and returns which ones are readable. Interrupted calls are retried.
func waitForInput(_ descriptors: [Int32], timeout: Duration?) -> [Bool] {
    var entries = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    let milliseconds = timeout.map(roundedUpMilliseconds) ?? -1
    while poll(&entries, nfds_t(entries.count), milliseconds) < 0 && errno == EINTR {}
    return entries.map { $0.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 }
}

/// A non-negative duration in whole milliseconds, rounded up so a deadline is not woken early.
private func roundedUpMilliseconds(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    guard seconds >= 0, attoseconds >= 0 else { return 0 }
    let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(clamping: milliseconds)
}

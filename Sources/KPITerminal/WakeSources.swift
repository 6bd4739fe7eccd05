import Foundation

/// What the dashboard loop sleeps on: the keyboard (stdin) and the engine's wake descriptor.
struct WakeSources {
    private var descriptors: [pollfd]
    private var scratch = [UInt8](repeating: 0, count: 512)

    init(wakeFileDescriptor: Int32) {
        descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeFileDescriptor, events: Int16(POLLIN), revents: 0),
        ]
    }

    /// Sleeps until input, engine news or a signal, at most `milliseconds`; drains the
    /// engine's descriptor when it woke the loop.
    mutating func wait(milliseconds: Int32) -> WaitOutcome {
        guard poll(&descriptors, nfds_t(descriptors.count), milliseconds) > 0 else { return .awake }
        if descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .terminalClosed }
        let events = descriptors[1].revents
        let engineClosed = events & Int16(POLLNVAL) != 0
            || (events & Int16(POLLIN | POLLHUP) != 0 && read(descriptors[1].fd, &scratch, scratch.count) == 0)
        if engineClosed { descriptors[1].fd = -1 }  // poll ignores negative descriptors
        return .awake
    }
}

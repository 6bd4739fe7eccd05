import Testing

/// Every test that touches ncurses lives under this suite: ncurses keeps global state, and
/// its tests crash or hang when they run in parallel. (The signal tests are XCTest cases,
/// which run in a process of their own.)
@Suite(.serialized) struct ProcessWideTests {}

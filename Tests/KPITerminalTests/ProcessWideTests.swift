import Testing

/// Every test that touches ncurses or process-wide signal handlers lives under this suite:
/// ncurses keeps global state, and its tests crash or hang when they run in parallel.
@Suite(.serialized) struct ProcessWideTests {}

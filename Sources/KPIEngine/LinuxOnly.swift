// The engine uses inotify and Glibc, and the dashboard Debian's ncursesw: kpitop is built
// for Linux only (see Package.swift).
#if !os(Linux)
#error("kpitop builds on Linux only: it uses inotify, Glibc and ncursesw")
#endif

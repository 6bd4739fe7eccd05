import Testing
@testable import KPIEngine

/// End-to-end behaviour of both watching modes on a real temporary directory.
@Suite struct DirectoryWatcherTests {
    /// Starts a watcher on a fresh directory, runs `body`, then stops and cleans up.
    private func withWatcher(_ mode: TestedWatchMode,
                             _ body: (ScratchDirectory, BatchRecorder, DirectoryWatcher) async throws -> Void)
        async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let recorder = BatchRecorder()
        let watcher = DirectoryWatcher(root: directory.path, options: mode.options,
                                       isDataFile: isTestDataFile, handler: recorder.record)
        try watcher.start()
        defer { watcher.stop() }
        #expect(watcher.choice.mode == (mode == .inotify ? .inotify : .polling))
        try await body(directory, recorder, watcher)
    }

    @Test(arguments: TestedWatchMode.allCases)
    func createAppendTruncateDelete(mode: TestedWatchMode) async throws {
        try await withWatcher(mode) { directory, recorder, _ in
            var seen = recorder.batches.count
            directory.append("a.csv", "date,likes\n")
            #expect(await recorder.waitForChange(of: "a.csv", after: seen), "create")

            seen = recorder.batches.count
            directory.append("a.csv", "2026-11-20,5\n")
            #expect(await recorder.waitForChange(of: "a.csv", after: seen), "append")

            seen = recorder.batches.count
            directory.truncate("a.csv")
            #expect(await recorder.waitForChange(of: "a.csv", after: seen), "truncate")

            seen = recorder.batches.count
            directory.delete("a.csv")
            #expect(await recorder.waitForChange(of: "a.csv", after: seen), "delete")
        }
    }

    @Test(arguments: TestedWatchMode.allCases)
    func renameFromIgnoredTemporaryName(mode: TestedWatchMode) async throws {
        try await withWatcher(mode) { directory, recorder, _ in
            directory.append("x.csv.tmp", "date,likes\n2026-11-20,5\n")
            directory.rename("x.csv.tmp", to: "x.csv")
            #expect(await recorder.waitForChange(of: "x.csv", after: 0))
            #expect(!recorder.batches.contains { $0.paths.contains("x.csv.tmp") })
        }
    }

    @Test(arguments: TestedWatchMode.allCases)
    func ignoredFilesAreNotReported(mode: TestedWatchMode) async throws {
        try await withWatcher(mode) { directory, recorder, _ in
            directory.append(".hidden.csv", "date\n")
            directory.append("notes.txt", "hello\n")
            directory.append("a.csv~", "date\n")
            directory.makeDirectory(".git")
            directory.append(".git/objects.csv", "date\n")
            directory.append("marker.csv", "date\n")
            #expect(await recorder.waitForChange(of: "marker.csv", after: 0))
            let reported = recorder.batches.reduce(into: Set<String>()) { $0.formUnion($1.paths) }
            #expect(reported == ["marker.csv"])
        }
    }

    @Test(arguments: TestedWatchMode.allCases)
    func newSubdirectoryIsWatchedAtOnce(mode: TestedWatchMode) async throws {
        try await withWatcher(mode) { directory, recorder, _ in
            directory.makeDirectory("tiktok")
            directory.makeDirectory("tiktok/2026")
            directory.append("tiktok/2026/overview.csv", "date,video_views\n")
            #expect(await recorder.waitForChange(of: "tiktok/2026/overview.csv", after: 0), "file in new directory")

            var seen = recorder.batches.count
            directory.append("tiktok/2026/overview.csv", "2026-11-20,100\n")
            #expect(await recorder.waitForChange(of: "tiktok/2026/overview.csv", after: seen), "append in new directory")

            seen = recorder.batches.count
            directory.rename("tiktok", to: "tt")
            #expect(await recorder.waitForChange(of: "tiktok/2026/overview.csv", after: seen), "old place gone")
            #expect(await recorder.waitForChange(of: "tt/2026/overview.csv", after: seen), "new place seen")

            seen = recorder.batches.count
            directory.append("tt/2026/overview.csv", "2026-11-21,120\n")
            #expect(await recorder.waitForChange(of: "tt/2026/overview.csv", after: seen), "append after move")

            seen = recorder.batches.count
            directory.delete("tt")
            #expect(await recorder.waitForChange(of: "tt/2026/overview.csv", after: seen), "directory removed")
        }
    }

    @Test(arguments: TestedWatchMode.allCases)
    func burstOfAppendsIsCoalesced(mode: TestedWatchMode) async throws {
        try await withWatcher(mode) { directory, recorder, _ in
            directory.append("burst.csv", "date,likes\n")
            #expect(await recorder.waitForChange(of: "burst.csv", after: 0))
            let seen = recorder.batches.count
            for i in 0..<1000 { directory.append("burst.csv", "2026-11-20,\(i)\n") }
            // Events arrive in order, so once the marker is reported every append has been.
            directory.append("marker.csv", "date\n")
            #expect(await recorder.waitForChange(of: "marker.csv", after: seen))
            let burstBatches = recorder.batches.dropFirst(seen).filter { $0.paths.contains("burst.csv") }
            #expect((1...10).contains(burstBatches.count))
        }
    }

    @Test(arguments: TestedWatchMode.allCases)
    func stopIsIdempotent(mode: TestedWatchMode) async throws {
        try await withWatcher(mode) { _, _, watcher in
            watcher.stop()
            watcher.stop()
        }
    }

    @Test func missingRootIsAnError() {
        let watcher = DirectoryWatcher(root: "/nonexistent/kpitop-data", isDataFile: isTestDataFile) { _ in }
        #expect(throws: WatchError.notADirectory("/nonexistent/kpitop-data")) { try watcher.start() }
    }
}

import Foundation
import Testing

/// The built `kpitop` against the defects an outside attack found (issue 10): a NUL byte,
/// directory links, escapes in CSV output, bad goals, a `report --watch` whose reader is gone,
/// `--as-of` out of range.
@Suite struct ReliabilityEndToEndTests {
    static var environment: [String: String] {
        ["HOME": "/nonexistent", "XDG_CONFIG_HOME": "/nonexistent", "TZ": "UTC", "LANG": "C.UTF-8",
         "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    static func run(_ arguments: String...) throws -> CommandRun {
        try CommandRun(arguments, environment: environment)
    }

    @Test func asOfOutsideTheYears1970To9999IsAUsageError() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let data = fixture.dataDirectory.path
        for day in ["0000-01-01", "1969-12-31", "0001-12-31"] {
            let run = try Self.run("report", "--data", data, "--as-of", day)
            #expect(run.status == 64, "\(day)")
            #expect(run.stderr.contains("--as-of '\(day)' is out of range: the year must be from 1970 to 9999"), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        for day in ["1970-01-01", "9999-12-31"] {
            let run = try Self.run("report", "--data", data, "--as-of", day, "--format", "json")
            #expect(run.status == 0, "\(day): \(run.stderr)")
            #expect(run.stdout.contains("\"as_of\": \"\(day)\""))
        }
    }

    /// More data files than the process may have open at once (a limit of 64 here; 1,024 is
    /// the usual one): every file is read, none is rejected as "Too many open files".
    @Test func moreFilesThanTheOpenFileLimitAreAllRead() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let data = fixture.dataDirectory.path + "/many"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for index in 0..<300 {
            try "date,impressions\n2026-11-20,\(index)\n".write(toFile: data + "/export-\(index).csv", atomically: false, encoding: .utf8)
        }
        let run = try CommandRun(executable: "/bin/sh",
                                 ["-c", "ulimit -n 64 && exec \"$0\" check --data \"$1\"", DashboardFixture.executable.path, data],
                                 environment: Self.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("300 files"), "\(run.stdout)")
        #expect(run.stdout.contains("0 rejected rows") || !run.stdout.contains("rejected"), "\(run.stdout)")
        #expect(!run.stdout.contains("Too many open files"), "\(run.stdout)")
    }

    @Test func aGoalsFileThatIsNotThereExits66() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let data = fixture.dataDirectory.path
        let missing = data + "/no-such-goals.toml"
        for arguments in [["report", "--data", data, "--goals", missing],
                          ["report", "--data", data, "--goals", missing, "--watch", "--format", "jsonl"]] {
            let run = try CommandRun(arguments, environment: Self.environment)
            #expect(run.status == 66, "\(arguments)")
            #expect(run.stderr == "kpitop: cannot read goals file '\(missing)': No such file or directory\n")
        }
        try "goals = \"\(missing)\"\n".write(toFile: data + "/config.toml", atomically: true, encoding: .utf8)
        #expect(try Self.run("report", "--data", data, "--config", data + "/config.toml").status == 66)
    }

    @Test func nanInfinityAndNegativeGoalTargetsAreRefusedWithTheirLine() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try fixture.write("""
            [[goal]]
            kpi = "reach"
            target = nan
            deadline = 2099-12-31

            [[goal]]
            kpi = "reach"
            target = -5
            deadline = 2099-12-31

            [[goal]]
            kpi = "likes"
            target = inf
            deadline = 2099-12-31
            """, to: "goals.toml")
        let run = try Self.run("report", "--data", fixture.dataDirectory.path, "--format", "json")
        #expect(run.status == 0)
        let goals = fixture.dataDirectory.appendingPathComponent("goals.toml").path
        #expect(run.stderr.contains("kpitop: \(goals):3: target must be a finite number (nan and inf are not targets)"))
        #expect(run.stderr.contains("kpitop: \(goals):8: target must be 0 or more (reach is never negative)"))
        #expect(run.stderr.contains("kpitop: \(goals):13: target must be a finite number"))
        #expect(run.stdout.contains("\"goals\": []"))
    }

    @Test func csvReportCarriesNoTerminalEscapes() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try fixture.write("date,platform,impressions\n\(DashboardFixture.today),\u{1B}]52;c;ZXZpbA==\u{07}evil,5\n"
                          + "\(DashboardFixture.today),=\u{1B}]0;pwned\u{07},6\n", to: "mixed.csv")
        let run = try Self.run("report", "--data", fixture.dataDirectory.path, "--format", "csv")
        #expect(run.status == 0)
        #expect(!run.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(run.stdout.contains("?]52;c;"))
        #expect(run.stdout.contains("\n'=?]0;pwned?,impressions,"))
    }

    @Test func checkNamesTheLineOfANulByteAndTheRestIsIgnored() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let day = DashboardFixture.yesterday
        try fixture.write("date,impressions\n\(day),1000\n\(day),20\u{0}00\n\(day),300000\n", to: "tiktok/nul.csv")
        let check = try Self.run("check", "--data", fixture.dataDirectory.path)
        #expect(check.status == 1)
        #expect(check.stdout.contains("tiktok/nul.csv:3: not text (NUL byte); the rest of the file is ignored"))
        let report = try Self.run("report", "--data", fixture.dataDirectory.path, "--format", "json")
        #expect(report.stdout.contains("\"tiktok\": {\n      \"impressions\": {\"value\": 1000,"))
    }

    @Test func directoryLinksAreListedByCheckAndFollowedOnlyWhenAsked() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let data = fixture.dataDirectory.path
        let outside = data + "-outside"
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "date,impressions\n\(DashboardFixture.today),777\n".write(toFile: outside + "/a.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: data + "/youtube", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: data + "/proc", withDestinationPath: "/proc")

        let check = try Self.run("check", "--data", data)
        #expect(check.status == 0)
        #expect(check.stdout.contains("skipped link: youtube -> \(outside): not followed (--follow-links follows directory links)"))
        #expect(check.stdout.contains("skipped link: proc -> /proc: not followed"))
        #expect(check.stdout.hasPrefix("3 files, 3 platforms"))
        let followed = try Self.run("check", "--data", data, "--follow-links")
        #expect(followed.stdout.hasPrefix("4 files, 4 platforms"))
        #expect(followed.stdout.contains("skipped link: proc -> /proc: not followed: /proc, /sys and /dev are never read"))
        #expect(!followed.stdout.contains("skipped link: youtube"))

        #expect(!(try Self.run("report", "--data", data)).stdout.contains("youtube"))
        #expect((try Self.run("report", "--data", data, "--follow-links")).stdout.contains("youtube"))
        try "follow_links = true\n".write(toFile: data + "/config.toml", atomically: true, encoding: .utf8)
        let configured = try Self.run("report", "--data", data, "--config", data + "/config.toml", "--format", "json")
        #expect(configured.stdout.contains("\"youtube\": {"))
        let overridden = try Self.run("report", "--data", data, "--config", data + "/config.toml", "--no-follow-links")
        #expect(!overridden.stdout.contains("youtube"))
    }

    /// `report --watch | head -1` on a directory where nothing changes: kpitop notices that
    /// its reader is gone and exits, so the pipeline ends.
    @Test func reportWatchEndsWhenItsReaderIsGone() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let output = fixture.dataDirectory.appendingPathComponent("first-line.out").path
        let command = "'\(DashboardFixture.executable.path)' report --watch --format jsonl --config /dev/null "
            + "--data '\(fixture.dataDirectory.path)' | head -1 > '\(output)'; echo done >> '\(output)'"
        let shell = try ShellPipeline(command, environment: Self.environment)
        defer { shell.kill() }
        let ended = try TmuxSession.waitUntil(timeout: 30) { shell.hasExited }
        #expect(ended, "report --watch was still running after its reader exited")
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let printedAReport = text.hasPrefix("{"), pipelineFinished = text.hasSuffix("done\n")
        #expect(printedAReport)
        #expect(pipelineFinished)
    }
}

/// `sh -c command` in the background, for pipelines; stdin, stdout and stderr are /dev/null.
final class ShellPipeline {
    private let pid: pid_t
    private var status: Int32?

    init(_ command: String, environment: [String: String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        // A process group of its own, so that `kill()` ends every process of the pipeline.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        let words: [String] = ["/bin/sh", "-c", command]
        let argv = words.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, envp)
        guard result == 0 else { throw TmuxSession.Failure(description: "cannot start sh: error \(result)") }
        pid = child
    }

    /// True once the shell (and with it the pipeline) has exited; reaps it.
    var hasExited: Bool {
        if status != nil { return true }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return false }
        status = raw
        return true
    }

    /// Ends the whole pipeline (its process group) if it is still running.
    func kill() {
        guard !hasExited else { return }
        Glibc.kill(-pid, SIGKILL)
        var raw: Int32 = 0
        waitpid(pid, &raw, 0)
    }
}

import Foundation
import Testing

/// The built `kpitop` run as cron or a shell would: the config file, exit statuses,
/// `--fail-on-alert`, OpenMetrics output, completions and help.
@Suite struct CommandLineTests {
    /// A data directory (the dashboard fixture: 28 days of instagram, x and linkedin) and an
    /// `XDG_CONFIG_HOME` holding `kpitop/config.toml` with `config`.
    struct Setup {
        let fixture: DashboardFixture
        let configHome: URL
        var configFile: String { configHome.appendingPathComponent("kpitop/config.toml").path }
        var environment: [String: String] {
            ["XDG_CONFIG_HOME": configHome.path, "HOME": configHome.path, "TZ": "UTC", "LANG": "C.UTF-8",
             "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        }

        init(config: String) throws {
            fixture = try DashboardFixture()
            configHome = fixture.dataDirectory.appendingPathComponent("xdg")
            try FileManager.default.createDirectory(at: configHome.appendingPathComponent("kpitop"),
                                                    withIntermediateDirectories: true)
            try config.write(toFile: configFile, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: String...) throws -> CommandRun {
            try CommandRun(arguments, environment: environment)
        }

        func remove() { fixture.remove() }
    }

    @Test func failOnAlertExitsTwoAfterPrintingTheReport() throws {
        let breached = try Setup(config: """
            [[alert]]
            name = "Too many impressions"
            kpi = "impressions"
            platform = "instagram"
            above = 1000
            """)
        defer { breached.remove() }
        let data = breached.fixture.dataDirectory.path
        let run = try breached.run("report", "--data", data, "--format", "markdown", "--fail-on-alert")
        #expect(run.status == 2)
        #expect(run.stdout.contains("| Too many impressions | instagram |"))
        #expect(run.stdout.contains("**breached**"))
        #expect(run.stderr.contains("1 of 1 alert breached"))
        // Without the flag the same report exits 0.
        #expect(try breached.run("report", "--data", data).status == 0)

        let quiet = try Setup(config: "[[alert]]\nkpi = \"impressions\"\nabove = 1e12\n")
        defer { quiet.remove() }
        let fine = try quiet.run("report", "--data", quiet.fixture.dataDirectory.path, "--fail-on-alert")
        #expect(fine.status == 0)
        #expect(fine.stdout.contains("Alerts: no alert breached (1 checked)"))
    }

    @Test func aBadConfigFileStopsEveryCommandWithStatus65() throws {
        let setup = try Setup(config: "window = \"7d\"\nthme = \"nord\"\n")
        defer { setup.remove() }
        let data = setup.fixture.dataDirectory.path
        for arguments in [["report", "--data", data], ["check", "--data", data], ["config"], ["--data", data]] {
            let run = try CommandRun(arguments, environment: setup.environment)
            #expect(run.status == 65, "\(arguments): \(run.stderr)")
            #expect(run.stderr == "kpitop: \(setup.configFile):2: unknown key 'thme' in the config file (did you mean 'theme'?)\n")
        }
        let missing = try setup.run("config", "--config", data + "/missing.toml")
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("missing.toml: cannot read the file"))
    }

    @Test func configShowsEachSettingAndWhereItCameFrom() throws {
        let setup = try Setup(config: "data = \"/srv/kpi\"\nbell = true\n\n[[alert]]\nkpi = \"ctr\"\nbelow = \"1%\"\n")
        defer { setup.remove() }
        let run = try setup.run("config", "--window", "7d", "--no-bell")
        #expect(run.status == 0, "\(run.stderr)")
        // Compare with the alignment padding squeezed to one space.
        let lines = run.stdout.split(separator: "\n").map { $0.replacing(#/\s+#/#, with: " #") }
        #expect(lines.contains("data = \"/srv/kpi\" # \(setup.configFile):1"))
        #expect(lines.contains("window = \"7d\" # flag --window"))
        #expect(lines.contains("bell = false # flag --bell"))
        #expect(lines.contains("refresh = \"1s\" # default"))
        #expect(lines.contains("tz = \"UTC\" # default (the system's)"))
        #expect(lines.contains("[[alert]] # \(setup.configFile):4"))
        #expect(lines.contains("below = \"1%\""))
    }

    @Test func theConfiguredDataDirectoryAndWindowAreUsed() throws {
        let setup = try Setup(config: "window = \"7d\"\n")
        defer { setup.remove() }
        try "data = \"\(setup.fixture.dataDirectory.path)\"\nwindow = \"7d\"\n"
            .write(toFile: setup.configFile, atomically: true, encoding: .utf8)
        let run = try setup.run("report", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["window"] as? [String: Any])?["days"] as? Int == 7)
        #expect((object["platforms"] as? [String: Any])?.keys.sorted() == ["all", "instagram", "linkedin", "x"])
        // A flag still wins.
        let flagged = try setup.run("report", "--format", "json", "--window", "28d")
        #expect(flagged.stdout.contains("\"days\": 28"))
    }

    @Test func openMetricsEndsWithEOF() throws {
        let setup = try Setup(config: "")
        defer { setup.remove() }
        let run = try setup.run("report", "--data", setup.fixture.dataDirectory.path, "--format", "openmetrics")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# TYPE kpitop_impressions gauge\n"))
        #expect(run.stdout.contains("kpitop_impressions{platform=\"instagram\",window=\"28d\"} "))
        #expect(run.stdout.contains("\nkpitop_rejected_rows 0\n"))
        #expect(run.stdout.contains("kpitop_goal_target{goal=\"Instagram reach\",kpi=\"reach\",platform=\"instagram\"} 1000\n"))
        #expect(run.stdout.hasSuffix("\n# EOF\n"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsKnowEverySubcommand(shell: String) throws {
        let run = try CommandRun(["--generate-completion-script", shell], environment: [:])
        #expect(run.status == 0)
        for subcommand in ["dashboard", "report", "check", "demo", "config"] {
            #expect(run.stdout.contains(subcommand), "\(shell) completion lacks \(subcommand)")
        }
        #expect(run.stdout.contains("fail-on-alert"))
    }

    /// What bash offers after `words` (the last one being completed), with the completion
    /// script `kpitop` generates.
    private func bashCompletions(_ words: [String], in folder: String) throws -> [String] {
        let script = try CommandRun(["--generate-completion-script", "bash"], environment: [:]).stdout
        let scriptFile = folder + "/kpitop.bash"
        try script.write(toFile: scriptFile, atomically: true, encoding: .utf8)
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let harness = """
            source '\(scriptFile)'
            cd '\(folder)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _kpitop kpitop "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let path = DashboardFixture.executable.deletingLastPathComponent().path + ":/usr/bin:/bin"
        let run = try CommandRun(executable: "/bin/bash", ["-c", harness], environment: ["PATH": path, "HOME": folder])
        return run.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesTheValueAnOptionTakesNeverASubcommand() throws {
        let setup = try Setup(config: "")
        defer { setup.remove() }
        let folder = setup.fixture.dataDirectory.path
        // The data directory has folders (instagram, x, linkedin, xdg) and a file (goals.toml).
        let directories = try bashCompletions(["kpitop", "--data", ""], in: folder)
        #expect(Set(directories) == ["instagram", "linkedin", "x", "xdg"], "\(directories)")
        #expect(try bashCompletions(["kpitop", "--window", ""], in: folder) == ["1d", "7d", "28d", "90d", "mtd", "qtd", "all"])
        let themes = try bashCompletions(["kpitop", "--theme", ""], in: folder)
        #expect(themes.contains("nord") && themes.contains("default") && !themes.contains("report"), "\(themes)")
        #expect(try bashCompletions(["kpitop", "--tz", "Europe/Be"], in: folder).contains("Europe/Berlin"))
        #expect(try bashCompletions(["kpitop", "demo", "--theme", "gru"], in: folder) == ["gruvbox"])
        #expect(try bashCompletions(["kpitop", "report", "--format", "j"], in: folder) == ["json", "jsonl"])
        #expect(try bashCompletions(["kpitop", "re"], in: folder) == ["report"], "a subcommand where one is due")
    }

    @Test(arguments: [[], ["dashboard"], ["report"], ["check"], ["demo"], ["config"], ["themes"]])
    func helpFitsEightyColumns(subcommand: [String]) throws {
        let run = try CommandRun(subcommand + ["--help"], environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        let wide = run.stdout.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "lines wider than 80 columns:\n\(wide.joined(separator: "\n"))")
        // A sentence is never broken after a single word ("the\ndashboard: a flag...").
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let orphans = zip(lines, lines.dropFirst()).filter { line, next in
            !line.isEmpty && !line.contains(" ") && next.first?.isLowercase == true
        }.map(\.0)
        #expect(orphans.isEmpty, "\(orphans)")
    }

    @Test func demoHelpListsOnlyWhatDemoTakes() throws {
        let help = try CommandRun(["demo", "--help"], environment: [:]).stdout
        for option in ["--window", "--tz", "--config", "--theme", "--ascii", "--no-color", "--refresh", "--bell"] {
            #expect(help.contains(option), "demo --help lacks \(option)")
        }
        for option in ["--data", "--goals", "--as-of"] {
            #expect(!help.contains(option), "demo --help offers \(option), which demo does not take")
        }
        #expect(try CommandRun(["demo", "--data", "/tmp"], environment: [:]).status == 64)
    }

    @Test func countsReadAsWordsWithTheRightPlural() throws {
        let setup = try Setup(config: "")
        defer { setup.remove() }
        let one = FileManager.default.temporaryDirectory.appendingPathComponent("kpitop-one-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: one) }
        try FileManager.default.createDirectory(at: one.appendingPathComponent("x"), withIntermediateDirectories: true)
        try "date,impressions\n\(DashboardFixture.yesterday),5\n\(DashboardFixture.yesterday),oops\n"
            .write(to: one.appendingPathComponent("x/daily.csv"), atomically: true, encoding: .utf8)
        let report = try setup.run("report", "--data", one.path)
        #expect(report.stdout.contains("\n1 file, 1 rejected row (kpitop check"), "\(report.stdout)")
        let check = try setup.run("check", "--data", one.path)
        #expect(check.stdout.hasPrefix("1 file, 1 platform, 0 inquiries; 1 rejected row\n"), "\(check.stdout)")
        let many = try setup.run("report", "--data", setup.fixture.dataDirectory.path)
        #expect(many.stdout.contains("\n3 files, 0 rejected rows\n"), "\(many.stdout)")
    }

    @Test func reportsTextTableCutsNoLabel() throws {
        let setup = try Setup(config: "")
        defer { setup.remove() }
        let report = try setup.run("report", "--data", setup.fixture.dataDirectory.path).stdout
        for title in ["Follower growth rate", "First response p90", "Engagement rate"] {
            #expect(report.contains("  \(title) "), "\(title) is cut:\n\(report)")
        }
    }

    @Test(arguments: ["dashboard", "report", "check", "demo", "config"])
    func everySubcommandsHelpHasAnExample(subcommand: String) throws {
        let run = try CommandRun([subcommand, "--help"], environment: [:])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Example"))
        #expect(run.stdout.contains(subcommand == "dashboard" ? "  kpitop --data" : "  kpitop \(subcommand)"))
    }
}

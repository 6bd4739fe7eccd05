import KPIEngine

/// What `kpitop config` prints: the configuration in effect as a config file would say it,
/// one key per line, each followed by where its value came from, then the alerts. Paths are
/// absolute, so the output works as a config file from any folder.
public enum ConfigListing {
    /// `systemTimeZone` is shown when no time zone is set; relative paths (from flags, or
    /// `./data`) are made absolute against `workingDirectory`.
    public static func render(_ config: EffectiveConfig, systemTimeZone: String, workingDirectory: String) -> String {
        func absolute(_ path: String) -> String { Self.absolute(path, in: workingDirectory) }
        var lines = ["# kpitop configuration in effect (a flag beats the config file, which beats the default)"]
        if let path = config.configPath {
            lines.append("# config file: \(Sanitized.line(absolute(path)))" + (config.file == nil ? " (not present)" : ""))
        } else {
            lines.append("# config file: none (neither XDG_CONFIG_HOME nor HOME is set)")
        }
        /// `text`, padded, then `# source`.
        func annotated(_ text: String, _ source: SettingSource) -> String {
            text + String(repeating: " ", count: max(1, 34 - text.count)) + "# " + Sanitized.line(source.description)
        }
        /// `key = value  # source`; a commented-out `# key =` when there is no value.
        func line(_ key: String, _ value: String?, _ source: SettingSource) {
            lines.append(annotated(value.map { "\(key) = \($0)" } ?? "# \(key) =", source))
        }
        let quoted = JSONWriter.string
        line("data", config.data.value.map { quoted(absolute($0)) }, config.data.source)
        line("window", quoted(config.window.value.description), config.window.source)
        line("tz", quoted(config.tz.value ?? systemTimeZone), config.tz.source)
        line("refresh", quoted(config.refresh.value.description), config.refresh.source)
        let goals = config.goals.value ?? config.data.value.map { config.goalsFile(dataDirectory: $0).path }
        line("goals", goals.map { quoted(absolute($0)) }, config.goals.source)
        let theme = config.theme.value ?? "default"
        let isPath = theme.contains("/") || theme.hasSuffix(".toml")
        line("theme", quoted(isPath ? absolute(theme) : theme), config.theme.source)
        line("poll", String(config.poll.value), config.poll.source)
        line("bell", String(config.bell.value), config.bell.source)
        line("follow_links", String(config.followLinks.value), config.followLinks.source)
        line("max_memory", quoted(config.maxMemory.value.description.replacing(" ", with: "")), config.maxMemory.source)
        line("currency", config.currency.value.map { quoted($0.code) }, config.currency.source)
        line("compare", quoted(config.compare.value.rawValue), config.compare.source)
        let benchmarks = config.benchmarks.value ?? config.data.value.map { config.benchmarksFile(dataDirectory: $0).path }
        line("benchmarks", benchmarks.map(quoted), config.benchmarks.source)
        line("brand", config.brand.value.map { quoted($0.name) }, config.brand.source)
        if let values = config.file?.customerValues {
            let text = values.value.sorted { $0.key < $1.key }.map { "\(quoted($0.key)) = \(JSONWriter.number($0.value))" }
            line("cltv", "{ " + text.joined(separator: ", ") + " }", .file(config.file?.path ?? "", line: values.line))
        }
        let brands = config.brands
        if !brands.isEmpty {
            lines += ["", "[brands]"]
            for brand in brands {
                lines.append(annotated("\(brand.name) = \(quoted(brand.data))", .file(config.file?.path ?? "", line: brand.line)))
            }
        }

        let alerts = config.alerts
        lines += ["", alerts.isEmpty ? "# no alerts" : "# \(alerts.count) alert\(alerts.count == 1 ? "" : "s")"]
        for (index, rule) in alerts.enumerated() {
            if index > 0 { lines.append("") }
            lines.append(annotated("[[alert]]", .file(config.file?.path ?? "", line: rule.line)))
            lines.append("name = \(quoted(rule.name))")
            lines.append("kpi = \(quoted(rule.kpi.id))")
            lines.append("platform = \(quoted(rule.platform))")
            let limit = GoalTarget.parse(rule.limitText) == rule.limit ? quoted(rule.limitText) : JSONWriter.number(rule.limit)
            lines.append("\(rule.bound.rawValue) = \(limit)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `path` as an absolute path without `.` and `..` parts; `~` is left to the config file,
    /// which expands it.
    static func absolute(_ path: String, in folder: String) -> String {
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else { return path }
        var parts: [Substring] = []
        for part in (folder + "/" + path).split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}

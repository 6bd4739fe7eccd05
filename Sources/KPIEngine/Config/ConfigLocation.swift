/// Where the config file is looked for when `--config` does not say.
public enum ConfigLocation {
    /// `$XDG_CONFIG_HOME/kpitop/config.toml` when XDG_CONFIG_HOME is set, else
    /// `$HOME/.config/kpitop/config.toml`; nil when neither is set.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/kpitop/config.toml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/kpitop/config.toml" }
        return nil
    }
}

import KPIEngine

/// A time of day as people write it: `14:05`.
public enum ClockTime {
    public static func text(millisecondOfDay ms: Int64) -> String {
        let minutes = Int(ms / 60_000)
        let hour = String(minutes / 60), minute = String(minutes % 60)
        return (hour.count < 2 ? "0" + hour : hour) + ":" + (minute.count < 2 ? "0" + minute : minute)
    }
}

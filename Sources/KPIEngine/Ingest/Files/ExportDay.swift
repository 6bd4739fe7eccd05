/// The day a file was exported: the year of dates written without one (TikTok Studio) and the
/// day of a lifetime snapshot without dates come from it.
///
/// It is the latest date in the file's name (`..._20260501_20260516_en.csv` -> 2026-05-16,
/// Meta's `Jan-14-2025_Apr-14-2025_<id>.csv` -> 2025-04-14, `2026-05-16`), else the file's
/// modification day in the data time zone.
public struct ExportDay: Equatable, Sendable {
    /// Where the day came from.
    public enum Origin: String, Sendable {
        case fileName = "the file name"
        case modificationTime = "the file's modification day"
    }

    public var day: Day
    public var origin: Origin

    public init(day: Day, origin: Origin) {
        self.day = day
        self.origin = origin
    }

    /// The export day of the file at `relativePath`, modified at `modificationTime` (ns since
    /// the epoch, nil when unknown).
    static func of(relativePath: String, modificationTime: Int64?, clock: DayClock) -> ExportDay? {
        if let day = latestDate(inFileName: relativePath) { return ExportDay(day: day, origin: .fileName) }
        guard let modificationTime else { return nil }
        return ExportDay(day: clock.day(ofEpochMilliseconds: modificationTime / 1_000_000), origin: .modificationTime)
    }

    /// The latest date written in the last path component: `YYYYMMDD`, `YYYY-MM-DD` (any
    /// punctuation), `Mon-D-YYYY` or `D-Mon-YYYY`; years 1990 to 2099.
    static func latestDate(inFileName relativePath: String) -> Day? {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        let tokens = wordsAndNumbers(name)
        var latest: Day?
        func consider(_ year: Int, _ month: Int, _ day: Int) {
            guard (1990...2099).contains(year), let found = Day(year: year, month: month, day: day) else { return }
            latest = max(latest ?? found, found)
        }
        for (index, token) in tokens.enumerated() {
            let number = Int(token)
            if token.count == 8, let value = number {
                consider(value / 10_000, value / 100 % 100, value % 100)
            }
            guard index + 2 < tokens.count else { continue }
            let second = tokens[index + 1]
            let third = tokens[index + 2]
            if token.count == 4, let year = number, second.count <= 2, let month = Int(second),
               third.count <= 2, let day = Int(third) {
                consider(year, month, day)
            } else if let month = WordDate.monthNumbers[token.lowercased()], second.count <= 2, let day = Int(second),
                      third.count == 4, let year = Int(third) {
                consider(year, month, day)
            } else if token.count <= 2, let day = number, let month = WordDate.monthNumbers[second.lowercased()],
                      third.count == 4, let year = Int(third) {
                consider(year, month, day)
            }
        }
        return latest
    }

    /// Runs of ASCII letters and runs of ASCII digits (`W27` -> `W`, `27`), in order.
    static func wordsAndNumbers(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var start: String.Index?
        var startIsDigit = false
        for index in text.indices {
            let character = text[index]
            let isWordCharacter = character.isASCII && (character.isLetter || character.isNumber)
            if let current = start, !isWordCharacter || character.isNumber != startIsDigit {
                tokens.append(text[current..<index])
                start = nil
            }
            if isWordCharacter, start == nil {
                start = index
                startIsDigit = character.isNumber
            }
        }
        if let current = start { tokens.append(text[current...]) }
        return tokens
    }
}

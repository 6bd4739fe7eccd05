/// A problem in the user's `mapping.toml`, with where it is.
public struct MappingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Path of the mapping file.
    public var file: String
    /// 1-based line of the problem (0 when the file as a whole is at fault).
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}

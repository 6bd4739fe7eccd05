/// Why a theme could not be loaded, pointing at the file and line to fix.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    /// The file as it was named (or the theme name that was not found).
    public var file: String
    /// 1-based line of the problem; 0 when it concerns the whole file.
    public var line: Int
    public var problem: String

    public init(file: String, line: Int, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// `Themes/x.toml:7: 'good' is not a colour (#rrggbb expected)`.
    public var description: String {
        line > 0 ? "\(file):\(line): \(problem)" : "\(file): \(problem)"
    }
}

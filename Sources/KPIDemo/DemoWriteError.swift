import KPIEngine
/// A demo file or directory that could not be written.
public struct DemoWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The `errno` of the failed call.
    public var code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    public var description: String { "cannot write \(path) (errno \(code))" }
}

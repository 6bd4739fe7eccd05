#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fuzz targets: one per parser. Each check returns nil when the input is handled as
/// promised, else what went wrong; a crash is a failure too.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case csv, jsonl, config, goals, mapping, themes

    /// Runs the target's check on one input.
    public func check(_ bytes: UnsafeRawBufferPointer) -> String? {
        switch self {
        case .csv: IngestDifferential.mismatch(in: bytes, path: "instagram/fuzz.csv")
        case .jsonl: IngestDifferential.mismatch(in: bytes, path: "instagram/fuzz.jsonl")
        case .config: Self.text(bytes).flatMap(LoaderChecks.config)
        case .goals: Self.text(bytes).flatMap(LoaderChecks.goals)
        case .mapping: Self.text(bytes).flatMap(LoaderChecks.mapping)
        case .themes: Self.text(bytes).flatMap(LoaderChecks.theme)
        }
    }

    /// The libFuzzer entry point's body: checks the input and stops the process, with the
    /// reason on stderr, when the check fails (libFuzzer then keeps the input).
    public func run(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
        if let failure = check(bytes) {
            let message = Array("fuzz \(rawValue): \(failure)\n".utf8)
            _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            abort()
        }
        return 0
    }

    /// The text a TOML loader parses; nil for bytes that are not UTF-8, which reading the
    /// file refuses before any parsing.
    private static func text(_ bytes: UnsafeRawBufferPointer) -> String? {
        String(validating: bytes, as: UTF8.self)
    }
}

import Foundation
import FuzzChecks
import Testing

/// Every input kept in `Fuzz/` passes its fuzz target's check: the seed corpus, and the
/// inputs a fuzz run once failed on (minimised), so that a fixed bug stays fixed.
@Suite struct FuzzRegressionTests {
    static let fuzzDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// The files of `Fuzz/<folder>/<target>/`, sorted (none when there is no such folder).
    static func inputs(_ folder: String, _ target: FuzzTarget) throws -> [URL] {
        let directory = fuzzDirectory.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(arguments: FuzzTarget.allCases)
    func seedCorpusPasses(target: FuzzTarget) throws {
        let seeds = try Self.inputs("Corpus", target)
        #expect(!seeds.isEmpty, "no seeds for \(target.rawValue)")
        for seed in seeds { try Self.expectPasses(seed, target) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func keptRegressionInputsPass(target: FuzzTarget) throws {
        for input in try Self.inputs("Regressions", target) { try Self.expectPasses(input, target) }
    }

    static func expectPasses(_ file: URL, _ target: FuzzTarget) throws {
        let bytes = try Data(contentsOf: file)
        let failure = bytes.withUnsafeBytes { target.check($0) }
        #expect(failure == nil, "\(target.rawValue) \(file.lastPathComponent): \(failure ?? "")")
    }
}

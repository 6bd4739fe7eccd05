import Foundation
import Testing
@testable import KPIEngine

/// docs/DATA.md tells users which column names kpitop reads; it must list every one the
/// alias table knows.
@Suite struct DocumentedAliasesTests {
    @Test func everyColumnNameIsInTheUserDocumentation() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/DATA.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let undocumented = FieldAliases.table.flatMap(\.names).filter { !text.contains("`\($0)`") }
        #expect(undocumented.isEmpty, "docs/DATA.md does not mention: \(undocumented)")
    }
}

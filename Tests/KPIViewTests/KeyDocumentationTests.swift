import Foundation
import Testing
@testable import KPIView

/// Every key the dashboard takes is explained where people look: the help overlay (`?`),
/// the README's Keys table and the man page's KEYS section.
@Suite struct KeyDocumentationTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private static var keys: [Character] { KeyMap.characterActions.keys.sorted() }

    @Test func theHelpOverlayListsEveryKey() {
        let helpKeys = HelpOverlay.entries(themeName: "x").map(\.keys)
        for key in Self.keys {
            #expect(helpKeys.contains { $0.split(separator: " ").contains(Substring(String(key))) },
                    "the help overlay does not list \(key)")
        }
    }

    @Test func theReadmeListsEveryKey() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let table = readme.split(separator: "\n").drop { $0 != "### Keys" }.prefix { !$0.hasPrefix("### Goals") }
        for key in Self.keys {
            #expect(table.contains { $0.hasPrefix("| ") && $0.contains("`\(key)`") }, "README's Keys lack \(key)")
        }
    }

    @Test func theManPageListsEveryKey() throws {
        let page = try String(contentsOf: Self.root.appendingPathComponent("Packaging/man-sections.mdoc"), encoding: .utf8)
        let items = page.split(separator: "\n").drop { $0 != ".Sh KEYS" }.prefix { $0 != ".Sh ENVIRONMENT" }
            .filter { $0.hasPrefix(".It Cm ") }
            .map { $0.dropFirst(7).replacing("\\&", with: "").split(separator: " ").filter { $0 != "," } }
        for key in Self.keys {
            #expect(items.contains { $0.contains(Substring(String(key))) }, "the man page's KEYS lack \(key)")
        }
    }
}

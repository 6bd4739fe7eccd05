import Foundation
@testable import KPIDemo
@testable import KPIEngine

/// Demo data written into a fresh temporary directory, read back as text.
struct DemoFixture {
    static let now = LocalTime(day: Day(iso: "2026-11-23")!, secondOfDay: 14 * 3600 + 5 * 60)
    let writer: DemoDataWriter

    init(seed: UInt64 = 7) throws {
        writer = DemoDataWriter(root: try DemoDataWriter.makeTemporaryRoot(), now: Self.now, seed: seed)
        try writer.writeHistory()
    }

    func remove() { try? writer.removeAll() }

    func text(_ path: String) throws -> String {
        try String(contentsOfFile: writer.root + "/" + path, encoding: .utf8)
    }

    /// Every file under the root, relative to it, sorted.
    func files() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: writer.root)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: writer.root + "/" + path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// A CSV file as rows of fields, header first.
    func csv(_ path: String) throws -> [[String]] {
        try text(path).split(separator: "\n").map { csvFields(String($0)) }
    }

    /// The rows of a CSV file as dictionaries by header name.
    func records(_ path: String) throws -> [[String: String]] {
        let rows = try csv(path)
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
    }
}

/// Splits one CSV line on commas outside double quotes, undoing `""` escapes.
func csvFields(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var iterator = line.makeIterator()
    while let character = iterator.next() {
        switch (character, quoted) {
        case ("\"", true):
            // Either an escaped quote or the end of the quoted part.
            if let next = iterator.next() {
                if next == "\"" { field.append("\"") } else {
                    quoted = false
                    if next == "," { fields.append(field); field = "" } else { field.append(next) }
                }
            } else {
                quoted = false
            }
        case ("\"", false): quoted = true
        case (",", false): fields.append(field); field = ""
        default: field.append(character)
        }
    }
    fields.append(field)
    return fields
}

extension Array where Element == Double {
    var mean: Double { isEmpty ? 0 : reduce(0, +) / Double(count) }
}

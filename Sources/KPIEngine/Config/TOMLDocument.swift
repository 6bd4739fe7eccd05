import TOMLKit
import Glibc

/// A TOML file parsed with TOMLKit, plus the line numbers TOMLKit does not keep, so that a
/// problem in a goals, config or theme file can name its line.
public struct TOMLDocument {
    public let file: String
    public let table: TOMLTable
    private let lines: [Substring]

    /// Parses `text`; a syntax error names the file and line.
    public init(text: String, file: String) throws(ConfigProblem) {
        self.file = file
        lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if let problem = TOMLValidator.problem(in: text, file: file) { throw problem }
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigProblem(file: file, line: error.source.begin.line, reason: error.description)
        } catch {
            throw ConfigProblem(file: file, line: 0, reason: "\(error)")
        }
    }

    /// Reads and parses a file.
    public init(path: String) throws(ConfigProblem) {
        guard let data = FileContents.read(path), let text = String(validating: data, as: UTF8.self) else {
            throw ConfigProblem(file: path, line: 0, reason: "cannot read the file (missing, unreadable or not UTF-8)")
        }
        try self.init(text: text, file: path)
    }

    /// The line (1-based) of the first `[name]`, `[[name]]` or `[name.sub]` header, or 0.
    public func line(ofTable name: String) -> Int {
        let headers = ["[\(name)]", "[[\(name)]]"]
        for (number, line) in lines.enumerated() {
            let text = line.trimmingSpaces
            if headers.contains(where: { text == $0 }) || text.hasPrefix("[\(name).") { return number + 1 }
        }
        return 0
    }

    /// The line (1-based) of the `index`-th `[[name]]` header, or 0.
    public func line(ofArrayTable name: String, index: Int) -> Int {
        var seen = -1
        let header = "[[\(name)]]"
        for (number, line) in lines.enumerated() {
            let text = line.trimmingSpaces
            guard text.hasPrefix(header) else { continue }
            let rest = text.dropFirst(header.count).trimmingSpaces
            guard rest.isEmpty || rest.hasPrefix("#") else { continue }
            seen += 1
            if seen == index { return number + 1 }
        }
        return 0
    }

    /// The first line at or after `from` (1-based) that contains `needle`; `from` when none.
    public func line(containing needle: String, from: Int) -> Int {
        let start = max(from, 1)
        guard start <= lines.count else { return start }
        for index in (start - 1)..<lines.count where lines[index].contains(needle) { return index + 1 }
        return start
    }

    /// The line of `key = ...` after line `from` (1-based; 0 searches from the top), before
    /// the next table header; `from` itself when the key is not written there.
    public func line(ofKey key: String, from: Int) -> Int {
        var number = max(from, 0)
        while number < lines.count {
            let text = lines[number].trimmingSpaces
            if text.hasPrefix("[") { break }
            if let equals = text.firstIndex(of: "=") {
                var name = text[..<equals].trimmingSpaces
                if name.count >= 2, name.first == "\"", name.last == "\"" { name = name.dropFirst().dropLast() }
                if name == key { return number + 1 }
            }
            number += 1
        }
        return from
    }
}

/// A problem in a configuration-like file (mapping, goals, config, theme): the same file,
/// line and reason as a rejected data row.
public typealias ConfigProblem = Rejection

extension StringProtocol {
    var trimmingSpaces: SubSequence {
        let start = firstIndex { $0 != " " && $0 != "\t" && $0 != "\r" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" && $0 != "\r" }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}

/// Whole small files as bytes.
enum FileContents {
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = Glibc.read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return out }
            out += buffer[0..<n]
        }
    }
}

/// Strings kept once each, numbered from 1 (0 means "none"): the titles of a file's posts,
/// which repeat on every daily row of a post.
struct StringTable: Sendable {
    /// Longest title kept, in bytes (cut at a character boundary with "…").
    static let longestKept = 300

    private var numbers: [String: UInt32] = [:]
    private(set) var strings: [String] = []

    /// The last string looked up and its number (a post's title repeats on its rows).
    private var last: (text: String, number: UInt32)?

    /// The number of `text` (cut to ``longestKept``), numbered anew when first seen.
    mutating func number(for text: String) -> UInt32 {
        if let last, last.text == text { return last.number }
        let number = lookUp(text)
        last = (text, number)
        return number
    }

    private mutating func lookUp(_ text: String) -> UInt32 {
        let kept = Self.cut(text)
        if let number = numbers[kept] { return number }
        strings.append(kept)
        let number = UInt32(strings.count)
        numbers[kept] = number
        return number
    }

    /// The string numbered `number`; nil for 0.
    subscript(number: UInt32) -> String? { number == 0 ? nil : strings[Int(number) - 1] }

    private static func cut(_ text: String) -> String {
        guard text.utf8.count > longestKept else { return text }
        var kept = ""
        var bytes = 0
        for character in text {
            let size = character.utf8.count
            guard bytes + size <= longestKept - 3 else { break }
            kept.append(character)
            bytes += size
        }
        return kept + "…"
    }
}

/// Shell-style patterns for file paths: `*` matches any run of characters, `?` one character.
enum PathGlob {
    /// True when `pattern` matches the whole relative path, or, for a pattern without `/`,
    /// the file's name.
    static func matches(_ pattern: String, path: String) -> Bool {
        let patternCharacters = Array(pattern)
        if matches(patternCharacters[...], Array(path)[...]) { return true }
        guard !pattern.contains("/"), let slash = path.lastIndex(of: "/") else { return false }
        return matches(patternCharacters[...], Array(path[path.index(after: slash)...])[...])
    }

    private static func matches(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var starPattern: Int?
        var starText = text.startIndex
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.endIndex, pattern[p] == "*" {
                starPattern = p
                starText = t
                p += 1
            } else if let star = starPattern {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }
}

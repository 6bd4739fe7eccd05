/// Suggestions for mistyped keys ("unknown key 'thme'; did you mean 'theme'?").
enum Spelling {
    /// The candidate closest to `word` when it is at most two edits away, else nil.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < word.count else { return nil }
        return best.0
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions from a to b.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        guard !x.isEmpty, !y.isEmpty else { return max(x.count, y.count) }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }

    /// `unknown key 'thme' (did you mean 'theme'?)`, or the list of keys allowed.
    static func unknownKey(_ key: String, allowed: [String], in place: String) -> String {
        let shown = Sanitized.line(key)
        if let guess = closest(to: key, among: allowed) { return "unknown key '\(shown)' in \(place) (did you mean '\(guess)'?)" }
        return "unknown key '\(shown)' in \(place) (expected \(allowed.joined(separator: ", ")))"
    }
}

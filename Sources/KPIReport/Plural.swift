/// A count with its noun, singular or plural: "1 file", "3 rejected rows", "1 inquiry".
public enum Plural {
    /// `plural` defaults to the noun with an `s` (`inquiry` -> `inquiries` by the `y` rule).
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        if n == 1 { return "1 \(noun)" }
        if let plural { return "\(n) \(plural)" }
        if noun.hasSuffix("y"), let last = noun.dropLast().last, !"aeiou".contains(last) {
            return "\(n) \(noun.dropLast())ies"
        }
        return "\(n) \(noun)s"
    }
}

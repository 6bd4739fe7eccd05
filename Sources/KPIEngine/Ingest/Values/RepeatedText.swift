import Glibc

/// The text of a field that often repeats from one row to the next (a post's id and title on
/// each of its daily rows): made into a `String` only when its bytes change, so that the rows
/// of one post share one.
struct RepeatedText {
    private var bytes: [UInt8] = []
    private var hadDoubledQuotes = false
    private var last: String?

    /// The field's text (see ``FieldText/string()``).
    mutating func string(_ field: FieldText) -> String {
        if let last = repeated(field) { return last }
        let text = field.string()
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: field.bytes)
        hadDoubledQuotes = field.hasDoubledQuotes
        last = text
        return text
    }

    /// The text made last, when `field` has the same bytes as the field it was made of; nil
    /// otherwise.
    func repeated(_ field: FieldText) -> String? {
        guard let last, field.hasDoubledQuotes == hadDoubledQuotes, field.count == bytes.count,
              field.count == 0 || bytes.withUnsafeBytes({ memcmp($0.baseAddress!, field.bytes.baseAddress!, field.count) == 0 })
        else { return nil }
        return last
    }
}

/// A file's decimal convention and how its CSV numbers are read under it.
///
/// The mapping file may fix it (`decimal_comma = true` or `false`). Otherwise it is undecided
/// until the first number that proves one (see ``NumberText/provenConvention(_:)``): `12,5`,
/// `1.234,50 €` or `1,234,567` decide, and so do `12.5` or `424.0`. Until then a number that
/// proves nothing (`1,234`, `1.234`) is a whole number with a thousands separator when it is a
/// count (counts have no fractions), and money is read with the default of the file's
/// delimiter: a decimal comma in `;`-separated files (European spreadsheets), a decimal point
/// otherwise. The decision depends only on the order of the file's values, never on how its
/// bytes arrive.
struct DecimalDecision: Equatable, Sendable {
    /// The convention numbers are read with now.
    private(set) var convention: DecimalConvention
    private(set) var isDecided: Bool
    /// True from the moment a value decided a decimal comma until ``takeNewComma()`` is asked.
    private var decidedCommaJustNow = false

    /// A convention the mapping file fixes.
    init(fixed convention: DecimalConvention) {
        self.convention = convention
        isDecided = true
    }

    /// Undecided, with the default of a file separated by `delimiter`.
    init(delimiter: UInt8) {
        convention = delimiter == UInt8(ascii: ";") ? .comma : .point
        isDecided = false
    }

    /// True once decimal points are decided: plain numbers then read the same as anywhere.
    var readsDecimalPoints: Bool { isDecided && convention == .point }

    /// Reads a number (`NaN` and the other placeholders are missing); `isCount` for counts,
    /// which are whole.
    @inline(__always)
    mutating func read(_ text: FieldText, isCount: Bool = true) -> NumberValue {
        if isDecided, convention == .point { return NumberText.parse(text, nanIsMissing: true) }
        return readUnderDecision(text, isCount: isCount).value
    }

    /// Reads money, with the currency sign or code it carries.
    @inline(__always)
    mutating func readMoney(_ text: FieldText) -> (value: NumberValue, sign: MoneySign) {
        if isDecided, convention == .point, let first = text.bytes.first, let last = text.bytes.last,
           first &- 0x30 < 10 || first == UInt8(ascii: "-"), last &- 0x30 < 10 {
            return (NumberText.parse(text, nanIsMissing: true), .none)
        }
        return readUnderDecision(text, isCount: false)
    }

    /// True once after a value decided that the file writes decimal commas (for a note).
    mutating func takeNewComma() -> Bool {
        defer { decidedCommaJustNow = false }
        return decidedCommaJustNow
    }

    private mutating func readUnderDecision(_ text: FieldText, isCount: Bool) -> (value: NumberValue, sign: MoneySign) {
        if NumberText.isPlainInteger(text) { return (NumberText.parse(text, nanIsMissing: true), .none) }
        if !isDecided {
            if let proven = NumberText.provenConvention(text.trimmed) {
                convention = proven
                isDecided = true
                decidedCommaJustNow = proven == .comma
            } else if isCount {
                // `1,234` or `1.234`: a count is whole, so its separator groups thousands.
                let groupsWithComma = text.bytes.contains(UInt8(ascii: ","))
                return NumberText.parseSlowly(text, convention: groupsWithComma ? .point : .comma, nanIsMissing: true)
            }
        }
        return NumberText.parseSlowly(text, convention: convention, nanIsMissing: true)
    }
}

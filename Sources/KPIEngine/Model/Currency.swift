/// The currency of money values: an ISO 4217 code (`USD`, `EUR`), from a symbol in the values
/// (`$`, `€`, `£`), a code in the header (`Amount Spent (USD)`), or the config's `currency`.
///
/// Stored as up to four ASCII bytes so that a row carries it without an allocation.
public struct Currency: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The code's bytes, packed little-endian (`USD` = 0x44_53_55).
    public let packed: UInt32

    /// A currency from its ISO code (three ASCII letters, any case); nil for anything else.
    public init?(code: some StringProtocol) {
        let bytes = Array(code.utf8)
        guard bytes.count == 3 else { return nil }
        var packed: UInt32 = 0
        for (index, byte) in bytes.enumerated() {
            let upper = byte & 0xDF
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { return nil }
            packed |= UInt32(upper) << (8 * UInt32(index))
        }
        self.packed = packed
    }

    /// The ISO code, `USD`.
    public var code: String {
        String(decoding: (0..<3).map { UInt8(truncatingIfNeeded: packed >> (8 * UInt32($0))) }, as: UTF8.self)
    }

    /// How amounts are written on screen: a symbol where one is unambiguous (`$12`, `€12`,
    /// `£12`), else the code and a space (`CHF 12`).
    public var prefix: String {
        switch code {
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        case "JPY": "¥"
        case "INR": "₹"
        default: code + " "
        }
    }

    public var description: String { code }

    public static func < (a: Currency, b: Currency) -> Bool { a.code < b.code }

    public static let usd = Currency(code: "USD")!
    public static let eur = Currency(code: "EUR")!
    public static let gbp = Currency(code: "GBP")!
}

extension Currency {
    /// A currency from its packed bytes (see ``packed``).
    init(packed: UInt32) { self.packed = packed }
}

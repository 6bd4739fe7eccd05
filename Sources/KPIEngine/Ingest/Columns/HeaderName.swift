/// Column names as the contract matches them.
enum HeaderName {
    /// Trimmed, lower-cased, without invisible format characters (U+00AD, U+200B-U+200D,
    /// U+FEFF), with spaces, dashes and dots turned into `_`.
    static func normalize(_ raw: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars where !invisible.contains(scalar.value) {
            scalars.append(scalar)
        }
        var result = ""
        for character in String(scalars).trimmingWhitespace().lowercased() {
            result.append(character == " " || character == "-" || character == "." ? "_" : character)
        }
        return result
    }

    private static let invisible: Set<UInt32> = [0x00AD, 0x200B, 0x200C, 0x200D, 0xFEFF]
}

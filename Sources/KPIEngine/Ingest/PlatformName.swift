/// Platform names as the contract spells them: lower-cased, trimmed, aliases applied.
public enum PlatformName {
    /// Lower-cases, trims, applies aliases (twitter/tw -> x, fb -> facebook, ig/insta -> instagram,
    /// yt -> youtube, li -> linkedin, tt -> tiktok). Unknown names are kept as they are.
    public static func normalize(_ raw: some StringProtocol) -> String {
        let name = raw.trimmingWhitespace().lowercased()
        return aliases[name] ?? name
    }

    private static let aliases: [String: String] = [
        "twitter": "x", "tw": "x",
        "fb": "facebook",
        "ig": "instagram", "insta": "instagram",
        "yt": "youtube",
        "li": "linkedin",
        "tt": "tiktok",
    ]
}

extension StringProtocol {
    /// The text without leading and trailing white space (Unicode-aware, no Foundation).
    func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return text[first...last]
    }
}

import KPIEngine

extension String {
    /// The text with its first letter upper-cased ("coffee tips" becomes "Coffee tips").
    func capitalizingFirstLetter() -> String { prefix(1).uppercased() + dropFirst() }
}

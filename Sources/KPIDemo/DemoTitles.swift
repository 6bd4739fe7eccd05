import KPIEngine
import Foundation

/// Plausible post titles for a made-up coffee brand, some with commas, quotes and emoji so that
/// quoting and wide characters get exercised.
enum DemoTitles {
    private static let topics = [
        "our autumn blend", "cold brew at home", "the new oat latte", "latte art basics",
        "our Lisbon roastery", "compostable cups", "the barista championship", "holiday gift boxes",
        "single-origin Ethiopia", "brewing with a V60", "espresso tonic", "decaf done right",
    ]

    private static let templates = [
        "5 ways to enjoy {}", "Behind the scenes: {}", "Meet the team behind {}", "{} is back",
        "Poll: how do you take {}?", "Giveaway: win {}, this week only", "Quick tip: {} in 60 seconds",
        "Why we love {}", "Customer stories: \"best cup ever\" ({})", "Live Q&A about {}",
        "☕ {} ☕", "New in store: {} 🎉",
    ]

    /// A title chosen with `random`.
    static func make(random: inout SplitMix64) -> String {
        let template = random.pick(templates)
        let topic = random.pick(topics)
        let title = template.replacingFirstPlaceholder(with: topic)
        return template.hasPrefix("{}") ? title.prefix(1).uppercased() + title.dropFirst() : title
    }
}

private extension String {
    func replacingFirstPlaceholder(with text: String) -> String {
        guard let range = range(of: "{}") else { return self }
        return replacingCharacters(in: range, with: text)
    }
}

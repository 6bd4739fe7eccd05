/// The columns of a website-traffic table (a Google Analytics 4 "Download file" export, or a
/// pipeline's table of UTM sources), recognised by a traffic dimension (session source /
/// medium, source, channel group, campaign) next to a traffic metric (sessions, engaged
/// sessions, key events, total revenue). English and German names are built in; a mapping
/// file can name others (`"Fuente de la sesión" = "traffic_source"`).
///
/// In such a table `Sessions` are the platform's referred sessions (not `website_visits`),
/// `Key events` (formerly `Conversions`) are site conversions and `Total revenue` is site
/// revenue. `Session key event rate`, `Engagement rate` and the like are ratios kpitop works
/// out itself, so they are not read.
struct TrafficColumns: Sendable {
    /// What the table's rows break the sessions down by, best first: a table of a better kind
    /// wins over the others of the same file (``HeldTraffic``).
    enum Breakdown: Int, Comparable, Sendable {
        /// A source and a campaign (session source / medium with session campaign).
        case sourceAndCampaign
        /// The session's source (or source / medium, manual source, utm_source).
        case source
        /// A campaign alone (its platform comes from mapping.toml).
        case campaign
        /// The default channel group (Organic Social, Paid Social, Direct...).
        case channelGroup
        /// The first user's source (user acquisition).
        case firstUserSource
        /// The first user's channel group.
        case firstUserChannelGroup

        static func < (a: Breakdown, b: Breakdown) -> Bool { a.rawValue < b.rawValue }

        /// How `check` and notes name it.
        var name: String {
            switch self {
            case .sourceAndCampaign: "source and campaign"
            case .source: "session source"
            case .campaign: "campaign"
            case .channelGroup: "channel group"
            case .firstUserSource: "first user source"
            case .firstUserChannelGroup: "first user channel group"
            }
        }
    }

    /// Column meanings of the table (normalised header -> field).
    let meanings: [String: CanonicalField]
    let breakdown: Breakdown

    /// The traffic columns of a header given as normalised names (with the mapping's own
    /// names), or nil when it is not a traffic table.
    init?(_ names: [String], mapping: [String: CanonicalField]) {
        var meanings: [String: CanonicalField] = [:]
        var firstUser = false
        for name in names {
            if let mapped = mapping[name] {
                if Self.isTraffic(mapped) { meanings[name] = mapped }
                continue
            }
            let compact = Self.compact(name)
            if let field = Self.dimensions[compact] {
                meanings[name] = field
                if compact.hasPrefix("first_user") || compact.hasPrefix("erste") { firstUser = true }
            } else if let field = Self.metrics[compact] {
                meanings[name] = field
            }
        }
        let fields = Set(meanings.values)
        // Sessions, engaged sessions or key events: `Conversions` or revenue beside a column
        // named `Source` could be anything.
        guard fields.contains(where: Self.isSessionMetric) else { return nil }
        let hasSource = fields.contains(.trafficSource), hasCampaign = fields.contains(.campaign)
        if hasSource {
            breakdown = firstUser ? .firstUserSource : hasCampaign ? .sourceAndCampaign : .source
        } else if fields.contains(.channelGroup) {
            breakdown = firstUser ? .firstUserChannelGroup : .channelGroup
        } else if hasCampaign {
            breakdown = .campaign
        } else {
            return nil
        }
        self.meanings = meanings
    }

    /// Sessions, engaged sessions or key events (not `conversions`, the older, vaguer name).
    private static func isSessionMetric(_ field: CanonicalField) -> Bool {
        field == .metric(.sessions) || field == .metric(.engagedSessions) || field == .metric(.siteConversions)
    }

    private static func isTraffic(_ field: CanonicalField) -> Bool {
        field == .trafficSource || field == .channelGroup || field == .campaign
    }

    /// A normalised name with runs of `_` made one and none around `/`:
    /// `sitzung___quelle_/_medium` -> `sitzung_quelle/medium`.
    static func compact(_ name: String) -> String {
        var out = ""
        for character in name {
            if character == "_", out.last == "_" || out.last == "/" { continue }
            if character == "/", out.last == "_" { out.removeLast() }
            out.append(character)
        }
        return out
    }

    /// Traffic dimensions, compacted.
    static let dimensions: [String: CanonicalField] = [
        "session_source/medium": .trafficSource, "session_source": .trafficSource,
        "session_manual_source": .trafficSource, "session_manual_source/medium": .trafficSource,
        "source/medium": .trafficSource, "source": .trafficSource, "utm_source": .trafficSource,
        "first_user_source/medium": .trafficSource, "first_user_source": .trafficSource,
        "first_user_manual_source": .trafficSource, "first_user_manual_source/medium": .trafficSource,
        "sitzung_quelle/medium": .trafficSource, "sitzung_quelle": .trafficSource,
        "sitzung_manuelle_quelle": .trafficSource, "quelle/medium": .trafficSource, "quelle": .trafficSource,
        "erste_nutzerinteraktion_quelle/medium": .trafficSource, "erste_nutzerinteraktion_quelle": .trafficSource,
        "session_primary_channel_group_(default_channel_group)": .channelGroup,
        "session_default_channel_group": .channelGroup, "session_primary_channel_group": .channelGroup,
        "default_channel_group": .channelGroup, "session_default_channel_grouping": .channelGroup,
        "first_user_primary_channel_group_(default_channel_group)": .channelGroup,
        "first_user_default_channel_group": .channelGroup,
        "sitzung_primäre_channelgruppe_(standard_channelgruppe)": .channelGroup,
        "sitzung_primäre_channelgruppe": .channelGroup, "sitzung_standard_channelgruppe": .channelGroup,
        "session_campaign": .campaign, "session_campaign_name": .campaign, "session_manual_campaign_name": .campaign,
        "session_manual_campaign": .campaign, "utm_campaign": .campaign, "first_user_campaign": .campaign,
        "sitzung_kampagne": .campaign,
    ]

    /// Traffic metrics and the time columns of such tables, compacted.
    static let metrics: [String: CanonicalField] = [
        "sessions": .metric(.sessions), "sitzungen": .metric(.sessions),
        "engaged_sessions": .metric(.engagedSessions), "sitzungen_mit_interaktionen": .metric(.engagedSessions),
        "key_events": .metric(.siteConversions), "conversions": .metric(.siteConversions),
        "schlüsselereignisse": .metric(.siteConversions),
        "total_revenue": .metric(.siteRevenue), "purchase_revenue": .metric(.siteRevenue),
        "gesamtumsatz": .metric(.siteRevenue),
        "date": .time, "datum": .time,
        "nth_day": .nthDay, "n_ter_tag": .nthDay,
    ]
}

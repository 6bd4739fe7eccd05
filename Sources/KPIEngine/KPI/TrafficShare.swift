/// `social_share_of_traffic` = social sessions / all sessions of the site: a platform's (or,
/// for `all`, every social platform's) website sessions over the sessions of every source,
/// which are the social platforms' and the "not social" total's
/// (``KPISnapshot/notSocialPlatform``). Without a "not social" total the site's sessions are
/// not known and the share is null.
enum TrafficShare {
    /// The share for each platform and for `all`, with previous and daily values.
    static func values(_ facts: [PlatformFacts], notSocial: PlatformFacts?, days: Int,
                       hasPrevious: Bool) -> [String: KPIValue] {
        let social = facts.filter { $0.current.has(.field(.sessions)) }
        guard let notSocial, notSocial.current.has(.field(.sessions)) else {
            var out: [String: KPIValue] = [:]
            for platform in facts { out[platform.name] = KPIValue(value: nil, previous: nil, daily: Array(repeating: nil, count: days)) }
            out[KPISnapshot.allPlatforms] = KPIValue(value: nil, previous: nil, daily: Array(repeating: nil, count: days),
                                                     platforms: [])
            return out
        }
        func sessions(_ facts: WindowFacts?) -> Double { facts?.sums[.sessions] ?? 0 }
        let site = social.reduce(sessions(notSocial.current)) { $0 + sessions($1.current) }
        let previousKnown = hasPrevious && notSocial.gap == nil && notSocial.previous != nil
        let sitePrevious = social.reduce(sessions(notSocial.previous)) { $0 + sessions($1.previous) }
        let siteDaily = (0..<days).map { day in
            social.reduce(sessions(notSocial.daily[day])) { $0 + sessions($1.daily[day]) }
        }
        func share(_ part: Double?, of whole: Double) -> Double? {
            guard let part, whole != 0 else { return nil }
            return part / whole
        }
        var out: [String: KPIValue] = [:]
        for platform in facts {
            let has = platform.current.has(.field(.sessions))
            let previous = has && previousKnown && platform.gap == nil
                ? share(platform.previous?.sums[.sessions], of: sitePrevious) : nil
            out[platform.name] = KPIValue(
                value: has ? share(sessions(platform.current), of: site) : nil, previous: previous,
                daily: (0..<days).map { has ? share(platform.daily[$0].sums[.sessions], of: siteDaily[$0]) : nil })
        }
        let socialTotal = social.reduce(0) { $0 + sessions($1.current) }
        let socialPrevious = social.reduce(0) { $0 + sessions($1.previous) }
        let allPrevious = previousKnown && !social.isEmpty && social.allSatisfy { $0.gap == nil }
        out[KPISnapshot.allPlatforms] = KPIValue(
            value: social.isEmpty ? nil : share(socialTotal, of: site),
            previous: allPrevious ? share(socialPrevious, of: sitePrevious) : nil,
            daily: (0..<days).map { day in
                social.isEmpty ? nil : share(social.reduce(0) { $0 + sessions($1.daily[day]) }, of: siteDaily[day])
            },
            platforms: social.map(\.name))
        return out
    }

    /// The share of one platform (nil: `all`) over any window, from the facts of every
    /// platform and of the "not social" total over it.
    static func value(platform: String?, facts: [String: WindowFacts], notSocial: WindowFacts?) -> Double? {
        guard let notSocial, let others = notSocial.sums[.sessions] else { return nil }
        let social = facts.values.compactMap { $0.sums[.sessions] }
        let site = social.reduce(others, +)
        guard site != 0 else { return nil }
        if let platform { return facts[platform]?.sums[.sessions].map { $0 / site } }
        return social.isEmpty ? nil : social.reduce(0, +) / site
    }
}

/// Checks the constant values of a mapping file (`[file.values]`) as a data file would hold them.
enum ConstantValue {
    /// True when `text` is a valid value of `field`: a time for the time fields, a number for
    /// the numeric ones, anything for text fields.
    static func isValid(_ text: String, for field: CanonicalField) -> Bool {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { buffer in
            let value = FieldText(bytes: UnsafeRawBufferPointer(buffer))
            switch field {
            case .time, .publishTime, .rangeStart, .rangeEnd, .campaignStart, .campaignEnd, .openedAt, .firstResponseAt,
                 .resolvedAt:
                var reader = TimeText(clock: utcClock)
                if case .time = reader.parse(value) { return true }
                return false
            case .metric, .followers, .csat, .firstReplyMinutes, .customerValue:
                if case .number = NumberText.parse(value) { return true }
                return false
            case .averageViewDuration:
                return DurationText.seconds(value) != nil
            case .currency:
                return Currency(code: text) != nil
            case .nthDay:
                if case .number = NumberText.parse(value) { return true }
                return false
            case .id, .title, .platform, .postType, .permalink, .sentiment, .trafficSource, .channelGroup, .campaign:
                return true
            }
        }
    }

    private static let utcClock = DayClock(identifier: "UTC")!
}

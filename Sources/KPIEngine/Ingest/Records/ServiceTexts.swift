/// The texts of a service record's values, by what they hold; empty for a column the file does
/// not have (read the same as an empty field).
struct ServiceTexts {
    var openedAt = FieldText.empty
    var firstResponseAt = FieldText.empty
    var firstReplyMinutes = FieldText.empty
    var resolvedAt = FieldText.empty
    var csat = FieldText.empty
    var sentiment = FieldText.empty
}

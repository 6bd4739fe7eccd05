/// Turns a row's platform field into a normalised name, reusing the last answer while the
/// bytes repeat (so rows of one platform cost no allocation).
struct PlatformInterner {
    private var lastBytes: [UInt8] = []
    private var lastName = ""

    mutating func name(for text: FieldText) -> String {
        let trimmed = text.trimmed
        if trimmed.count == lastBytes.count, !lastBytes.isEmpty,
           lastBytes.withUnsafeBytes({ $0.elementsEqual(trimmed.bytes) }) {
            return lastName
        }
        lastBytes = Array(trimmed.bytes)
        lastName = PlatformName.normalize(trimmed.string())
        return lastName
    }
}

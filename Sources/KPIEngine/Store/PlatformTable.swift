/// Values by platform number for one file's small tables: the first platform's value is
/// kept inline, and a dictionary is made only for a second platform. Most files have rows of
/// one platform, for which a dictionary cost some 80 bytes of heap each (docs/PERFORMANCE.md).
struct PlatformTable<Value: Sendable>: Sendable, Sequence {
    /// The first platform added (or, after it was removed, one of the others); nil only when
    /// the table is empty.
    private var first: (platform: UInt16, value: Value)?
    /// The other platforms' values.
    private var others: [UInt16: Value] = [:]

    init() {}

    init(_ values: [UInt16: Value]) {
        for (platform, value) in values { self[platform] = value }
    }

    var isEmpty: Bool { first == nil }

    var count: Int { first == nil ? 0 : 1 + others.count }

    var keys: [UInt16] { map(\.key) }

    subscript(platform: UInt16) -> Value? {
        get {
            if let first, first.platform == platform { return first.value }
            return others.isEmpty ? nil : others[platform]
        }
        set {
            guard let current = first else {
                first = newValue.map { (platform, $0) }
                return
            }
            if current.platform != platform {
                others[platform] = newValue
            } else if let newValue {
                first!.value = newValue
            } else {
                first = others.popFirst().map { ($0.key, $0.value) }
            }
        }
    }

    subscript(platform: UInt16, default value: @autoclosure () -> Value) -> Value {
        get { self[platform] ?? value() }
        set { self[platform] = newValue }
    }

    func makeIterator() -> Iterator { Iterator(first: first, others: others.makeIterator()) }

    /// The platforms with their values, the first one first.
    struct Iterator: IteratorProtocol {
        fileprivate var first: (platform: UInt16, value: Value)?
        fileprivate var others: Dictionary<UInt16, Value>.Iterator

        mutating func next() -> (key: UInt16, value: Value)? {
            if let pair = first {
                first = nil
                return (pair.platform, pair.value)
            }
            return others.next()
        }
    }
}

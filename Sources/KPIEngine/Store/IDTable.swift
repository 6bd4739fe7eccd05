import Synchronization

/// Gives strings (post and inquiry ids, platform names) small numbers, so that rows are keyed
/// by integers and each distinct string is kept once. Shared by every file of a store, and
/// safe to use from the threads that read files in parallel.
public final class IDTable: Sendable {
    private struct State {
        var numbers: [String: UInt32] = [:]
        var strings: [String] = []
    }

    /// How many strings the table takes; ``number(for:)`` returns nil beyond.
    public let limit: Int
    private let state = Mutex(State())

    public init(limit: Int) { self.limit = limit }

    /// The number of `text`, given it a new one when it has none; nil when the table is full.
    public func number(for text: String) -> UInt32? {
        state.withLock { s in
            if let number = s.numbers[text] { return number }
            guard s.strings.count < limit else { return nil }
            let number = UInt32(s.strings.count)
            s.numbers[text] = number
            s.strings.append(text)
            return number
        }
    }

    /// The number `text` already has, if any.
    public func existingNumber(for text: String) -> UInt32? {
        state.withLock { $0.numbers[text] }
    }

    /// The string numbered `number`.
    public func string(_ number: UInt32) -> String {
        state.withLock { $0.strings[Int(number)] }
    }

    /// Strings for many numbers under one lock.
    public func strings(_ numbers: some Sequence<UInt32>) -> [String] {
        state.withLock { s in numbers.map { s.strings[Int($0)] } }
    }

    /// Strings numbered so far.
    public var count: Int { state.withLock { $0.strings.count } }
}

/// The id and platform tables of one store and of the files read for it.
public final class Interning: Sendable {
    /// At most this many platform names (a key keeps 10 bits for the platform; the last
    /// number is left out so that no key is all ones, see ``KeyTable``).
    public static let platformLimit = (1 << 10) - 1
    /// At most this many distinct ids (a key keeps 30 bits for the id).
    public static let idLimit = 1 << 30

    public let platforms = IDTable(limit: Interning.platformLimit)
    public let ids = IDTable(limit: Interning.idLimit)

    public init() {}
}

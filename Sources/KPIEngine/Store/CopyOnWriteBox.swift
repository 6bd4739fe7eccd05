/// A value kept out of line behind one reference, so that a struct holding it grows by a
/// pointer however large the value is. Copies share the value until one of them changes it,
/// which first takes a copy of its own (copy on write): the box behaves as a plain value.
struct CopyOnWriteBox<Value> {
    private final class Storage {
        // Not checked at run time for overlapping access (a check on every row read into a
        // boxed value): the box changes its value only while it holds the one reference.
        @exclusivity(unchecked) var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var storage: Storage

    init(_ value: Value) {
        storage = Storage(value)
    }

    /// The value; changed in place while this box is its only holder.
    var value: Value {
        _read { yield storage.value }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.value) }
            yield &storage.value
        }
    }
}

/// The shared storage is only read, or changed by the one box that references it
/// (`isKnownUniquelyReferenced`), so two threads never touch the same value unsynchronised,
/// as with the standard library's collections.
extension CopyOnWriteBox: @unchecked Sendable where Value: Sendable {}

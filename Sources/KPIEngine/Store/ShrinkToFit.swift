extension Array {
    /// Moves the elements to storage of their exact count when the array holds much more
    /// room than it uses (appending doubles the room: up to half of it can be empty).
    mutating func shrinkToFit() {
        guard capacity > count + count / 8 + 16 else { return }
        self = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(fromContentsOf: self)
            initialized = count
        }
    }
}

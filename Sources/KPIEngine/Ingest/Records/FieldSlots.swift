/// A fixed number of reusable field slots (one per column), so splitting a row allocates nothing.
final class FieldSlots {
    let slots: UnsafeMutableBufferPointer<FieldText>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: .empty)
    }

    deinit {
        slots.deallocate()
    }
}

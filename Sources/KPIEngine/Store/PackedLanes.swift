/// A compact form of ``MetricValues`` for storage: only the lanes worth keeping (the present
/// ones and any other not zero, as a bit set), their units one after another in lane order.
/// A file's packed day sums (``DaySums``) and the restart cache (``CachedContribution``)
/// keep values this way.
extension MetricValues {
    /// The lanes worth keeping: present, or not zero.
    var storedLanes: UInt32 {
        var lanes = present
        for lane in 0..<32 where units[lane] != 0 { lanes |= 1 << UInt32(lane) }
        return lanes
    }

    /// Appends the units of `lanes` to `packed`, in lane order.
    func appendUnits(of lanes: UInt32, to packed: inout [Int64]) {
        var bits = lanes
        while bits != 0 {
            packed.append(units[bits.trailingZeroBitCount])
            bits &= bits - 1
        }
    }

    /// The values whose `lanes` have the units `packed[start...]`, in lane order.
    init(lanes: UInt32, present: UInt32, packed: [Int64], from start: Int) {
        self.init()
        var next = start
        var bits = lanes
        while bits != 0 {
            set(MetricField(rawValue: bits.trailingZeroBitCount)!, units: packed[next])
            next += 1
            bits &= bits - 1
        }
        self.present = present
    }
}

/// How charts and sparklines scale values to heights.
enum AxisMode: Equatable {
    /// From 0 (or from the lowest value below 0) to the highest: heights compare as the numbers
    /// do, and a day with 0 draws nothing.
    case fromZero
    /// Fitted to the range of the data (zoomed, `y`; followers always): small changes show,
    /// heights no longer compare.
    case fitted
}

/// Maps values onto heights from 0 (the bottom, `low`) to 1 (the top, `high`).
struct ValueScale: Equatable {
    let low: Double
    let high: Double

    /// The scale of the finite values among `values` and `extra` (a goal's target); nil when
    /// there are none.
    init?(_ values: [Double?], mode: AxisMode, including extra: [Double] = []) {
        let known = (values.compactMap { $0 } + extra).filter(\.isFinite)
        guard let smallest = known.min(), let largest = known.max() else { return nil }
        switch mode {
        case .fromZero:
            low = min(0, smallest)
            high = max(0, largest) > low ? max(0, largest) : low + 1
        case .fitted:
            // A little room under the smallest value, so that it still draws; never below 0
            // for data that is never negative.
            let span = largest > smallest ? largest - smallest : max(1, abs(largest)) * 0.5
            let floor = smallest - span * 0.1
            low = smallest >= 0 ? max(0, floor) : floor
            high = largest > low ? largest : low + span
        }
    }

    init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The height of `value`, 0...1.
    func level(_ value: Double) -> Double {
        min(1, max(0, (value - low) / (high - low)))
    }

    /// The height of 0 (the base bars grow from), 0 when 0 is below the scale.
    var zeroLevel: Double { level(0) }
}

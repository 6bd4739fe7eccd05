/// Order statistics without sorting.
enum Selection {
    /// The value of rank `rank` (1 = the largest) among `values`, found in linear time.
    static func largest(_ values: [Int64], rank: Int) -> Int64 {
        var copy = values
        let k = copy.count - rank   // its index in ascending order
        var low = 0, high = copy.count - 1
        while low < high {
            let pivot = copy[low + (high - low) / 2]
            var i = low, j = high
            while i <= j {
                while copy[i] < pivot { i += 1 }
                while pivot < copy[j] { j -= 1 }
                if i <= j {
                    copy.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return copy[k] }
        }
        return copy[k]
    }
}

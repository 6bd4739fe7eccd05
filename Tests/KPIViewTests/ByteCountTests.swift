import Testing
@testable import KPIView

@Suite struct ByteCountTests {
    @Test(arguments: [
        (Int64(0), "0 B"), (420, "420 B"), (999, "999 B"), (1000, "1.0 kB"), (9_549, "9.5 kB"),
        (9_960, "10 kB"), (120_400_000, "120 MB"), (999_600, "1.0 MB"), (1_234_000_000, "1.2 GB"),
    ])
    func decimalUnitsWithOneDecimalBelowTen(bytes: Int64, expected: String) {
        #expect(ByteCount.format(bytes) == expected)
    }
}

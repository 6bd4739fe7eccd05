// swift-tools-version:6.0
import PackageDescription

// kpitop runs on Linux only: the engine follows the data directory with inotify and calls
// Glibc, and the terminal backend links Debian's ncursesw. (SwiftPM cannot name Linux as the
// only platform; Sources/KPIEngine/LinuxOnly.swift stops a build anywhere else with a clear
// message instead of a pile of missing symbols.)
let package = Package(
    name: "kpitop",
    products: [
        .executable(name: "kpitop", targets: ["kpitop"]),
        .library(name: "KPIEngine", targets: ["KPIEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
    ],
    targets: [
        // Files -> records -> per-day rollups -> KPI snapshots. No terminal code.
        .target(
            name: "KPIEngine",
            dependencies: ["CStatfs", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // statfs(2), as a system library (module map + shim header): file-system types.
        .systemLibrary(name: "CStatfs"),
        // KPIs as text: the report formats, and the wording of values, changes, goals and
        // alerts that reports and screens share.
        .target(name: "KPIReport", dependencies: ["KPIEngine"]),
        // Demo data: 90 days of realistic exports for six platforms, and live appends.
        .target(name: "KPIDemo", dependencies: ["KPIEngine"]),
        // Snapshot + UI state -> a grid of styled cells. Pure functions, no terminal.
        .target(
            name: "KPIView",
            dependencies: ["KPIEngine", "KPIReport", "CWcwidth"]
        ),
        // The C library's wcwidth(3), which Swift's Glibc module does not declare.
        .target(name: "CWcwidth"),
        // ncursesw, as a system library (module map + shim header).
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Draws a cell grid with ncurses, reads keys, handles resize and signals.
        .target(name: "KPITerminal", dependencies: ["KPIView", "CNcursesw"]),
        .executableTarget(
            name: "kpitop",
            dependencies: [
                "KPIEngine", "KPIReport", "KPIDemo", "KPIView", "KPITerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .testTarget(
            name: "KPIEngineTests",
            dependencies: [
                "KPIEngine", "KPIReport", "KPIDemo",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Report/__Snapshots__"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KPIViewTests",
            dependencies: [
                "KPIView", "KPIEngine", "KPIReport",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "KPIDemoTests", dependencies: ["KPIDemo", "KPIEngine"]),
        // The few tests that touch ncurses; they must never run in parallel.
        .testTarget(name: "KPITerminalTests", dependencies: ["KPITerminal", "KPIView", "KPIEngine"]),
        .testTarget(name: "EndToEndTests", dependencies: ["KPIEngine"]),
        // What the fuzz targets check (whole vs pieces, loaders), shared with the test that
        // runs the seed corpus and the kept regression inputs (Fuzz/README.md).
        .target(name: "FuzzChecks", dependencies: ["KPIEngine", "KPIReport", "KPIDemo", "KPIView"], path: "Fuzz/Checks"),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzChecks"]),
    ]
)

// The libFuzzer executables, one per parser, exist only for `Scripts/fuzz` (KPITOP_FUZZ=1),
// so that `swift build` and `swift test` never compile them.
if Context.environment["KPITOP_FUZZ"] == "1" {
    for name in ["FuzzCSV", "FuzzJSONLines", "FuzzConfig", "FuzzGoals", "FuzzMapping", "FuzzThemes"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzChecks"], path: "Fuzz/Targets/\(name)"))
    }
}

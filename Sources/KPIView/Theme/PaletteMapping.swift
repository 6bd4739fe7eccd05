/// Maps a theme colour to the nearest colour a limited terminal has.
public enum PaletteMapping {
    /// The palette index nearest to `color`: for `.palette256` (and `.trueColor`, for
    /// backends that still need an index) one of xterm's 6x6x6 cube (16...231) or greys
    /// (232...255); for `.palette8` one of the ANSI colours 0...7 (black, red, green, yellow,
    /// blue, magenta, cyan, white); for `.none`, -1 (the terminal's default colour).
    public static func index(of color: RGB, depth: ColorDepth) -> Int {
        switch depth {
        case .trueColor, .palette256: xterm256Index(of: color)
        case .palette8: nearest(to: color, among: ansiColors)
        case .none: -1
        }
    }

    /// The channel levels of xterm's colour cube.
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// xterm's default values of the 8 ANSI colours.
    private static let ansiColors: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]

    private static func xterm256Index(of color: RGB) -> Int {
        let channels = [Int(color.red), Int(color.green), Int(color.blue)]
        let cube = channels.map { nearestCubeStep(to: $0) }
        let cubeColor = (cubeLevels[cube[0]], cubeLevels[cube[1]], cubeLevels[cube[2]])
        let average = channels.reduce(0, +) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let greyLevel = 8 + 10 * greyStep
        let target = (channels[0], channels[1], channels[2])
        if distance(target, (greyLevel, greyLevel, greyLevel)) < distance(target, cubeColor) {
            return 232 + greyStep
        }
        return 16 + 36 * cube[0] + 6 * cube[1] + cube[2]
    }

    private static func nearestCubeStep(to value: Int) -> Int {
        cubeLevels.indices.min { abs(cubeLevels[$0] - value) < abs(cubeLevels[$1] - value) }!
    }

    private static func nearest(to color: RGB, among palette: [(Int, Int, Int)]) -> Int {
        let target = (Int(color.red), Int(color.green), Int(color.blue))
        return palette.indices.min { distance(target, palette[$0]) < distance(target, palette[$1]) }!
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}

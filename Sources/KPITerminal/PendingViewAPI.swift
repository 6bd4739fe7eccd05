// Minimal stand-ins for KPIView API that the view branch provides; the lead deletes this
// file when the branches merge. Signatures follow the agreed KPIView API exactly.
import KPIEngine
import KPIView

extension DashboardModel {
    mutating func update(snapshot: KPISnapshot?, status: EngineStatus) {
        if let snapshot { update(snapshot: snapshot) }
    }

    var window: WindowLength { .days(28) }

    func render(width: Int, height: Int, now: Int64) -> Buffer { render(width: width, height: height) }

    var wantsBell: Bool { false }
}

/// How many colours the terminal shows.
public enum ColorDepth: Sendable { case trueColor, palette256, palette8, none }

/// Maps a 24-bit colour to the terminal's colour number.
public enum PaletteMapping {
    public static func index(of color: RGB, depth: ColorDepth) -> Int {
        let (r, g, b) = (Int(color.red), Int(color.green), Int(color.blue))
        switch depth {
        case .trueColor: return r << 16 | g << 8 | b
        case .palette256:
            func level(_ v: Int) -> Int { v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40 }
            return 16 + 36 * level(r) + 6 * level(g) + level(b)
        case .palette8: return (r > 127 ? 1 : 0) | (g > 127 ? 2 : 0) | (b > 127 ? 4 : 0)
        case .none: return -1
        }
    }
}

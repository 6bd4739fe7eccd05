/// A named colour scheme: one colour per ``ThemeRole``.
public struct Theme: Sendable, Equatable {
    public var name: String
    private let colors: [ThemeRole: RGB]

    /// A theme whose colour for each role is `color(role)`.
    public init(name: String, color: (ThemeRole) -> RGB) {
        self.name = name
        colors = Dictionary(uniqueKeysWithValues: ThemeRole.allCases.map { ($0, color($0)) })
    }

    /// The colour of a role (every role has one: the initialiser fills them all).
    public subscript(role: ThemeRole) -> RGB { colors[role]! }
}

/// The platform picker (`p`): `all` and every platform; Enter shows the one chosen.
enum PlatformPickerOverlay {
    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect) {
        PickerOverlay.draw(title: "Platform", choices: state.platformChoices, shown: state.platformFilter,
                           selected: state.overlayRow, width: 32, on: &canvas, in: rect)
    }
}

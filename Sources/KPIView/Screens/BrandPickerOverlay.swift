/// The brand picker (`B`): the config file's brands in file order; Enter opens the one
/// chosen (its data directory, goals, benchmarks and alerts).
enum BrandPickerOverlay {
    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect) {
        let widest = state.brands.map { TextWidth.columns($0) }.max() ?? 0
        PickerOverlay.draw(title: "Brand", choices: state.brands, shown: state.brand, selected: state.overlayRow,
                           width: max(32, widest + 14), on: &canvas, in: rect)
    }
}

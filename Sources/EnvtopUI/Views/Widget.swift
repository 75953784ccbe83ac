import EnvtopCore

/// Something that draws itself into a rectangle of a screen from its own inputs only.
///
/// A widget never reads `AppState`: its stored properties are plain values, built from the state
/// in one place (the `Views/Inputs/` folder, `DashboardView`'s builders). The same inputs always
/// draw the same cells.
public protocol Widget {
    func render(in area: Rect, on screen: inout Screen)
}

import EnvtopCore
import EnvtopUI
import Testing

/// Properties every rendered screen must have, whatever the data.
enum ScreenChecks {
    /// Every row is exactly `width` columns by `DisplayWidth`, and no cell carries a control
    /// character (ESC, newline, ...) that could reach the terminal.
    static func expectWellFormed(_ screen: Screen, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<screen.height {
            let row = screen.row(y: y)
            let width = DisplayWidth.of(row)
            #expect(width == screen.width, "row \(y) is \(width) columns, not \(screen.width): \(row)", sourceLocation: sourceLocation)
        }
        let controls = screen.cells.filter { cell in
            cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
        }
        #expect(controls.isEmpty, "cells with control characters: \(controls.map(\.text.debugDescription))", sourceLocation: sourceLocation)
    }

    /// The row containing `text`, if any.
    static func row(containing text: String, in screen: Screen) -> Int? {
        (0..<screen.height).first { screen.row(y: $0).contains(text) }
    }

    /// One letter per role, for `styleLines(legend:)`.
    static let legend: [ThemeRole: Character] = [
        .normal: " ", .row: ".", .selection: "S", .selectionInactive: "s", .attention: "A", .stale: "T",
        .columnHeader: "C", .stateQueued: "q", .stateStarting: "t", .stateActive: "a", .stateStopping: "p",
        .stateStopped: "x", .stateUnknown: "u", .escaped: "E", .headerAlert: "!", .paused: "P", .readOnly: "R",
        .error: "e", .warning: "w", .keyBar: "k", .keyBarKey: "K", .destructive: "D", .dim: "d",
    ]
}

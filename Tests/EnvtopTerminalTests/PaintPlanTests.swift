import EnvtopCore
import EnvtopUI
import Testing

@testable import EnvtopTerminal

@Suite("PaintPlan")
struct PaintPlanTests {
    let size = Size(width: 12, height: 3)

    func screen(_ lines: [String], style: CellStyle = .normal) -> Screen {
        var screen = Screen(size: size)
        for (y, line) in lines.enumerated() { screen.write(line, x: 0, y: y, style: style) }
        return screen
    }

    /// The plan as "y:x:text" strings, one per glyph, for compact assertions.
    func describe(_ plan: PaintPlan) -> [String] {
        plan.spans.flatMap { span in span.glyphs.map { "\(span.y):\($0.x):\($0.text)\($0.width == 2 ? "(2)" : "")" } }
    }

    @Test("the first frame is painted in full")
    func first() {
        let plan = PaintPlan(previous: nil, next: screen(["ab"]), visible: size)
        #expect(plan.isFull)
        #expect(plan.glyphCount == 36)
        #expect(plan.spans.map(\.y) == [0, 1, 2])
    }

    @Test("an unchanged frame paints nothing")
    func unchanged() {
        let frame = screen(["status 12:00", "row"])
        let plan = PaintPlan(previous: frame, next: frame, visible: size)
        #expect(plan.isEmpty && !plan.isFull)
    }

    @Test("a clock change paints only the changed digits")
    func clock() {
        let before = screen(["up 12:00:59"])
        let after = screen(["up 12:01:00"])
        let plan = PaintPlan(previous: before, next: after, visible: size)
        #expect(describe(plan) == ["0:7:1", "0:9:0", "0:10:0"])
    }

    @Test("a style change repaints the cell even if the text is the same")
    func styleOnly() {
        let before = screen(["abc"])
        var after = before
        after[1, 0] = Cell("b", style: CellStyle(.selection))
        let plan = PaintPlan(previous: before, next: after, visible: size)
        #expect(plan.spans == [PaintPlan.Span(y: 0, glyphs: [PaintPlan.Glyph(x: 1, text: "b", style: CellStyle(.selection))])])
    }

    @Test("a wide glyph is written once, with width 2, and its continuation is skipped")
    func wide() {
        let before = screen(["abcd"])
        let after = screen(["a日d"])
        let plan = PaintPlan(previous: before, next: after, visible: size)
        #expect(describe(plan) == ["0:1:日(2)"])
        let shifted = PaintPlan(previous: screen(["abcde"]), next: screen(["a日de"]), visible: size)
        #expect(describe(shifted) == ["0:1:日(2)"])
        let moved = PaintPlan(previous: screen(["abcd"]), next: screen(["ab日"]), visible: size)
        #expect(describe(moved) == ["0:2:日(2)"])
    }

    @Test("changing only the continuation side of a wide glyph repaints the whole glyph")
    func continuationChange() {
        let before = screen(["a日"])
        var after = before
        after[2, 0] = Cell("", style: CellStyle(.error), isContinuation: true)
        let plan = PaintPlan(previous: before, next: after, visible: size)
        #expect(describe(plan) == ["0:1:日(2)"])
    }

    @Test("replacing a wide glyph by narrow ones repaints both columns")
    func wideToNarrow() {
        let before = screen(["a日b"])
        let after = screen(["axyb"])
        let plan = PaintPlan(previous: before, next: after, visible: size)
        #expect(describe(plan) == ["0:1:x", "0:2:y"])
    }

    @Test("overwriting only the old continuation column starts at the old wide glyph")
    func overwriteOldContinuation() {
        let before = screen(["a日b"])
        var after = before
        // A malformed frame: the lead cell still says 日 but its continuation became text.
        after[2, 0] = Cell("z")
        let plan = PaintPlan(previous: before, next: after, visible: size)
        // 日 cannot be drawn without its continuation: a space, then the new cell.
        #expect(describe(plan) == ["0:1: ", "0:2:z"])
    }

    @Test("a wide glyph cut by the right edge of the terminal becomes a space")
    func clippedWide() {
        var frame = Screen(size: size)
        frame.write("abcdefghij日", x: 0, y: 0)
        let plan = PaintPlan(previous: nil, next: frame, visible: Size(width: 11, height: 3))
        let row = plan.spans[0].glyphs
        #expect(row.count == 11)
        #expect(row.last == PaintPlan.Glyph(x: 10, text: " ", style: .normal))
    }

    @Test("rows and columns beyond the terminal are not painted")
    func clipping() {
        let plan = PaintPlan(previous: nil, next: screen(["abcdef", "x", "y"]), visible: Size(width: 4, height: 2))
        #expect(plan.spans.count == 2)
        #expect(plan.spans.allSatisfy { $0.glyphs.count == 4 })
    }

    @Test("a frame of another size is painted in full")
    func resized() {
        let previous = Screen(size: Size(width: 10, height: 3))
        let plan = PaintPlan(previous: previous, next: screen(["a"]), visible: size)
        #expect(plan.isFull)
    }

    @Test("cells that could move the cursor are made harmless", arguments: [
        ("\u{1B}", "?"), ("\n", "?"), ("\u{9B}", "?"), ("", " "), ("\u{301}", "?"), ("é", "é"),
    ])
    func sanitised(text: String, expected: String) {
        var next = Screen(size: size)
        next[0, 0] = Cell(text)
        let plan = PaintPlan(previous: Screen(size: size), next: next, visible: size)
        #expect(plan.spans.first?.glyphs.first?.text == expected)
    }

    @Test("an orphan continuation cell is painted as a space")
    func orphanContinuation() {
        var next = Screen(size: size)
        next[3, 0] = Cell("", style: CellStyle(.error), isContinuation: true)
        let plan = PaintPlan(previous: Screen(size: size), next: next, visible: size)
        let glyphs = plan.spans.first?.glyphs ?? []
        #expect(glyphs.last == PaintPlan.Glyph(x: 3, text: " ", style: CellStyle(.error)))
        #expect(glyphs.allSatisfy { $0.width == 1 })
    }

    @Test("emoji with a variation selector keep their cluster and width")
    func emoji() {
        let before = Screen(size: size)
        var after = before
        after.write("❤️ok", x: 0, y: 1)
        let plan = PaintPlan(previous: before, next: after, visible: size)
        #expect(describe(plan) == ["1:0:❤️(2)", "1:2:o", "1:3:k"])
    }
}

@Suite("CursesPainter width agreement")
struct PainterAgreementTests {
    @Test("glyphs the C library measures the same way are drawn as they are")
    func agree() {
        #expect(CursesPainter.agreement(PaintPlan.Glyph(x: 0, text: "日", style: .normal, width: 2), libraryWidth: 2) == .agree)
        #expect(CursesPainter.agreement(PaintPlan.Glyph(x: 0, text: "a", style: .normal), libraryWidth: 1) == .agree)
    }

    @Test("a VS16 emoji the library thinks narrow is drawn as its base character plus a space")
    func narrowBase() {
        let heart = PaintPlan.Glyph(x: 0, text: "❤️", style: .normal, width: 2)
        #expect(CursesPainter.agreement(heart, libraryWidth: 1) == .narrowBase("❤"))
    }

    @Test("characters the library does not know become a replacement character")
    func unknown() {
        #expect(CursesPainter.agreement(PaintPlan.Glyph(x: 0, text: "🫨", style: .normal, width: 2), libraryWidth: -1) == .replace("\u{FFFD}"))
        #expect(CursesPainter.agreement(PaintPlan.Glyph(x: 0, text: "x", style: .normal), libraryWidth: 2) == .replace("\u{FFFD}"))
    }
}

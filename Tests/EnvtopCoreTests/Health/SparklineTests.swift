import EnvtopCore
@testable import EnvtopUI
import Testing

@Suite("Sparkline: heights, ASCII, width")
struct SparklineTests {
    @Test("heights scale from 0 to the peak; any value above 0 is above the floor; no sample is blank")
    func heights() {
        #expect(Sparkline([0, 1, 2, 4, 8]).text == "▁▂▃▅█")
        #expect(Sparkline([0, 0, 0]).text == "▁▁▁")
        #expect(Sparkline([0, 0.01, 100]).text == "▁▂█")
        #expect(Sparkline([nil, 3, nil]).text == " █ ")
        // The ceiling keeps a 0/1 series from reading as full height.
        #expect(Sparkline([0, 1], ceiling: 8).text == "▁▂")
    }

    @Test("the ASCII ramp has the same levels")
    func ascii() {
        #expect(Sparkline([0, 1, 2, 4, 8], glyphs: .ascii).text == "_.-=#")
        let ascii = Sparkline([0, 1, 2, 4, 8], glyphs: .ascii).text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
    }

    @Test("drawn into a narrower area, the newest values show, right-aligned; wider leaves blanks at the left")
    func widths() {
        var screen = Screen(size: Size(width: 10, height: 1))
        Sparkline([1, 2, 3, 4, 5, 6, 7, 8]).render(in: Rect(x: 0, y: 0, width: 4, height: 1), on: &screen)
        #expect(screen.textLines[0].hasPrefix("▅▆▇█"))
        var wide = Screen(size: Size(width: 10, height: 1))
        Sparkline([0, 8]).render(in: Rect(x: 0, y: 0, width: 10, height: 1), on: &wide)
        #expect(wide.textLines[0] == "        ▁█")
    }

    @Test("the history chart's figures: a tenth only under 100, so an oldest wait reads 1913, not 1913.3")
    func chartNumbers() {
        #expect(HistoryChart.number(12) == "12")
        #expect(HistoryChart.number(2.5) == "2.5")
        #expect(HistoryChart.number(1913.3) == "1913")
        #expect(HistoryChart.number(99.94) == "99.9")
    }
}

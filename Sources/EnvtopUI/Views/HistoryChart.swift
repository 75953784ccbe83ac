import EnvtopCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// "What happened in the last hour": one block chart per series, over the list while `H` is on.
///
/// Each chart is `height` rows of eighth-blocks (8 levels a row), one column per bucket of
/// `bucketSeconds`, newest at the right, with its name, its latest value and its peak above it
/// and a labelled time axis under the last one. Buckets hold their largest value, so a burst
/// between two columns still shows.
struct HistoryChart: Widget, Sendable, Equatable {
    struct Series: Sendable, Equatable {
        var title: String
        /// One value per column, oldest first; nil where no sample fell.
        var values: [Double?]
        var role: ThemeRole
    }

    var title: String
    var series: [Series]
    /// Seconds each column covers, for the time axis.
    var bucketSeconds: Double
    var glyphs: Sparkline.Glyphs

    /// The columns a chart of `width` cells draws (the title column is 8 wide).
    static func columns(width: Int) -> Int { max(1, width - 10) }

    func render(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: CellStyle(.normal))
        var y = area.y
        screen.write(title, x: area.x + 1, y: y, maxWidth: area.width - 2, style: CellStyle(.title, .bold))
        y += 1
        let axisRows = 1
        let perSeries = max(2, (area.maxY - y - axisRows) / max(1, series.count))
        let chartHeight = max(1, perSeries - 1)
        let columns = Self.columns(width: area.width)
        let left = area.x + 9
        for s in series {
            guard y + 1 + chartHeight <= area.maxY - axisRows else { break }
            let values = Array(s.values.suffix(columns))
            let shown = values.compactMap { $0 }
            let peak = shown.max() ?? 0
            let latest = values.last.flatMap { $0 }.map(Self.number) ?? "—"
            screen.write("\(s.title): \(latest) now, peak \(Self.number(peak))", x: area.x + 1, y: y, maxWidth: area.width - 2,
                         style: CellStyle(.headerLabel))
            y += 1
            let top = max(1, peak)
            screen.write(Self.number(top), x: area.x + 1, y: y, maxWidth: 7, style: CellStyle(.dim))
            screen.write("0", x: area.x + 1, y: y + chartHeight - 1, maxWidth: 7, style: CellStyle(.dim))
            for (c, value) in values.enumerated() {
                guard let value else { continue }
                let eighths = value > 0 ? max(1, Int((value / top * Double(chartHeight * 8)).rounded())) : 0
                for row in 0..<chartHeight {
                    let fill = min(8, max(0, eighths - row * 8))
                    guard fill > 0 || (row == 0 && value == 0) else { continue }
                    let glyph = fill == 0 ? glyphs.floor : glyphs.cell(eighths: fill)
                    screen.write(glyph, x: left + (columns - values.count) + c, y: y + chartHeight - 1 - row, maxWidth: 1,
                                 style: CellStyle(s.role))
                }
            }
            y += chartHeight
        }
        drawAxis(y: min(y, area.maxY - 1), left: left, columns: columns, area: area, on: &screen)
    }

    /// "-60m ... -30m ... now" under the charts, a label every quarter of the width.
    private func drawAxis(y: Int, left: Int, columns: Int, area: Rect, on screen: inout Screen) {
        let span = Double(columns) * bucketSeconds
        for quarter in 0...4 {
            let column = columns * quarter / 4
            let secondsAgo = span * Double(4 - quarter) / 4
            let label = quarter == 4 ? "now" : "-" + Age.format(secondsAgo)
            let x = min(left + column - (quarter == 0 ? 0 : SafeText.width(label) / 2), area.maxX - SafeText.width(label) - 1)
            screen.write(label, x: max(area.x, x), y: y, maxWidth: SafeText.width(label), style: CellStyle(.dim))
        }
    }

    /// "12", "2.5", "1913": a tenth only where it tells something (under 100).
    static func number(_ v: Double) -> String {
        v == v.rounded() || abs(v) >= 100 ? "\(Int(v.rounded()))" : v.tenthsText
    }
}

extension Sparkline.Glyphs {
    /// A cell filled `eighths` (1-8) of its height from the bottom.
    func cell(eighths: Int) -> String {
        String(ramp[min(7, max(0, eighths - 1))])
    }

    /// A zero value: the lowest mark, so "nothing" differs from "no sample".
    var floor: String { String(ramp[0]) }
}

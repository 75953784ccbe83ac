/// The xterm default palette, used to fold colours down to fewer colours.
///
/// The 16 ANSI entries are xterm's defaults; real terminals let users change them, so these
/// are only used to pick the *nearest* colour, never to redefine anything.
enum XtermPalette {
    struct RGB: Hashable, Sendable {
        var r: Int
        var g: Int
        var b: Int

        func distance(to other: RGB) -> Int {
            let dr = r - other.r
            let dg = g - other.g
            let db = b - other.b
            return dr * dr + dg * dg + db * db
        }
    }

    static let ansi: [RGB] = [
        RGB(r: 0, g: 0, b: 0), RGB(r: 205, g: 0, b: 0), RGB(r: 0, g: 205, b: 0), RGB(r: 205, g: 205, b: 0),
        RGB(r: 0, g: 0, b: 238), RGB(r: 205, g: 0, b: 205), RGB(r: 0, g: 205, b: 205), RGB(r: 229, g: 229, b: 229),
        RGB(r: 127, g: 127, b: 127), RGB(r: 255, g: 0, b: 0), RGB(r: 0, g: 255, b: 0), RGB(r: 255, g: 255, b: 0),
        RGB(r: 92, g: 92, b: 255), RGB(r: 255, g: 0, b: 255), RGB(r: 0, g: 255, b: 255), RGB(r: 255, g: 255, b: 255),
    ]

    /// The channel levels of the 6x6x6 cube (indices 16-231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The colour of palette entry `index` (0-255).
    static func rgb(of index: Int) -> RGB {
        let i = min(max(index, 0), 255)
        if i < 16 { return ansi[i] }
        if i < 232 {
            let c = i - 16
            return RGB(r: cubeLevels[c / 36], g: cubeLevels[(c / 6) % 6], b: cubeLevels[c % 6])
        }
        let grey = 8 + (i - 232) * 10
        return RGB(r: grey, g: grey, b: grey)
    }

    /// The nearest of the 240 fixed entries (16-255); 0-15 are skipped because users recolour them.
    static func nearest256(_ color: RGB) -> Int {
        func level(_ v: Int) -> Int { v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40 }
        let (ri, gi, bi) = (level(color.r), level(color.g), level(color.b))
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let cube = RGB(r: cubeLevels[ri], g: cubeLevels[gi], b: cubeLevels[bi])
        let average = (color.r + color.g + color.b) / 3
        let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
        let greyIndex = 232 + min(greyStep, 23)
        return rgb(of: greyIndex).distance(to: color) < cube.distance(to: color) ? greyIndex : cubeIndex
    }

    /// The nearest of the first `count` ANSI entries (8 or 16).
    static func nearestANSI(_ color: RGB, count: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for i in 0..<min(count, 16) {
            let d = ansi[i].distance(to: color)
            if d < bestDistance {
                best = i
                bestDistance = d
            }
        }
        return best
    }
}

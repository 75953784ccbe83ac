import Testing

@testable import EnvtopTerminal

@Suite("ColorPairRegistry")
struct ColorPairRegistryTests {
    @Test("default on default is pair 0 and never allocated")
    func defaultPair() {
        var registry = ColorPairRegistry(capacity: 64)
        #expect(registry.pair(foreground: -1, background: -1) == .init(pair: 0, isNew: false))
        #expect(registry.count == 0)
    }

    @Test("pairs are handed out from 1, once per combination")
    func lazy() {
        var registry = ColorPairRegistry(capacity: 64)
        #expect(registry.pair(foreground: 1, background: -1) == .init(pair: 1, isNew: true))
        #expect(registry.pair(foreground: 2, background: 4) == .init(pair: 2, isNew: true))
        #expect(registry.pair(foreground: 1, background: -1) == .init(pair: 1, isNew: false))
        #expect(registry.pair(foreground: -1, background: 1) == .init(pair: 3, isNew: true))
        #expect(registry.count == 3)
    }

    @Test("when COLOR_PAIRS runs out, further combinations get pair 0 and are counted")
    func overflow() {
        var registry = ColorPairRegistry(capacity: 4)  // pairs 1, 2, 3 are usable
        for fg: Int32 in 0..<3 { #expect(registry.pair(foreground: fg, background: 0).isNew) }
        #expect(registry.pair(foreground: 5, background: 0) == .init(pair: 0, isNew: false))
        #expect(registry.pair(foreground: 6, background: 0) == .init(pair: 0, isNew: false))
        #expect(registry.overflowCount == 2)
        #expect(registry.pair(foreground: 1, background: 0) == .init(pair: 2, isNew: false))
    }

    @Test("the 8-colour limit of 64 pairs covers every combination a theme can make")
    func eightColors() {
        var registry = ColorPairRegistry(capacity: 64)
        var pairs = Set<Int32>()
        for fg: Int32 in -1..<8 {
            for bg: Int32 in 0..<7 { pairs.insert(registry.pair(foreground: fg, background: bg).pair) }
        }
        #expect(pairs.count == 63)
        #expect(pairs.max() == 63)
        #expect(registry.overflowCount == 0)
    }

    @Test("reset starts numbering again")
    func reset() {
        var registry = ColorPairRegistry(capacity: 8)
        _ = registry.pair(foreground: 3, background: 3)
        registry.reset()
        #expect(registry.count == 0)
        #expect(registry.pair(foreground: 4, background: 4) == .init(pair: 1, isNew: true))
    }
}

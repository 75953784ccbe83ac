/// The key table in effect: `KeyMap`'s defaults with the config's `keys:` applied. Dispatch, the
/// key bar, help, `envtop keys` and every notice that names a key read this one value.
public struct KeyBindings: Sendable, Hashable {
    public private(set) var bindings: [Binding]

    public init(_ bindings: [Binding]) { self.bindings = bindings }

    /// The defaults.
    public static let standard = KeyBindings(KeyMap.bindings)

    /// The action bound to `key` in `scope`; global bindings apply under `list` and `detail`.
    public func action(for key: Key, in scope: KeyScope) -> Action? {
        if let b = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return b.action }
        if scope == .list || scope == .detail {
            return bindings.first(where: { $0.scope == .global && $0.keys.contains(key) })?.action
        }
        return nil
    }

    /// The bindings of a scope, in table order.
    public func bindings(in scope: KeyScope) -> [Binding] {
        bindings.filter { $0.scope == scope }
    }

    /// The hints for the key bar in `scope`.
    public func keyBar(for scope: KeyScope, readOnly: Bool) -> [Binding] {
        var result = bindings.filter { $0.scope == scope && $0.inKeyBar }
        if scope == .list || scope == .detail {
            result += bindings.filter { $0.scope == .global && $0.inKeyBar && !(readOnly && $0.isDestructive) }
        }
        return result
    }

    /// The first key bound to `action` in `scope` (or, for list and detail, globally), as the
    /// key bar writes it: what a sentence naming the key says.
    public func key(_ action: Action, _ scope: KeyScope) -> String {
        let own = bindings.first { $0.action == action && $0.scope == scope }
        let global = scope == .list || scope == .detail ? bindings.first { $0.action == action && $0.scope == .global } : nil
        return (own ?? global)?.keys.first?.description ?? "?"
    }

    /// Rebinds every binding of `action` (in `scope`, or in every scope when nil) to `keys`.
    /// Returns how many bindings changed.
    @discardableResult
    mutating func rebind(_ action: Action, in scope: KeyScope?, to keys: [Key]) -> Int {
        var changed = 0
        for i in bindings.indices where bindings[i].action == action && (scope == nil || bindings[i].scope == scope) {
            bindings[i].keys = keys
            bindings[i].label = keys.map(\.description).joined(separator: "/")
            changed += 1
        }
        return changed
    }

    /// Two bindings that answer the same key where both apply: one scope, or a global key
    /// that a list or detail binding would hide. Each as (key, first, second).
    public func conflicts() -> [(key: Key, first: Binding, second: Binding)] {
        var found: [(Key, Binding, Binding)] = []
        for scope in KeyScope.allCases {
            var seen: [Key: Binding] = [:]
            let visible = bindings(in: scope) + (scope == .list || scope == .detail ? bindings(in: .global) : [])
            for binding in visible {
                for key in binding.keys {
                    if let earlier = seen[key], earlier != binding { found.append((key, earlier, binding)) } else { seen[key] = binding }
                }
            }
        }
        return found
    }
}

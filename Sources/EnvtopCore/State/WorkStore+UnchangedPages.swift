import EnvtopModels

/// An idle refresh re-reads pages whose bytes have not changed since they were merged. The
/// request names the digest of the body merged last (`PageRequest.knownDigest`); an answer with
/// the same bytes comes back undecoded (`WorkPage.unchanged`) and is merged here by noting the
/// page's items as seen, as a full merge of those bytes would. perf on 20 idle environments put
/// decoding and merging unchanged pages at about 40% of the dashboard's CPU.
extension WorkStore {
    /// One merged page: its body's digest, the ids it held, in order, and its `next_page`.
    struct PageRecord: Sendable, Equatable {
        var digest: PageDigest
        var ids: [String]
        var nextPage: String?
        /// `WorkStore.removals` when the store last knew it held every id above.
        var removalsAt: Int
    }

    /// The digest of the body last merged as page `index`, if it came over HTTP.
    public func digest(ofPage index: Int) -> PageDigest? { pageRecords[index]?.digest }

    /// Merges page `index` whose body was `digest` again, without its items, and follows its
    /// cursor again. With `stamp`, each item it held is noted as seen in `generation` and on this
    /// page, as a full merge would; the sweep needs that only of the page it is reading (the
    /// others it read, or will read, in turn), and it costs a lookup per item.
    /// `nil` when the store cannot vouch for the page: it merged other bytes there since, or an
    /// item of the page is gone (a sweep or a 404 removed it); then the page must be read in full.
    public mutating func applyUnchanged(
        index: Int, digest: PageDigest, generation: Int, stamp: Bool = true
    ) -> (delta: Delta, nextPage: String?)? {
        guard let record = pageRecords[index], record.digest == digest else { return nil }
        // Nothing was removed since the store last held every item of the page: it still does.
        if stamp || record.removalsAt != removals {
            var slots: [Dictionary<String, Entry>.Index] = []
            slots.reserveCapacity(record.ids.count)
            for id in record.ids {
                guard let at = entries.index(forKey: id) else { return nil }
                slots.append(at)
            }
            pageRecords[index]?.removalsAt = removals
            if stamp {
                let page = Int32(clamping: index), seen = Int32(clamping: generation)
                for at in slots {
                    entries.values[at].page = page
                    if entries.values[at].seen < seen { entries.values[at].seen = seen }
                }
            }
        }
        var delta = Delta()
        delta.cursorRepeated = follow(record.nextPage, after: index)
        return (delta, record.nextPage)
    }
}

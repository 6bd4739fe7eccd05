import Synchronization

/// The layouts of headers already seen, for files the mapping gives no rules: a folder of
/// 20,000 exports of one kind has one header, laid out once rather than 20,000 times (perf:
/// laying out the headers took 17% of the CPU of a dashboard's first start over 20,000 files of
/// three rows).
///
/// A layout is a function of the header names, the file's mapping rules, its constants and its
/// title; only a layout without rules, constants or title is kept, so the header names are the
/// whole key. At most ``capacity`` layouts are kept, for the life of the process.
enum LayoutCache {
    /// How many different headers are kept; others are laid out each time.
    static let capacity = 256

    /// A layout kept: without mapping constants it holds no pointer (``ColumnLayout/Source/constant(_:)``
    /// needs a constant), so it may be shared between threads.
    private struct Kept: @unchecked Sendable {
        let layout: ColumnLayout
    }

    private static let kept = Mutex<[[String]: Kept]>([:])

    /// The layout of `headers`, as ``ColumnLayout/init(headers:rules:constants:title:)`` makes
    /// it; kept and shared when `rules` are empty and there is no `title`.
    static func layout(headers: [String], rules: ColumnMapping.FileRules, constants: ConstantStorage,
                       title: SectionTitle? = nil) -> ColumnLayout {
        guard title == nil, rules.isEmpty else {
            return ColumnLayout(headers: headers, rules: rules, constants: constants, title: title)
        }
        if let hit = kept.withLock({ $0[headers] }) { return hit.layout }
        let layout = ColumnLayout(headers: headers, rules: rules, constants: constants)
        kept.withLock { if $0.count < capacity { $0[headers] = Kept(layout: layout) } }
        return layout
    }
}

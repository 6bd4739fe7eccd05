/// What reading a file so far has decided for the rest of it, carried from one table of the
/// file to the next (Meta Business Suite files hold several).
struct FileProgress {
    /// The decisions later rows are read with; two equal states read the rest of a file alike.
    var state: ReadingState
    /// The file's summary for `check`.
    var summary = FileSummary()
    /// Rows waiting for the years of their dates.
    var yearless = YearlessDates()

    init(decimals: DecimalDecision) {
        state = ReadingState(decimals: decimals)
    }
}

/// The decisions earlier rows of a file made for its later ones.
struct ReadingState: Equatable {
    /// Something a file earns one note for.
    enum Note: Hashable {
        case decimalComma
        case netCounts
        case periodTotals
        case snapshot
        case mangledIds
    }

    var decimals: DecimalDecision
    /// Id columns found holding numbers in scientific notation: they give no ids any more.
    var mangledIdColumns: Set<Int> = []
    /// The notes already made.
    var noted: Set<Note> = []

    /// True the first time `note` is asked for (then it is made).
    mutating func firstTime(_ note: Note) -> Bool {
        noted.insert(note).inserted
    }
}

/// What a file keeps record by record rather than summed per day: its rows with an id
/// (upserted), its service records and the newest `opened_at` per platform. Most small
/// exports have none of these, so a ``FileContribution`` keeps them out of line, in a
/// ``CopyOnWriteBox`` that such a file does not have.
struct KeptRecords: Sendable {
    var posts = PostRows()
    var tickets = TicketRows()
    var anonymousTickets: [(platform: UInt16, ticket: StoredTicket)] = []
    /// Newest `opened_at` of the file's service records, per platform.
    var newestTicket = PlatformTable<Int64>()

    /// The box every file without such records shares.
    static let emptyBox = CopyOnWriteBox(KeptRecords())

    /// True when there are no records.
    var isEmpty: Bool { posts.count == 0 && tickets.count == 0 && anonymousTickets.isEmpty && newestTicket.isEmpty }

    /// Gives back the room the tables hold beyond their records (once the file is read).
    mutating func shrinkToFit() {
        posts.shrinkToFit()
        tickets.shrinkToFit()
        anonymousTickets.shrinkToFit()
    }
}

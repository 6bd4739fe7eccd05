/// What a file's previous row was looked up as: its platform (with the fields that platform
/// has in the file) and its id. Rows of a file usually share them, so the next row needs no
/// look-up in the tables shared by all files. Kept only while the file is being read, with
/// the newest instants of its recent days (``ObservedDays``).
struct LastLookups: Sendable {
    var platform: (name: String, number: UInt16, presence: UInt32)?
    var id: (text: String, number: UInt32)?
    var observedDays = ObservedDays()
    /// Ids the file numbered first (no file had them before), to size the id table by (see
    /// ``FileContribution/reserveRoom(since:bytesRead:bytesLeft:ids:)``).
    var newIDs = 0
}

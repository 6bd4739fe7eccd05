/// A data file read once: the file, ready to follow, and what it contributes.
public struct LoadedFile: Sendable {
    public var file: TrackedFile
    public var contribution: FileContribution

    /// The file at `path`, not read yet.
    init(path: String, context: IngestContext) {
        file = TrackedFile(path: path)
        contribution = file.emptyContribution(context: context)
    }

    init(file: TrackedFile, contribution: FileContribution) {
        self.file = file
        self.contribution = contribution
    }
}

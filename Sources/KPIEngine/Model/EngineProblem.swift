/// Something that keeps the engine from reading or following the data as asked. It reaches
/// the dashboard through ``EngineStatus/problems`` (the header says it), never as a rejected
/// row: rejected rows are the data's mistakes, these are the machine's.
public enum EngineProblem: Sendable, Equatable, CustomStringConvertible {
    /// The data directory cannot be read (`reason`: "no such directory", "permission
    /// denied"...). The engine keeps looking and loads it as soon as it can.
    case unreadableDirectory(path: String, reason: String)
    /// Changes in the data directory are not followed at all (`reason` says why).
    case notWatching(reason: String)

    public var description: String {
        switch self {
        case .unreadableDirectory(let path, let reason): "cannot read \(path): \(reason)"
        case .notWatching(let reason): "not following changes: \(reason)"
        }
    }
}

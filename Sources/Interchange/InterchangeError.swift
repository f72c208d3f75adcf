/// A file FlexPlan cannot read or write, with where the problem is.
public struct InterchangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or folder) at fault.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// A JSON path that addresses records by id (`$.teachers[id=T07].maxPeriodsPerWeek`), when known.
    public var path: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `file:line:column: path: message`, leaving out what is unknown.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        if let path { location += ": \(path)" }
        return "\(location): \(message)"
    }

    /// The location as the contract's `path` field: a JSON path, or `file:line`.
    public var location: String {
        if let path { return path }
        if let line { return "\(file):\(line)" }
        return file
    }
}

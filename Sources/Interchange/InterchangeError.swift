import SchoolModel

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
    /// Further problems found in the same pass (a reader that checks a whole file reports
    /// them all; `flexplan validate` lists each).
    public var more: [InterchangeError] = []

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
        let first = "\(location): \(message)"
        return more.isEmpty ? first : ([first] + more.map(\.description)).joined(separator: "\n")
    }

    /// The location as the contract's `path` field: a JSON path, or `file:line`.
    public var location: String {
        if let path { return path }
        if let line { return "\(file):\(line)" }
        return file
    }
}

extension InterchangeError {
    /// This error and ``more``, as `flexplan validate` lists them: the JSON path or
    /// `file:line` as `path`; the record id and field read off a JSON path; the message led by
    /// the file (and line) when the path is a JSON path, so that it says which file it is in.
    public var validationIssues: [ValidationIssue] {
        ([self] + more).map { error in
            guard let path = error.path else {
                return ValidationIssue(.error, path: error.location, message: error.message)
            }
            let record = path.ranges(of: "[id=").last.flatMap { start in
                path[start.upperBound...].firstIndex(of: "]").map { String(path[start.upperBound..<$0]) }
            }
            let field = path.split(separator: ".").last.map { String($0.prefix { $0 != "[" }) }
            let place = error.line.map { "\(error.file):\($0)" } ?? error.file
            return ValidationIssue(
                .error, path: path, record: record, field: field, message: "\(place): \(error.message)")
        }
    }
}

/// A problem found in a school: where it is, which record and field, and what is wrong.
public struct ValidationIssue: Codable, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable { case error, warning }

    public var severity: Severity
    /// A JSON path that addresses records by id, e.g. `$.teams[id=G7].members[2]`, or
    /// `file:line` for a problem found while reading a file.
    public var path: String
    /// The id of the record at fault, if any.
    public var record: String?
    /// The field at fault, if any.
    public var field: String?
    public var message: String

    public init(_ severity: Severity, path: String, record: String? = nil, field: String? = nil, message: String) {
        self.severity = severity
        self.path = path
        self.record = record
        self.field = field
        self.message = message
    }

    /// `path: message`, the form printed by `flexplan validate`.
    public var description: String { "\(path): \(message)" }
}

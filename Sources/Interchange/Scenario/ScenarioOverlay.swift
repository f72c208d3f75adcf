import Foundation
import SchoolModel

/// A what-if on a school: a named list of operations on record paths, applied in order.
///
/// ```json
/// {"formatVersion": 1, "name": "three common periods",
///  "operations": [
///    {"op": "set", "path": "teams[*].collaboration.minutes", "value": 150},
///    {"op": "add", "path": "teachers", "value": {"id": "T99", "subjects": ["math"]}},
///    {"op": "remove", "path": "rooms[id=R12]"}]}
/// ```
///
/// `set` replaces a field (JSON `null` clears an optional one) or the selected records; `add`
/// appends to an array (a record, or a value such as a team member); `remove` deletes the
/// selected records, a field, or with `value` one element of an array. Every operation must
/// find what it names: a missing record or field, a bad path or a value of the wrong type is an
/// ``InterchangeError`` naming the overlay file, the operation and the path.
public struct ScenarioOverlay: Sendable, Equatable {
    /// The version of the overlay format.
    public static let currentFormatVersion = 1

    /// One edit.
    public struct Operation: Sendable, Equatable {
        /// What an operation does.
        public enum Kind: String, Sendable, CaseIterable {
            case set, add, remove
        }

        /// set, add or remove.
        public var kind: Kind
        /// What the operation edits.
        public var path: RecordPath
        /// The new value (`set`, `add`), or the element to take out of an array (`remove`).
        public var value: JSONValue?

        /// An operation; `set` and `add` need a value.
        public init(_ kind: Kind, path: RecordPath, value: JSONValue? = nil) {
            self.kind = kind
            self.path = path
            self.value = value
        }
    }

    /// The overlay format's version (1).
    public var formatVersion: Int
    /// A short name of the scenario, for reports.
    public var name: String
    /// What the scenario tries, in a sentence.
    public var description: String?
    /// The edits, applied in order.
    public var operations: [Operation]
    /// The file it was read from, for messages; nil when made in code.
    public var source: String?

    /// An overlay made in code (e.g. by `flexplan sweep` for one value of `--vary`).
    public init(name: String, description: String? = nil, operations: [Operation], source: String? = nil) {
        formatVersion = Self.currentFormatVersion
        self.name = name
        self.description = description
        self.operations = operations
        self.source = source
    }

    /// Reads an overlay file; errors name the file and the operation (`operations[2].path`).
    public static func read(from path: String) throws -> ScenarioOverlay {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InterchangeError(file: path, message: "no readable file")
        }
        return try decode(data, file: path)
    }

    /// Decodes an overlay; `file` names the source in errors.
    /// The overlay as a file reads it: pretty JSON with sorted keys.
    public func encoded() throws -> Data {
        var root: [String: JSONValue] = [
            "formatVersion": .integer(formatVersion), "name": .string(name),
            "operations": .array(
                operations.map { operation in
                    var fields: [String: JSONValue] = [
                        "op": .string(operation.kind.rawValue), "path": .string(operation.path.description),
                    ]
                    if let value = operation.value { fields["value"] = value }
                    return .object(fields)
                }),
        ]
        if let description { root["description"] = .string(description) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(JSONValue.object(root))
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data, file: String) throws -> ScenarioOverlay {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SchoolJSON.syntaxError(error, in: data, file: file)
        }
        guard case .object(let root) = try JSONDecoder().decode(JSONValue.self, from: data) else {
            throw InterchangeError(file: file, path: "$", message: "an overlay is a JSON object")
        }
        func fail(_ path: String, _ message: String) -> InterchangeError {
            InterchangeError(file: file, path: path, message: message)
        }
        for key in root.keys.sorted() where !["formatVersion", "name", "description", "operations"].contains(key) {
            throw fail("$.\(key)", "unknown field; an overlay has formatVersion, name, description, operations")
        }
        guard case .integer(let version)? = root["formatVersion"] else {
            throw fail("$.formatVersion", "missing or not a whole number")
        }
        guard version == currentFormatVersion else {
            throw fail("$.formatVersion", "version \(version) is not supported; this FlexPlan reads version 1")
        }
        guard case .string(let name)? = root["name"] else { throw fail("$.name", "missing or not a string") }
        var description: String?
        if let value = root["description"] {
            guard case .string(let text) = value else { throw fail("$.description", "expected a string") }
            description = text
        }
        guard case .array(let entries)? = root["operations"] else {
            throw fail("$.operations", "missing or not an array")
        }
        var operations: [Operation] = []
        for (index, entry) in entries.enumerated() {
            let at = "$.operations[\(index)]"
            guard case .object(let fields) = entry else { throw fail(at, "an operation is an object") }
            for key in fields.keys.sorted() where !["op", "path", "value"].contains(key) {
                throw fail("\(at).\(key)", "unknown field; an operation has op, path, value")
            }
            guard case .string(let op)? = fields["op"], let kind = Operation.Kind(rawValue: op) else {
                throw fail("\(at).op", "expected one of set, add, remove")
            }
            guard case .string(let text)? = fields["path"] else { throw fail("\(at).path", "missing or not a string") }
            let path: RecordPath
            do {
                path = try RecordPath(parsing: text)
            } catch {
                throw fail("\(at).path", error.description)
            }
            if kind != .remove, fields["value"] == nil {
                throw fail("\(at).value", "\(op) needs a value")
            }
            operations.append(Operation(kind, path: path, value: fields["value"]))
        }
        var overlay = ScenarioOverlay(name: name, description: description, operations: operations, source: file)
        overlay.formatVersion = version
        return overlay
    }

    /// The school with every operation applied in order.
    ///
    /// The school is encoded as FlexPlan JSON, edited as a tree, checked against the format's
    /// schema (field names and types) and decoded again; the result is not validated (call
    /// ``School/validate()``).
    public func apply(to school: School) throws -> School {
        var tree = try RecordTree(school)
        let file = source ?? "scenario '\(name)'"
        for (index, operation) in operations.enumerated() {
            do {
                switch operation.kind {
                case .set: try tree.set(operation.path, to: operation.value ?? .null)
                case .add: try tree.add(operation.path, value: operation.value ?? .null)
                case .remove: try tree.remove(operation.path, value: operation.value)
                }
            } catch let failure as RecordTree.Failure {
                throw InterchangeError(
                    file: file, path: failure.path,
                    message: "operations[\(index)] (\(operation.kind.rawValue) \(operation.path)): \(failure.message)")
            }
        }
        return try tree.school(file: file)
    }
}

extension School {
    /// The school with the field(s) at `path` set to `value`: one operation of an overlay, as
    /// `flexplan sweep --vary PATH=V1,V2` needs.
    ///
    /// `school.setting(try RecordPath(parsing: "teams[*].collaboration.minutes"), to: .integer(150))`
    public func setting(_ path: RecordPath, to value: JSONValue) throws -> School {
        try ScenarioOverlay(name: "\(path)=\(value)", operations: [.init(.set, path: path, value: value)])
            .apply(to: self)
    }

    /// The school with `overlay` applied.
    public func applying(_ overlay: ScenarioOverlay) throws -> School {
        try overlay.apply(to: self)
    }
}

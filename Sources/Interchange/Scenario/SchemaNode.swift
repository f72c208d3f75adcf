import Foundation

/// A node of the bundled JSON Schema of the school format, walked along record paths to know
/// which fields exist and what type their values take.
struct SchemaNode: Sendable {
    let value: JSONValue
    let definitions: [String: JSONValue]

    /// The schema of the whole school, read once from the bundle.
    static let school: SchemaNode? = {
        guard let text = try? SchoolJSONSchema.text(), let root = try? JSONValue(parsing: text),
            case .object(let object) = root
        else { return nil }
        guard case .object(let definitions)? = object["$defs"] else { return nil }
        return SchemaNode(value: root, definitions: definitions)
    }()

    private var object: [String: JSONValue] {
        if case .object(let object) = value { return object }
        return [:]
    }

    /// This node with `$ref` followed.
    var resolved: SchemaNode {
        var node = self
        var hops = 0
        while case .string(let reference)? = node.object["$ref"], hops < 16,
            let definition = definitions[String(reference.split(separator: "/").last ?? "")]
        {
            node = SchemaNode(value: definition, definitions: definitions)
            hops += 1
        }
        return node
    }

    private var alternatives: [SchemaNode] {
        guard case .array(let options)? = resolved.object["oneOf"] ?? resolved.object["anyOf"] else { return [self] }
        return options.map { SchemaNode(value: $0, definitions: definitions).resolved }
    }

    /// The schema of field `name` of an object, or nil when the object has no such field.
    /// The named properties of the object this node allows (of every alternative).
    var propertyNames: [String] {
        alternatives.flatMap { node -> [String] in
            guard case .object(let properties)? = node.resolved.object["properties"] else { return [] }
            return Array(properties.keys)
        }.sorted()
    }

    /// "; did you mean 'minutes'?" for a misspelt property, or "".
    func closestHint(to name: String) -> String {
        JSONSchemaCheck.closest(to: name, among: propertyNames).map { "; did you mean '\($0)'?" } ?? ""
    }

    func property(_ name: String) -> SchemaNode? {
        for node in alternatives {
            let object = node.resolved.object
            if case .object(let properties)? = object["properties"], let property = properties[name] {
                return SchemaNode(value: property, definitions: definitions).resolved
            }
            if case .object? = object["additionalProperties"], let extra = object["additionalProperties"] {
                return SchemaNode(value: extra, definitions: definitions).resolved
            }
        }
        return nil
    }

    /// The schema of an array's elements.
    var items: SchemaNode? {
        for node in alternatives {
            if let items = node.resolved.object["items"] {
                return SchemaNode(value: items, definitions: definitions).resolved
            }
        }
        return nil
    }

    /// Fields an object must have.
    var required: [String] {
        guard case .array(let names)? = resolved.object["required"] else { return [] }
        return names.compactMap { if case .string(let name) = $0 { return name } else { return nil } }
    }

    /// Whether this node describes an array.
    var isArray: Bool { alternatives.contains { $0.types.contains("array") } }

    private var types: [String] {
        switch resolved.object["type"] {
        case .string(let type)?: return [type]
        case .array(let types)?:
            return types.compactMap { if case .string(let type) = $0 { return type } else { return nil } }
        default: return []
        }
    }

    /// Why `value` does not fit this schema (with the path of the offending part), or nil.
    ///
    /// Checks types, enumerations, constants, required and unknown fields; ranges and patterns
    /// are left to ``School/validate()``.
    func mismatch(_ value: JSONValue, at path: String) -> (path: String, message: String)? {
        let options = alternatives
        if options.count > 1 {
            var first: (path: String, message: String)?
            for option in options {
                guard let problem = option.mismatch(value, at: path) else { return nil }
                first = first ?? problem
            }
            return first
        }
        let node = resolved
        let object = node.object
        if let constant = object["const"], constant != value {
            return (path, "expected \(constant)")
        }
        if case .array(let allowed)? = object["enum"], !allowed.contains(value) {
            let names = allowed.map { $0.selectorText ?? "\($0)" }.joined(separator: ", ")
            return (path, "expected one of \(names), not \(value)")
        }
        let types = node.types
        if !types.isEmpty, !types.contains(where: { Self.matches(value, type: $0) }) {
            return (path, "expected \(Self.describe(types[0])), not \(value)")
        }
        switch value {
        case .object(let fields):
            for name in node.required where fields[name] == nil {
                return (path, "missing field '\(name)'")
            }
            for name in fields.keys.sorted() {
                guard let field = node.property(name) else {
                    return (path, "unknown field '\(name)'\(node.closestHint(to: name))")
                }
                if let problem = field.mismatch(fields[name]!, at: path + "." + name) { return problem }
            }
        case .array(let elements):
            guard let items = node.items else { return nil }
            for (index, element) in elements.enumerated() {
                if let problem = items.mismatch(element, at: path + Self.elementSuffix(element, index: index)) {
                    return problem
                }
            }
        default:
            break
        }
        return nil
    }

    /// `[id=X]` for an element with an id, `[n]` otherwise (only for messages).
    static func elementSuffix(_ element: JSONValue, index: Int) -> String {
        if case .object(let fields) = element, case .string(let id)? = fields["id"] { return "[id=\(id)]" }
        return "[\(index)]"
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("integer", .integer), ("number", .integer), ("number", .number), ("string", .string),
            ("boolean", .bool), ("array", .array), ("object", .object), ("null", .null):
            return true
        case ("integer", .number(let number)):
            return number.rounded() == number && abs(number) < 1e15
        default:
            return false
        }
    }

    /// A JSON Schema type in words ("a whole number"), for messages.
    static func describe(_ type: String) -> String {
        switch type {
        case "integer": return "a whole number"
        case "number": return "a number"
        case "string": return "a string"
        case "boolean": return "true or false"
        case "array": return "an array"
        case "object": return "an object"
        default: return type
        }
    }
}

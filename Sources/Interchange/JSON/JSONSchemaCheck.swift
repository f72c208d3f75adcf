import Foundation

/// Checks the structure of a JSON document (as `JSONSerialization` reads it) against a JSON
/// Schema: `type`, `properties`, `additionalProperties` (false, or the schema of every other
/// member), `required`, `items`, `enum`, `const`, `oneOf` and local `$ref`s (`#/$defs/NAME`).
///
/// It exists so that no mistake in a school file is silently dropped or reported without a
/// place: a field the format does not have (a typo such as `maxPeriodPerDay` would otherwise
/// remove a rule), a fractional or unrepresentable number where a whole one belongs, a value
/// of the wrong kind. Value ranges (`minimum`, `maximum`, `minLength`, `minItems`, `pattern`)
/// are left to the school's validation, which reports every one of them at once in the
/// school's own terms. `null` stands for "absent" in a property that is not required, as the
/// decoder reads it.
///
/// `@unchecked Sendable`: the schema is read once and never changed.
struct JSONSchemaCheck: @unchecked Sendable {
    /// One step of a path into a document: an object's key or an array's position.
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    /// A place in the document that breaks the schema.
    struct Problem {
        var path: [Step]
        /// The key itself is at fault (an unknown field), not its value.
        var isKey: Bool
        var message: String
    }

    let root: [String: Any]

    init(schemaText: String) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(schemaText.utf8)) as? [String: Any] else {
            throw InterchangeError(file: "school.schema.json", message: "the bundled schema is not a JSON object")
        }
        self.root = root
    }

    /// Every problem of `document`, in document order (object keys sorted), at most `limit`.
    func problems(of document: Any, limit: Int = 20) -> [Problem] {
        var found: [Problem] = []
        check(document, root, path: [], into: &found, limit: limit)
        return found
    }

    // MARK: The walk

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String, reference.hasPrefix("#/$defs/") else { return schema }
        let name = String(reference.dropFirst("#/$defs/".count))
        return resolve(((root["$defs"] as? [String: Any])?[name] as? [String: Any]) ?? [:])
    }

    private func check(_ value: Any, _ schema: [String: Any], path: [Step], into found: inout [Problem], limit: Int) {
        guard found.count < limit else { return }
        let schema = resolve(schema)
        if let alternatives = schema["oneOf"] as? [[String: Any]] {
            checkOneOf(value, alternatives, path: path, into: &found, limit: limit)
            return
        }
        if let type = schema["type"] as? String, let mismatch = Self.mismatch(value, type) {
            found.append(Problem(path: path, isKey: false, message: mismatch))
            return
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { Self.same($0, value) }) {
            let names = allowed.map { "\($0)" }.joined(separator: ", ")
            found.append(
                Problem(
                    path: path, isKey: false, message: "\(Self.show(value)) is not allowed; expected one of \(names)"))
        }
        if let constant = schema["const"], !Self.same(constant, value) {
            found.append(Problem(path: path, isKey: false, message: "expected \(Self.show(constant))"))
        }
        if let array = value as? [Any] {
            if let items = schema["items"] as? [String: Any] {
                for (index, element) in array.enumerated() {
                    check(element, items, path: path + [.index(index)], into: &found, limit: limit)
                }
            }
        }
        if let object = value as? [String: Any] {
            checkObject(object, schema, path: path, into: &found, limit: limit)
        }
    }

    private func checkObject(
        _ object: [String: Any], _ schema: [String: Any], path: [Step], into found: inout [Problem], limit: Int
    ) {
        let properties = schema["properties"] as? [String: Any] ?? [:]
        let required = Set(schema["required"] as? [String] ?? [])
        for name in required.sorted() where object[name] == nil {
            found.append(Problem(path: path, isKey: false, message: "missing field '\(name)'"))
        }
        let closed = (schema["additionalProperties"] as? Bool) == false
        // A map (`levels: {"math": 2}`): every member fits the one schema.
        let members = schema["additionalProperties"] as? [String: Any]
        for (key, member) in object.sorted(by: { $0.key < $1.key }) {
            guard let property = properties[key] as? [String: Any] ?? members else {
                if closed {
                    let hint =
                        Self.closest(to: key, among: Array(properties.keys)).map { "; did you mean '\($0)'?" } ?? ""
                    let known = properties.keys.sorted().joined(separator: ", ")
                    found.append(
                        Problem(
                            path: path + [.key(key)], isKey: true,
                            message: "unknown field '\(key)'\(hint) (fields here: \(known))"))
                }
                continue
            }
            if Self.kind(of: member) == .null && !required.contains(key) { continue }
            check(member, property, path: path + [.key(key)], into: &found, limit: limit)
        }
    }

    /// `oneOf`: the value must fit one alternative. When none fits, the problems of the
    /// alternative of the value's own kind are reported (an object against the object form).
    private func checkOneOf(
        _ value: Any, _ alternatives: [[String: Any]], path: [Step], into found: inout [Problem], limit: Int
    ) {
        var best: [Problem]?
        for alternative in alternatives {
            var trial: [Problem] = []
            check(value, alternative, path: path, into: &trial, limit: limit)
            if trial.isEmpty { return }
            let resolved = resolve(alternative)
            let sameKind = (resolved["type"] as? String).map { Self.mismatch(value, $0) == nil } ?? false
            if best == nil || sameKind { best = trial }
        }
        found += best ?? []
    }

    // MARK: Values

    /// Why `value` is not of JSON Schema type `type`, or nil when it is.
    static func mismatch(_ value: Any, _ type: String) -> String? {
        let kind = Self.kind(of: value)
        switch (type, kind) {
        case ("integer", .integer), ("number", .integer), ("number", .number), ("string", .string),
            ("boolean", .boolean), ("array", .array), ("object", .object), ("null", .null):
            return nil
        case ("integer", .number):
            return "expected a whole number, found \(show(value))"
        case ("integer", .outOfRange), ("number", .outOfRange):
            return "\(show(value)) is out of range"
        default:
            return "expected \(SchemaNode.describe(type)), found \(describe(kind))"
        }
    }

    enum Kind { case integer, number, outOfRange, string, boolean, array, object, null }

    /// The class the parser gives `true` and `false` (a kind of NSNumber).
    private static let booleanType: ObjectIdentifier? = {
        let parsed = try? JSONSerialization.jsonObject(with: Data("[true]".utf8)) as? [Any]
        return parsed?.first.map { ObjectIdentifier(type(of: $0)) }
    }()

    static func kind(of value: Any) -> Kind {
        // The parser's containers are Swift's own: test them first, since casting one to a
        // class (NSNull, NSNumber) bridges its whole subtree to Foundation objects — that
        // alone made the check of a 1.4 MB school take 0.3 s.
        if value is String { return .string }
        if value is [Any] { return .array }
        if value is [String: Any] { return .object }
        if value is NSNull { return .null }
        if let number = value as? NSNumber {
            if ObjectIdentifier(type(of: value)) == booleanType { return .boolean }
            // Foundation reads a number of more digits than a double holds (1788.9999999999993)
            // as a decimal: a number still, when a double can carry it.
            if value is NSDecimalNumber {
                let double = number.doubleValue
                return double.isFinite && abs(double) < 1e300 ? .number : .outOfRange
            }
            switch String(cString: number.objCType) {
            case "c": return .boolean
            case "Q": return number.uint64Value > UInt64(Int.max) ? .outOfRange : .integer
            case "q", "i", "l", "s", "L", "I", "S", "C": return .integer
            default:
                let double = number.doubleValue
                return double.isFinite && abs(double) < 1e300 ? .number : .outOfRange
            }
        }
        if value is Bool { return .boolean }
        return .null
    }

    private static func describe(_ kind: Kind) -> String {
        switch kind {
        case .integer: return "a whole number"
        case .number: return "a number"
        case .outOfRange: return "a number out of range"
        case .string: return "a string"
        case .boolean: return "true or false"
        case .array: return "an array"
        case .object: return "an object"
        case .null: return "null"
        }
    }

    private static func number(_ value: Any) -> Double? {
        switch kind(of: value) {
        case .integer, .number: return (value as? NSNumber)?.doubleValue
        default: return nil
        }
    }

    private static func same(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = number(a), let b = number(b) { return a == b }
        return false
    }

    static func show(_ value: Any) -> String {
        if let text = value as? String { return "'\(text)'" }
        if kind(of: value) == .boolean { return (value as? Bool) == true ? "true" : "false" }
        if let number = value as? NSNumber { return number.stringValue }
        if let double = value as? Double { return double == double.rounded() ? String(Int(double)) : String(double) }
        return "\(value)"
    }

    /// The known name nearest to `name` (edit distance at most a third of its length, at
    /// least 2), for "did you mean".
    static func closest(to name: String, among names: [String]) -> String? {
        let lowered = Array(name.lowercased())
        let scored = names.map { candidate -> (String, Int) in
            (candidate, distance(lowered, Array(candidate.lowercased())))
        }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return best.1 <= max(2, name.count / 3) ? best.0 : nil
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

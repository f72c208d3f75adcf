import Foundation

/// A JSON value: what an overlay operation sets or adds, and the tree it edits.
///
/// Whole numbers stay `integer` so that they decode into `Int` fields; other numbers are
/// `number`.
public enum JSONValue: Sendable, Equatable, Codable, CustomStringConvertible {
    /// JSON `null`; set on an optional field, it clears the field.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A whole number.
    case integer(Int)
    /// A number with a fraction.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object (a record).
    case object([String: JSONValue])

    /// Decodes any JSON value; whole numbers become ``integer``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value as the JSON it stands for.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The value as compact JSON text with sorted keys, e.g. `{"id":"T1"}` or `135`.
    public var description: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "?" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a value from JSON text (any JSON value, not only objects and arrays).
    public init(parsing text: String) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Reads a command-line value: JSON when it parses (`135`, `true`, `"x"`, `[1,2]`), else the
    /// text as a string (`G7`).
    public init(commandLine text: String) {
        self = (try? JSONValue(parsing: text)) ?? .string(text)
    }

    /// The kind of value, for messages: "a whole number", "a string", ...
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "true or false"
        case .integer: return "a whole number"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The text a selector `[key=value]` compares with: strings as they are, numbers and
    /// Booleans as written in JSON; nil for arrays, objects and null.
    var selectorText: String? {
        switch self {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .bool(let value): return String(value)
        default: return nil
        }
    }
}

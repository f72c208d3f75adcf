import Foundation

/// The contract's `--format json`: exactly one JSON object on stdout.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        Swift.print(String(decoding: try encode(value), as: UTF8.self))
    }

    /// The same JSON, as data (for a file).
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

/// An optional that a synthesized `Encodable` writes as `null` when absent (the contract's
/// JSON keys are always present), instead of leaving its key out.
@propertyWrapper
struct NullEncodable<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

/// Messages on stderr (progress and logs never go to stdout).
enum Log {
    static func info(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

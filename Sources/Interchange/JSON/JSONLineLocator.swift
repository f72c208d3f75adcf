import Foundation

/// The line on which a value (or an object's key) starts in a JSON text, found by a scan of
/// the bytes: `JSONSerialization` keeps no positions, and a message that names the line lets a
/// user go straight to the mistake.
///
/// The same scan finds what `JSONSerialization` passes over or cannot say where: a key given
/// twice in one object (the parser keeps one value silently), and the place of a number too
/// large to represent.
///
/// It reads text that is valid JSON (or valid but for such a number), and gives up (nil) on
/// anything else, or beyond 512 levels of nesting.
struct JSONLineLocator {
    typealias Step = JSONSchemaCheck.Step

    /// What the scan is for.
    private enum Target {
        /// The lines of these paths.
        case lines(Set<[Step]>)
        /// The first key repeated within one object.
        case duplicateKey
        /// The first number written exactly so.
        case number([UInt8])
    }

    private let bytes: [UInt8]
    private let target: Target
    private var position = 0
    private var line = 1
    private var found: [[Step]: Int] = [:]

    /// Finds the lines of `paths` in `data`: for an object member, the line of its key.
    static func lines(of paths: [[Step]], in data: Data) -> [[Step]: Int] {
        var locator = JSONLineLocator(bytes: [UInt8](data), target: .lines(Set(paths)))
        _ = locator.value(at: [], depth: 0)
        return locator.found
    }

    /// The first key that an object of `data` holds twice: its path and the line of the
    /// second occurrence.
    static func duplicateKey(in data: Data) -> (path: [Step], line: Int)? {
        var locator = JSONLineLocator(bytes: [UInt8](data), target: .duplicateKey)
        _ = locator.value(at: [], depth: 0)
        return locator.found.first.map { ($0.key, $0.value) }
    }

    /// Where the number token `text` (e.g. `1e400`) first stands in `data`: its path and line.
    static func number(_ text: String, in data: Data) -> (path: [Step], line: Int)? {
        var locator = JSONLineLocator(bytes: [UInt8](data), target: .number(Array(text.utf8)))
        _ = locator.value(at: [], depth: 0)
        return locator.found.first.map { ($0.key, $0.value) }
    }

    private init(bytes: [UInt8], target: Target) {
        self.bytes = bytes
        self.target = target
    }

    /// Whether the scan should go on.
    private var searching: Bool {
        switch target {
        case .lines(let wanted): return !wanted.isEmpty && found.count < wanted.count
        case .duplicateKey, .number: return found.isEmpty
        }
    }

    private func isWanted(_ path: [Step]) -> Bool {
        if case .lines(let wanted) = target { return wanted.contains(path) }
        return false
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x0A:
                line += 1
                position += 1
            case 0x20, 0x09, 0x0D:
                position += 1
            default:
                return
            }
        }
    }

    private mutating func note(_ path: [Step]) {
        if isWanted(path), found[path] == nil { found[path] = line }
    }

    /// Scans one value; false when the text is not as expected (the scan stops).
    private mutating func value(at path: [Step], depth: Int) -> Bool {
        guard depth < 512, searching else { return false }
        skipSpace()
        guard position < bytes.count else { return false }
        note(path)
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return true
            }
            var keys = Set<String>()
            while true {
                skipSpace()
                let keyLine = line
                guard let key = string() else { return false }
                let child = path + [.key(key)]
                if isWanted(child), found[child] == nil { found[child] = keyLine }
                if case .duplicateKey = target, !keys.insert(key).inserted {
                    found[child] = keyLine
                    return false
                }
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
                position += 1
                guard value(at: child, depth: depth + 1) else { return false }
                skipSpace()
                guard position < bytes.count else { return false }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return true
                } else {
                    return false
                }
            }
        case UInt8(ascii: "["):
            position += 1
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return true
            }
            var index = 0
            while true {
                guard value(at: path + [.index(index)], depth: depth + 1) else { return false }
                index += 1
                skipSpace()
                guard position < bytes.count else { return false }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return true
                } else {
                    return false
                }
            }
        case UInt8(ascii: "\""):
            return string() != nil
        default:
            // A number, true, false or null: up to the next delimiter.
            let start = position
            while position < bytes.count,
                ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x09, 0x0D]
                    .contains(bytes[position])
            {
                position += 1
            }
            if case .number(let text) = target, bytes[start..<position].elementsEqual(text) {
                found[path] = line
                return false
            }
            return true
        }
    }

    /// A string token (escapes decoded), or nil when none starts here.
    private mutating func string() -> String? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        position += 1
        var text: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { return nil }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "u"):
                    guard position + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
                    else { return nil }
                    position += 4
                    text += Array(String(UnicodeScalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                default: text.append(escaped)
                }
            default:
                text.append(byte)
            }
        }
        return nil
    }
}

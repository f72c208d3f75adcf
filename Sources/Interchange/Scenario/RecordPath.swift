/// A path to fields of a school's records, addressed by id, never by array position:
/// `teams[id=G7].collaboration.minutes`, `teams[*].collaboration.minutes`, `rooms[id=R12]`.
///
/// A path is a dot-separated list of field names; a field that holds an array of records may
/// be followed by a selector: `[id=X]` (the record whose `id` is X), `[key=X]` for records
/// without ids (`students[id=S1].requests[course=BIO-2]`), or `[*]` (every record). A leading
/// `$.` is allowed, so the paths that `flexplan validate` prints can be pasted. Paths are used
/// by scenario overlays and by `flexplan sweep --vary`.
public struct RecordPath: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Which elements of an array a component selects.
    public enum Selector: Sendable, Equatable, Hashable {
        /// Elements whose field `key` (usually `id`) equals `value`.
        case match(key: String, value: String)
        /// Every element.
        case all
    }

    /// One step: a field of an object, optionally narrowed to some elements of its array.
    public struct Component: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// The field's name, e.g. `teams`.
        public var field: String
        /// Which elements of the field's array, or nil for the field itself.
        public var selector: Selector?

        /// A step into `field`, narrowed by `selector` when given.
        public init(field: String, selector: Selector? = nil) {
            self.field = field
            self.selector = selector
        }

        /// `teams[id=G7]`, `teams[*]` or `minutes`.
        public var description: String {
            switch selector {
            case nil: return field
            case .all: return "\(field)[*]"
            case .match(let key, let value): return "\(field)[\(key)=\(value)]"
            }
        }
    }

    /// The steps from the school's root, at least one.
    public var components: [Component]

    /// A path from its steps.
    public init(components: [Component]) {
        precondition(!components.isEmpty, "a record path has at least one component")
        self.components = components
    }

    /// Parses `teams[id=G7].collaboration.minutes`.
    ///
    /// - Throws: ``RecordPathError`` naming the character where the syntax breaks.
    public init(parsing text: String) throws(RecordPathError) {
        var characters = Array(text)
        var offset = 0
        if text.hasPrefix("$.") {
            characters.removeFirst(2)
            offset = 2
        }
        func fail(_ index: Int, _ message: String) -> RecordPathError {
            RecordPathError(path: text, position: index + offset + 1, message: message)
        }
        var components: [Component] = []
        var index = 0
        while true {
            var field = ""
            while index < characters.count, characters[index] != ".", characters[index] != "[" {
                if characters[index] == "]" || characters[index] == "=" || characters[index] == "*" {
                    throw fail(index, "unexpected '\(characters[index])' in a field name")
                }
                field.append(characters[index])
                index += 1
            }
            guard !field.isEmpty, !field.contains(where: \.isWhitespace) else {
                throw fail(index, field.isEmpty ? "expected a field name" : "a field name has no spaces")
            }
            var selector: Selector?
            if index < characters.count, characters[index] == "[" {
                index += 1
                guard let close = characters[index...].firstIndex(of: "]") else {
                    throw fail(index, "expected ']'")
                }
                let inside = String(characters[index..<close])
                if inside == "*" {
                    selector = .all
                } else if let equals = inside.firstIndex(of: "="), equals != inside.startIndex,
                    inside.index(after: equals) != inside.endIndex
                {
                    selector = .match(
                        key: String(inside[..<equals]), value: String(inside[inside.index(after: equals)...]))
                } else if Int(inside) != nil {
                    throw fail(index, "records are addressed by id ([id=X]) or [*], never by position")
                } else {
                    throw fail(index, "expected [id=X], [key=X] or [*]")
                }
                index = close + 1
            }
            components.append(Component(field: field, selector: selector))
            if index == characters.count { break }
            guard characters[index] == "." else { throw fail(index, "expected '.' after ']'") }
            index += 1
        }
        self.components = components
    }

    /// `teams[id=G7].collaboration.minutes`.
    public var description: String { components.map(\.description).joined(separator: ".") }
}

/// A record path that does not parse: the path, the 1-based character position, what is wrong.
public struct RecordPathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that did not parse.
    public var path: String
    /// 1-based position of the offending character (one past the end for a missing one).
    public var position: Int
    /// What is wrong there.
    public var message: String

    /// An error at `position` of `path`.
    public init(path: String, position: Int, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    /// `bad record path 'teams[id=G7': character 12: expected ']'`.
    public var description: String { "bad record path '\(path)': character \(position): \(message)" }
}

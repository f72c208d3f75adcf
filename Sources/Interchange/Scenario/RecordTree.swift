import Foundation
import SchoolModel

/// A school as a JSON tree that record paths edit: encode, edit, check against the schema,
/// decode again.
struct RecordTree {
    /// Why an edit failed: the concrete path at fault and what is wrong.
    struct Failure: Error {
        var path: String
        var message: String
    }

    /// One step from a value to a part of it.
    private enum Step {
        case key(String)
        case index(Int)
    }

    /// A place a path selects: how to reach it, how to name it, its schema, what is there now.
    private struct Target {
        var steps: [Step]
        var display: String
        var schema: SchemaNode?
        var parentSchema: SchemaNode?
        var current: JSONValue?
    }

    private(set) var root: JSONValue
    private let schema: SchemaNode?

    init(_ school: School) throws {
        root = try JSONDecoder().decode(JSONValue.self, from: SchoolJSON.encode(school))
        schema = SchemaNode.school
    }

    /// The edited school; `file` names the overlay in errors.
    func school(file: String) throws -> School {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try SchoolJSON.decode(try encoder.encode(root), file: file, lines: false)
        } catch var error as InterchangeError {
            error.message = "after the overlay: \(error.message)"
            throw error
        }
    }

    // MARK: Operations

    /// Sets a field, or replaces the selected records.
    mutating func set(_ path: RecordPath, to value: JSONValue) throws {
        let last = path.components[path.components.count - 1]
        for target in try resolve(path) {
            if value == .null, last.selector == nil {
                // JSON null means "absent": the key goes, so that the format stays canonical.
                try checkOptional(target, field: last.field)
                if target.current != nil { try removeKey(target) }
                continue
            }
            try check(value, target.schema, at: target.display)
            try modify(at: target.steps[...]) { $0 = value }
        }
    }

    /// Appends `value` to the array the path names (creating it when the school has none).
    mutating func add(_ path: RecordPath, value: JSONValue) throws {
        let last = path.components[path.components.count - 1]
        guard last.selector == nil else {
            throw Failure(
                path: path.description,
                message: "add takes the path of an array (e.g. teachers or teams[id=G7].members), not of records")
        }
        for target in try resolve(path) {
            guard target.schema?.isArray ?? true else {
                throw Failure(path: target.display, message: "'\(last.field)' is not an array; use set")
            }
            var elements: [JSONValue] = []
            switch target.current {
            case nil, .null?: break
            case .array(let existing)?: elements = existing
            default: throw Failure(path: target.display, message: "'\(last.field)' is not an array; use set")
            }
            try check(value, target.schema?.items, at: target.display + "[+]")
            if case .object(let fields) = value, let id = fields["id"],
                elements.contains(where: { if case .object(let other) = $0 { other["id"] == id } else { false } })
            {
                throw Failure(path: target.display, message: "a record with id \(id) is already there")
            }
            let isRecord = if case .object = value { true } else { false }
            if !isRecord, elements.contains(value) {
                throw Failure(path: target.display, message: "\(value) is already there")
            }
            elements.append(value)
            try modify(at: target.steps[...]) { $0 = .array(elements) }
        }
    }

    /// Removes the selected records, one value of an array (`value` given), or a field.
    mutating func remove(_ path: RecordPath, value: JSONValue?) throws {
        let last = path.components[path.components.count - 1]
        let targets = try resolve(path)
        if last.selector != nil {
            // Later positions first, so that earlier indices stay right.
            for target in targets.reversed() { try removeKey(target) }
            return
        }
        for target in targets {
            if let value {
                guard case .array(var elements)? = target.current, let index = elements.firstIndex(of: value) else {
                    throw Failure(path: target.display, message: "\(value) is not there")
                }
                elements.remove(at: index)
                try modify(at: target.steps[...]) { $0 = .array(elements) }
            } else {
                guard target.current != nil else {
                    throw Failure(path: target.display, message: "no field '\(last.field)' to remove")
                }
                try checkOptional(target, field: last.field)
                try removeKey(target)
            }
        }
    }

    // MARK: Resolving paths

    private func resolve(_ path: RecordPath) throws -> [Target] {
        var targets = [Target(steps: [], display: "$", schema: schema, parentSchema: nil, current: root)]
        for (position, component) in path.components.enumerated() {
            let isLast = position == path.components.count - 1
            var next: [Target] = []
            for target in targets {
                guard case .object(let fields)? = target.current else {
                    throw Failure(path: target.display, message: "not a record; it has no field '\(component.field)'")
                }
                let fieldSchema = target.schema?.property(component.field)
                if target.schema != nil, fieldSchema == nil {
                    throw Failure(
                        path: target.display + "." + component.field,
                        message:
                            "no field '\(component.field)' here\(target.schema?.closestHint(to: component.field) ?? "")"
                    )
                }
                let display = target.display + "." + component.field
                let value = fields[component.field]
                guard let selector = component.selector else {
                    if value == nil, !isLast {
                        throw Failure(path: display, message: "missing field '\(component.field)'; set it whole first")
                    }
                    next.append(
                        Target(
                            steps: target.steps + [.key(component.field)], display: display, schema: fieldSchema,
                            parentSchema: target.schema, current: value))
                    continue
                }
                guard case .array(let elements)? = value else {
                    if value == nil || fieldSchema?.isArray == true {
                        throw Failure(path: display + selectorText(selector), message: noRecordMessage(selector))
                    }
                    throw Failure(path: display, message: "'\(component.field)' is not an array of records")
                }
                var matched = false
                for (index, element) in elements.enumerated() where selects(selector, element) {
                    matched = true
                    next.append(
                        Target(
                            steps: target.steps + [.key(component.field), .index(index)],
                            display: display + elementText(selector, element, index: index),
                            schema: fieldSchema?.items, parentSchema: fieldSchema, current: element))
                }
                if !matched {
                    throw Failure(path: display + selectorText(selector), message: noRecordMessage(selector))
                }
            }
            targets = next
        }
        return targets
    }

    private func selects(_ selector: RecordPath.Selector, _ element: JSONValue) -> Bool {
        switch selector {
        case .all: return true
        case .match(let key, let value):
            guard case .object(let fields) = element else { return false }
            return fields[key]?.selectorText == value
        }
    }

    private func selectorText(_ selector: RecordPath.Selector) -> String {
        RecordPath.Component(field: "", selector: selector).description
    }

    private func elementText(_ selector: RecordPath.Selector, _ element: JSONValue, index: Int) -> String {
        if case .match = selector { return selectorText(selector) }
        return SchemaNode.elementSuffix(element, index: index)
    }

    private func noRecordMessage(_ selector: RecordPath.Selector) -> String {
        switch selector {
        case .all: return "no records to select"
        case .match(let key, let value): return "no record with \(key) '\(value)'"
        }
    }

    // MARK: Checks and edits

    private func check(_ value: JSONValue, _ schema: SchemaNode?, at path: String) throws {
        guard let schema, let problem = schema.mismatch(value, at: path) else { return }
        throw Failure(path: problem.path, message: problem.message)
    }

    private func checkOptional(_ target: Target, field: String) throws {
        if target.parentSchema?.required.contains(field) == true {
            throw Failure(path: target.display, message: "'\(field)' is required; it cannot be removed")
        }
    }

    private mutating func removeKey(_ target: Target) throws {
        guard let last = target.steps.last else { return }
        try modify(at: target.steps.dropLast()) { parent in
            switch (last, parent) {
            case (.key(let key), .object(var fields)):
                fields[key] = nil
                parent = .object(fields)
            case (.index(let index), .array(var elements)):
                elements.remove(at: index)
                parent = .array(elements)
            default:
                break
            }
        }
    }

    private mutating func modify(at steps: ArraySlice<Step>, _ body: (inout JSONValue) throws -> Void) throws {
        try Self.modify(&root, at: steps, body)
    }

    private static func modify(
        _ value: inout JSONValue, at steps: ArraySlice<Step>, _ body: (inout JSONValue) throws -> Void
    ) throws {
        guard let step = steps.first else {
            try body(&value)
            return
        }
        switch (step, value) {
        case (.key(let key), .object(var fields)):
            var child = fields[key] ?? .null
            fields[key] = nil
            value = .null
            try modify(&child, at: steps.dropFirst(), body)
            fields[key] = child
            value = .object(fields)
        case (.index(let index), .array(var elements)):
            var child = elements[index]
            elements[index] = .null
            value = .null
            try modify(&child, at: steps.dropFirst(), body)
            elements[index] = child
            value = .array(elements)
        default:
            throw Failure(path: "$", message: "internal: a path step does not fit the tree")
        }
    }
}

import Foundation
import SchoolModel

/// The FlexPlan JSON format: a ``School`` encoded, one file per school.
public enum SchoolJSON {
    /// The largest school file read (10^5 students with their requests take about 60 MB).
    public static let maximumFileBytes = 512_000_000

    /// Reads a school from a JSON file.
    ///
    /// Syntax errors name the line and column; values of the wrong type name the JSON path,
    /// with records addressed by id (`$.teachers[id=T07].maxPeriodsPerWeek`).
    public static func read(from path: String) throws -> School {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            size > maximumFileBytes
        {
            throw InterchangeError(
                file: path,
                message:
                    "\(size / 1_000_000) MB is above FlexPlan's limit of \(maximumFileBytes / 1_000_000) MB for a school file"
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InterchangeError(file: path, message: "no readable file")
        }
        return try decode(data, file: path)
    }

    /// Decodes a school; `file` names the source in errors.
    ///
    /// The document is first checked against the format's JSON Schema, so that every field the
    /// format does not know (a typo would otherwise drop a rule), every number of the wrong
    /// kind or out of range and every value of the wrong type is an error naming the JSON path,
    /// the record's id, the field and — with `lines`, when `data` is the user's own text — the
    /// line. The first problems found are all reported (``InterchangeError/more``).
    public static func decode(_ data: Data, file: String, lines: Bool = true) throws -> School {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw unrepresentableNumber(error, in: data, file: file) ?? syntaxError(error, in: data, file: file)
        }
        // The parser keeps one of two equal keys without a word: a rule given twice may be
        // the one the user meant.
        if let duplicate = JSONLineLocator.duplicateKey(in: data), case .key(let key)? = duplicate.path.last {
            throw InterchangeError(
                file: file, line: duplicate.line, path: jsonPath(duplicate.path, in: object),
                message: "'\(key)' is given twice in one object; give it once")
        }
        let problems = try schemaCheck().problems(of: object)
        if !problems.isEmpty {
            throw schemaError(problems, object: object, data: lines ? data : nil, file: file)
        }
        do {
            return try JSONDecoder().decode(School.self, from: data)
        } catch let error as DecodingError {
            throw decodingError(error, object: object, file: file)
        }
    }

    /// The checker of the bundled schema, read once.
    private static func schemaCheck() throws -> JSONSchemaCheck {
        try cachedSchemaCheck.get()
    }

    private static let cachedSchemaCheck = Result { try JSONSchemaCheck(schemaText: SchoolJSONSchema.text()) }

    /// The school as pretty-printed JSON with sorted keys (stable for version control).
    public static func encode(_ school: School) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(school)
        data.append(0x0A)
        return data
    }

    /// Writes the school to `path`, atomically.
    public static func write(_ school: School, to path: String) throws {
        try AtomicFile.write(encode(school), to: path)
    }

    // MARK: Errors with locations

    /// One error for all of a document's schema problems (the first, with the others as
    /// ``InterchangeError/more``), each with its JSON path and — given the text — its line.
    static func schemaError(
        _ problems: [JSONSchemaCheck.Problem], object: Any, data: Data?, file: String
    ) -> InterchangeError {
        let found = data.map { JSONLineLocator.lines(of: problems.map(\.path), in: $0) } ?? [:]
        let errors = problems.map { problem in
            InterchangeError(
                file: file, line: found[problem.path], path: jsonPath(problem.path, in: object),
                message: problem.message)
        }
        var first = errors[0]
        first.more = Array(errors.dropFirst())
        return first
    }

    /// A number too large for any numeric type (`1e400`), which the parser names without a
    /// place: found in the text, and its path read off the document with the number zeroed.
    static func unrepresentableNumber(_ error: Error, in data: Data, file: String) -> InterchangeError? {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        guard let match = description.firstMatch(of: /Number (\S+) is not representable/),
            let place = JSONLineLocator.number(String(match.1), in: data)
        else { return nil }
        let token = String(match.1)
        let zeroed = String(decoding: data, as: UTF8.self).replacing(token, with: "0")
        let path = (try? JSONSerialization.jsonObject(with: Data(zeroed.utf8))).map { jsonPath(place.path, in: $0) }
        return InterchangeError(
            file: file, line: place.line, path: path, message: "the number \(token) is too large to represent")
    }

    static func syntaxError(_ error: Error, in data: Data, file: String) -> InterchangeError {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        guard let range = description.range(of: #"character (\d+)"#, options: .regularExpression),
            let offset = Int(description[range].split(separator: " ").last ?? "")
        else {
            // Cut short: the problem is at the end of the text.
            let ended =
                description.lowercased().contains("end of file") || description.lowercased().contains("end of data")
            let lastLine = data.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } - (data.last == 0x0A ? 1 : 0)
            return InterchangeError(
                file: file, line: ended ? lastLine : nil,
                message: ended
                    ? "not valid JSON: the text ends before the JSON does (a truncated file?)"
                    : "not valid JSON: \(description)")
        }
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        let reason = description.components(separatedBy: " around").first ?? description
        return InterchangeError(
            file: file, line: line, column: column, message: "not valid JSON: \(reason.lowercased())")
    }

    private static func decodingError(_ error: DecodingError, object: Any, file: String) -> InterchangeError {
        switch error {
        case .keyNotFound(let key, let context):
            let path = jsonPath(context.codingPath, in: object)
            return InterchangeError(file: file, path: path, message: "missing field '\(key.stringValue)'")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let path = jsonPath(context.codingPath, in: object)
            return InterchangeError(file: file, path: path, message: "expected \(describe(type))")
        case .dataCorrupted(let context):
            let path = jsonPath(context.codingPath, in: object)
            return InterchangeError(file: file, path: path, message: invalidValueMessage(context))
        @unknown default:
            return InterchangeError(file: file, message: "\(error)")
        }
    }

    private static func invalidValueMessage(_ context: DecodingError.Context) -> String {
        if let key = context.codingPath.last?.stringValue, let kind = enumValues[key] {
            return "invalid value; expected one of \(kind.joined(separator: ", "))"
        }
        return "invalid value: \(context.debugDescription)"
    }

    /// Allowed values of the format's enumerations, by field name, for error messages.
    private static let enumValues: [String: [String]] = [
        "kind": [
            "teaching", "flex", "break", "year", "group", "subgroup", "gradeLevel", "department", "plc",
            "interdisciplinary", "coTeaching", "sameStart", "consecutive", "ordered", "minDaysApart",
            "grouped", "notOverlapping", "sameDay", "samePeriod", "minGap", "orderedIfSameDay", "maxDaysApart",
            "endsCohortsDay", "homeroom", "session",
        ]
    ]

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array")
                ? "an array" : (name.hasPrefix("Dictionary") ? "an object" : "a \(name) object")
        }
    }

    /// `$.a[id=X].b` from a coding path: array positions become `[id=…]` when the element has an id.
    static func jsonPath(_ codingPath: [any CodingKey], in object: Any) -> String {
        jsonPath(codingPath.map { $0.intValue.map(JSONSchemaCheck.Step.index) ?? .key($0.stringValue) }, in: object)
    }

    /// `$.a[id=X].b` from steps into `object`.
    static func jsonPath(_ steps: [JSONSchemaCheck.Step], in object: Any) -> String {
        var path = "$"
        var current: Any? = object
        for step in steps {
            if case .index(let index) = step {
                let element = (current as? [Any]).flatMap { index < $0.count ? $0[index] : nil }
                if let id = (element as? [String: Any])?["id"] as? String {
                    path += "[id=\(id)]"
                } else {
                    path += "[\(index)]"
                }
                current = element
            } else if case .key(let key) = step {
                path += ".\(key)"
                current = (current as? [String: Any])?[key]
            }
        }
        return path
    }
}

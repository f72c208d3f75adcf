import Foundation
import SchoolModel

/// Where a school's records were written, so that a validation issue — found on the school
/// after reading, and addressed by a JSON path such as `$.rooms[id=R1].seats` — also names the
/// file and line a user must edit (`rooms.csv:2:3`, `school.json:192`).
public struct SourceLocations: Sendable {
    /// A record's row in a CSV file, and the columns of that file.
    struct Row: Sendable {
        var file: String
        var line: Int
        /// 0-based column of each field.
        var columns: [String: Int]
    }

    private enum Source: Sendable {
        /// Nothing known: issues keep their JSON paths alone.
        case none
        /// A JSON file, read again when there is something to locate.
        case json(file: String)
        /// A CSV school folder, whose rows are read again when there is something to locate.
        case csvFolder(String)
    }

    private let source: Source

    private init(_ source: Source) { self.source = source }

    /// No locations: issues stay as they are.
    public static let none = SourceLocations(.none)

    /// The lines of a FlexPlan JSON file.
    static func json(file: String) -> SourceLocations { SourceLocations(.json(file: file)) }

    /// The rows of a CSV school folder's files.
    static func csvFolder(_ folder: String) -> SourceLocations { SourceLocations(.csvFolder(folder)) }

    /// `issues` with `file:line` (and `:column` for CSV) leading each message whose path
    /// can be traced to the source; the others unchanged.
    public func locate(_ issues: [ValidationIssue]) -> [ValidationIssue] {
        guard !issues.isEmpty else { return issues }
        let places: [String: String]
        switch source {
        case .none:
            return issues
        case .json(let file):
            places = Self.jsonPlaces(of: issues.map(\.path), in: file)
        case .csvFolder(let folder):
            let rows = SchoolCSV.rows(in: folder)
            places = Dictionary(
                issues.compactMap { issue in Self.rowPlace(of: issue.path, in: rows).map { (issue.path, $0) } },
                uniquingKeysWith: { first, _ in first })
        }
        return issues.map { issue in
            guard let place = places[issue.path] else { return issue }
            var located = issue
            located.message = "\(place): \(issue.message)"
            return located
        }
    }

    // MARK: CSV rows

    /// The row of the longest path in `rows` that `path` lies within, with the column of the
    /// field right after it when the file has one.
    private static func rowPlace(of path: String, in rows: [String: Row]) -> String? {
        var prefix = path
        while !prefix.isEmpty {
            if let row = rows[prefix] {
                let rest = path.dropFirst(prefix.count)
                let field = rest.hasPrefix(".") ? String(rest.dropFirst().prefix { $0 != "." && $0 != "[" }) : ""
                let column = row.columns[field].map { ":\($0 + 1)" } ?? ""
                return "\(row.file):\(row.line)\(column)"
            }
            guard let cut = prefix.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            prefix = String(prefix[..<cut])
        }
        return nil
    }

    // MARK: JSON lines

    /// `file:line` for each path that leads into `file`'s document.
    private static func jsonPlaces(of paths: [String], in file: String) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: file),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return [:] }
        var steps: [String: [JSONSchemaCheck.Step]] = [:]
        for path in paths {
            // An issue about a field that is absent lies on its record: the longest prefix
            // that resolves is the place.
            if let resolved = resolve(path, in: object) { steps[path] = resolved }
        }
        let lines = JSONLineLocator.lines(of: Array(steps.values), in: data)
        return steps.compactMapValues { lines[$0].map { "\(file):\($0)" } }
    }

    /// The steps into `object` that a path such as `$.a[id=X].b[2]` names, as far as they
    /// resolve (nil when not even the first does).
    static func resolve(_ path: String, in object: Any) -> [JSONSchemaCheck.Step]? {
        guard path.hasPrefix("$") else { return nil }
        var steps: [JSONSchemaCheck.Step] = []
        var current: Any? = object
        var rest = Substring(path.dropFirst())
        while let first = rest.first {
            if first == "." {
                let key = rest.dropFirst().prefix { $0 != "." && $0 != "[" }
                guard let next = (current as? [String: Any])?[String(key)] else { break }
                steps.append(.key(String(key)))
                current = next
                rest = rest.dropFirst(1 + key.count)
            } else if first == "[" {
                guard let close = rest.firstIndex(of: "]"), let array = current as? [Any] else { break }
                let selector = rest[rest.index(after: rest.startIndex)..<close]
                let index: Int?
                if let position = Int(selector) {
                    index = array.indices.contains(position) ? position : nil
                } else if let equals = selector.firstIndex(of: "=") {
                    let key = String(selector[..<equals])
                    let value = String(selector[selector.index(after: equals)...])
                    // The last of equal ids: a duplicate is reported where it repeats.
                    index = array.lastIndex { element in
                        (element as? [String: Any])?[key].map { "\($0)" == value } ?? false
                    }
                } else {
                    index = nil
                }
                guard let index else { break }
                steps.append(.index(index))
                current = array[index]
                rest = rest[rest.index(after: close)...]
            } else {
                break
            }
        }
        return steps.isEmpty && path != "$" ? nil : steps
    }
}

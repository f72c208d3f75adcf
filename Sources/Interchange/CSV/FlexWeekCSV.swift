import Foundation
import SchoolModel

/// A week's flex requests and choices from one CSV file (`flexplan flex --requests FILE`), so
/// the school file stays the same from week to week.
///
/// One row per teacher request or ranked choice:
///
/// | column | meaning |
/// |---|---|
/// | `kind` | `request` or `choice` (required) |
/// | `student`, `session` | ids (required) |
/// | `rank` | a choice's rank, 1 = first (required for a choice) |
/// | `teacher` | who requests; the session's teacher when empty |
/// | `priority` | a request's priority, 1 when empty; higher outranks lower |
/// | `hard` | `true` when the request must be honoured |
/// | `periods` | flex periods it is for, e.g. `tue:flex`; every flex period when empty |
///
/// A student's choice rows with the same `periods` form one ranked list.
public struct FlexWeekCSV: Sendable {
    public static let columns = ["kind", "student", "session", "rank", "teacher", "priority", "hard", "periods"]

    /// The file as read.
    public let path: String
    public let inputs: FlexInputs
    /// The line of each request, and of each choice list's first row.
    let requestLines: [Int]
    let choiceLines: [Int]

    private enum Kind: String, CaseIterable { case request, choice }

    /// Reads the file; `sessionTeachers` (session id → teacher) fills an empty `teacher`.
    public static func read(_ path: String, sessionTeachers: [String: String]) throws -> FlexWeekCSV {
        guard let table = try CSVTable.read(path) else {
            throw InterchangeError(file: path, message: "no such file")
        }
        let positions = try table.columns(known: columns, required: ["kind", "student", "session"])
        var requests: [FlexRequest] = []
        var requestLines: [Int] = []
        // (student, periods) → ranked rows, in file order of first appearance.
        var lists: [String: [(rank: Int, session: String, line: Int)]] = [:]
        var listOrder: [(key: String, student: String, periods: [TimeSlots]?)] = []
        for row in table.rows {
            let record = CSVRecord(table: table, row: row, columns: positions)
            guard let kind = try record.choice("kind", Kind.self) else {
                throw record.error("kind", "a value is required (request or choice)")
            }
            let student = try record.required("student")
            let session = try record.required("session")
            let periods = try record.timeSlots("periods")
            switch kind {
            case .request:
                if record.text("rank") != nil { throw record.error("rank", "a request has no rank") }
                guard let teacher = record.text("teacher") ?? sessionTeachers[session] else {
                    throw record.error("session", "unknown flex session '\(session)'")
                }
                let priority = try record.int("priority")
                if let priority, priority < 1 { throw record.error("priority", "must be at least 1, not \(priority)") }
                requests.append(
                    FlexRequest(
                        teacher: teacher, student: student, session: session, priority: priority,
                        hard: try record.bool("hard"), periods: periods))
                requestLines.append(row.line)
            case .choice:
                for column in ["teacher", "priority", "hard"] where record.text(column) != nil {
                    throw record.error(column, "a choice has no \(column)")
                }
                let rank = try record.requiredInt("rank")
                if rank < 1 { throw record.error("rank", "must be at least 1, not \(rank)") }
                let key = student + "|" + (record.text("periods") ?? "")
                if lists[key] == nil { listOrder.append((key, student, periods)) }
                if let same = lists[key]?.first(where: { $0.rank == rank }) {
                    throw record.error(
                        "rank", "student '\(student)' has rank \(rank) twice (also line \(same.line))")
                }
                lists[key, default: []].append((rank, session, row.line))
            }
        }
        var choices: [FlexChoice] = []
        var choiceLines: [Int] = []
        for entry in listOrder {
            let rows = (lists[entry.key] ?? []).sorted { $0.rank < $1.rank }
            choices.append(FlexChoice(student: entry.student, sessions: rows.map(\.session), periods: entry.periods))
            choiceLines.append(rows.map(\.line).min() ?? 0)
        }
        return FlexWeekCSV(
            path: path, inputs: FlexInputs(requests: requests, choices: choices), requestLines: requestLines,
            choiceLines: choiceLines)
    }

    /// A validation issue found with these inputs in place of the school's standing ones
    /// (`$.flex.requests[3]…`), relocated to this file's line; other issues unchanged.
    public func locate(_ issue: ValidationIssue) -> ValidationIssue {
        for (prefix, lines) in [("$.flex.requests[", requestLines), ("$.flex.choices[", choiceLines)] {
            guard issue.path.hasPrefix(prefix),
                let index = Int(issue.path.dropFirst(prefix.count).prefix { $0.isNumber }),
                lines.indices.contains(index)
            else { continue }
            var located = issue
            located.path = "\(path):\(lines[index])"
            // The column: the field right after the record (`…[3].periods[0].day` → periods).
            let rest = issue.path.drop { $0 != "]" }.dropFirst()
            if rest.hasPrefix(".") {
                located.message = "\(rest.dropFirst().prefix { $0 != "." && $0 != "[" }): \(issue.message)"
            }
            return located
        }
        return issue
    }
}

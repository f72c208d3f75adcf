import Foundation

extension SchoolCSV {
    /// The JSON path of the records each file holds, by file: a row with id X becomes
    /// `collection[id=X]`; files without ids address rows by position.
    private static let collections: [String: String] = [
        "subjects.csv": "$.subjects", "teachers.csv": "$.teachers", "rooms.csv": "$.rooms",
        "cohorts.csv": "$.cohorts", "students.csv": "$.students", "courses.csv": "$.courses",
        "activities.csv": "$.activities", "teams.csv": "$.teams", "flex-sessions.csv": "$.flex.sessions",
        "days.csv": "$.timeGrid.days",
    ]

    /// Files whose rows are records without ids, addressed by their position.
    private static let positional: [String: String] = [
        "activity-relations.csv": "$.activityRelations", "flex-requests.csv": "$.flex.requests",
        "flex-choices.csv": "$.flex.choices", "tag-limits.csv": "$.tagLimits",
        "slot-rules.csv": "$.slotRules", "day-limits.csv": "$.dayLimits", "room-rules.csv": "$.roomRules",
        "soft-day-limits.csv": "$.softDayLimits", "avoided-room-times.csv": "$.avoidedRoomTimes",
    ]

    /// Where the rows of `school.csv` land in the school, by their `field`.
    private static func schoolFieldPath(_ field: String) -> String? {
        switch field {
        case "name", "formatVersion": return "$.\(field)"
        case "termStart", "termEnd", "holidays", "timeZone": return "$.calendar.\(field)"
        case "flexCatchAll": return "$.flex.catchAll"
        case let key where key.hasPrefix("weights."): return "$.\(key)"
        default: return nil
        }
    }

    /// The rows of `folder`'s files by the JSON path of what each was read into, for
    /// ``SourceLocations``. Files that cannot be read again are left out (the school was
    /// read from them a moment ago; a file changed since is not worth an error here).
    static func rows(in folder: String) -> [String: SourceLocations.Row] {
        var rows: [String: SourceLocations.Row] = [:]
        func add(_ path: String, _ record: CSVRecord, columns: [String: Int]? = nil) {
            rows[path] = SourceLocations.Row(
                file: record.table.file, line: record.line, columns: columns ?? record.columns)
        }
        for file in files.map(\.name) {
            guard let records = try? records(file, in: folder) else { continue }
            if let collection = collections[file] {
                for (index, record) in records.enumerated() {
                    // By position too: a duplicate id is reported so.
                    add("\(collection)[\(index)]", record)
                    if let id = record.text("id") { add("\(collection)[id=\(id)]", record) }
                }
            } else if let collection = positional[file] {
                for (index, record) in records.enumerated() { add("\(collection)[\(index)]", record) }
            } else if file == "periods.csv" {
                for record in records {
                    guard let schedule = record.text("bellSchedule"), let period = record.text("period") else {
                        continue
                    }
                    add("$.timeGrid.bellSchedules[id=\(schedule)].periods[id=\(period)]", record)
                }
            } else if file == "school.csv" {
                // The path is the field itself: its place is the value's column.
                for record in records {
                    guard let field = record.text("field"), let path = schoolFieldPath(field) else { continue }
                    add(path, record, columns: record.columns["value"].map { ["": $0] } ?? [:])
                }
            }
        }
        return rows
    }
}

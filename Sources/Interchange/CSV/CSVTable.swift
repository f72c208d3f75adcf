import CSV
import Foundation
import SchoolModel

/// One CSV file read with CSV.swift: a header and rows that know their line numbers, so that
/// every error can name file, line and column.
struct CSVTable {
    /// A data row: its 1-based line in the file and its fields.
    struct Row {
        var line: Int
        var fields: [String]
    }

    /// The file, as errors name it.
    let file: String
    /// Column names, trimmed (a UTF-8 byte order mark before the first is dropped).
    let header: [String]
    let rows: [Row]

    /// Reads `path`; nil when there is no such file.
    static func read(_ path: String) throws -> CSVTable? {
        guard InMemoryFiles.exists(path) else { return nil }
        guard let data = InMemoryFiles.read(path) else {
            throw InterchangeError(file: path, message: "no readable file")
        }
        return try parse(data, file: path)
    }

    /// Parses CSV text (UTF-8, a byte order mark tolerated, LF or CRLF line ends).
    static func parse(_ data: Data, file: String) throws -> CSVTable {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InterchangeError(file: file, message: "not UTF-8 text; save the file as CSV UTF-8")
        }
        if let (line, column) = unclosedQuote(in: text) {
            throw InterchangeError(
                file: file, line: line, column: column,
                message: "a quoted field is not closed; is a closing quote missing?")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw InterchangeError(file: file, message: "cannot read CSV: \(error)")
        }
        var line = 1
        var header: [String]?
        var rows: [Row] = []
        while let fields = reader.next() {
            let rowLine = line
            line += 1 + fields.reduce(0) { $0 + $1.count(where: \.isNewline) }
            // A quote left open swallows the rows after it up to the next quote: a field whose
            // later lines hold commas is such rows, not a name written over two lines. Refuse it
            // here rather than report the merged rows' follow-on errors.
            if let column = fields.firstIndex(where: { field in
                field.split(whereSeparator: \.isNewline).dropFirst().contains { $0.contains(",") }
            }) {
                let lines = fields[column].count(where: \.isNewline) + 1
                throw InterchangeError(
                    file: file, line: rowLine, column: column + 1,
                    message:
                        "a quoted field runs over \(lines) lines (to line \(rowLine + lines - 1)); is a closing quote missing?"
                )
            }
            if fields.count == 1, fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let header else {
                header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                continue
            }
            if fields.count > header.count {
                throw InterchangeError(
                    file: file, line: rowLine, column: header.count + 1,
                    message: "\(fields.count) fields but the header has \(header.count) columns")
            }
            rows.append(Row(line: rowLine, fields: fields))
        }
        if let error = reader.error {
            throw InterchangeError(file: file, line: line, message: "cannot read CSV: \(error)")
        }
        guard let header else {
            throw InterchangeError(file: file, line: 1, message: "empty file; expected a header row")
        }
        return CSVTable(file: file, header: header, rows: rows)
    }

    /// Where a quoted field opens that never closes (CSV.swift reads it to the end of the file
    /// without a word), as line and column; nil when every quote closes.
    private static func unclosedQuote(in text: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        var atFieldStart = true
        var opened: (line: Int, column: Int)?
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if opened != nil {
                if scalar == "\n" { line += 1 }
                guard scalar == "\"" else { continue }
                // A doubled quote is an escaped quote; a single one closes the field.
                let next = scalars.next()
                if next == "\"" { continue }
                opened = nil
                atFieldStart = false
                pending = next
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                opened = (line, column)
            case ",":
                column += 1
                atFieldStart = true
            case "\n":
                line += 1
                column = 1
                atFieldStart = true
            case "\r":
                break
            default:
                atFieldStart = false
            }
        }
        return opened
    }

    /// The position of each column the reader knows; refuses unknown columns (except
    /// `metadata.*` extensions), duplicates and missing required ones, naming the column.
    func columns(known: [String], required: [String]) throws -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if name.hasPrefix("metadata.") { continue }
            guard known.contains(name) else {
                throw InterchangeError(
                    file: file, line: 1, column: index + 1,
                    message: "unknown column '\(name)'; expected \(known.joined(separator: ", "))")
            }
            guard positions[name] == nil else {
                throw InterchangeError(file: file, line: 1, column: index + 1, message: "column '\(name)' twice")
            }
            positions[name] = index
        }
        for name in required where positions[name] == nil {
            throw InterchangeError(file: file, line: 1, message: "missing column '\(name)'")
        }
        return positions
    }
}

/// Typed access to the fields of one row, with errors at the field's line and column.
struct CSVRecord {
    let table: CSVTable
    let row: CSVTable.Row
    let columns: [String: Int]

    var line: Int { row.line }

    /// An error located at `column` of this row.
    func error(_ column: String, _ message: String) -> InterchangeError {
        InterchangeError(
            file: table.file, line: row.line, column: columns[column].map { $0 + 1 }, message: "\(column): \(message)")
    }

    /// The trimmed text of a column; nil when the column is absent or the cell empty.
    func text(_ column: String) -> String? {
        guard let index = columns[column], index < row.fields.count else { return nil }
        let value = row.fields[index].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    func required(_ column: String) throws -> String {
        guard let value = text(column) else { throw error(column, "a value is required") }
        return value
    }

    func int(_ column: String) throws -> Int? {
        guard let value = text(column) else { return nil }
        guard let number = Int(value) else { throw error(column, "expected a whole number, found '\(value)'") }
        return number
    }

    func requiredInt(_ column: String) throws -> Int {
        guard let number = try int(column) else { throw error(column, "a value is required") }
        return number
    }

    func requiredDouble(_ column: String) throws -> Double {
        guard let number = try double(column) else { throw error(column, "a value is required") }
        return number
    }

    func double(_ column: String) throws -> Double? {
        guard let value = text(column) else { return nil }
        guard let number = Double(value), number.isFinite else {
            throw error(column, "expected a number, found '\(value)'")
        }
        return number
    }

    func bool(_ column: String) throws -> Bool? {
        guard let value = text(column) else { return nil }
        switch value.lowercased() {
        case "true", "yes", "y", "1", "x": return true
        case "false", "no", "n", "0": return false
        default: throw error(column, "expected true or false, found '\(value)'")
        }
    }

    /// A `;`-separated list (`T01;T02`); nil when the cell is empty, `[]` for a lone `;`.
    func list(_ column: String) -> [String]? {
        guard let value = text(column) else { return nil }
        return value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// One of `words`, matched in any case and returned as `words` spells it; nil when the cell
    /// is empty. Another value is an error listing the words.
    func word(_ column: String, in words: [String]) throws -> String? {
        guard let value = text(column) else { return nil }
        guard let word = words.first(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) else {
            throw error(column, "expected one of \(words.joined(separator: ", ")), found '\(value)'")
        }
        return word
    }

    /// An enumeration value, with the allowed ones in the message.
    func choice<T: RawRepresentable & CaseIterable>(_ column: String, _: T.Type) throws -> T?
    where T.RawValue == String {
        guard let value = text(column) else { return nil }
        guard let choice = T(rawValue: value) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(column, "expected one of \(allowed), found '\(value)'")
        }
        return choice
    }

    /// Periods as `mon:1;mon:2;fri` (a day alone is the whole day); consecutive items of one
    /// day make one entry.
    func timeSlots(_ column: String) throws -> [TimeSlots]? {
        guard let items = list(column) else { return nil }
        var result: [TimeSlots] = []
        for item in items {
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let day = parts.first, !day.isEmpty, parts.count == 1 || !parts[1].isEmpty else {
                throw error(column, "expected DAY or DAY:PERIOD, found '\(item)'")
            }
            if parts.count == 2, let last = result.last, last.day == day, last.periods != nil {
                result[result.count - 1].periods?.append(parts[1])
            } else {
                result.append(TimeSlots(day: day, periods: parts.count == 2 ? [parts[1]] : nil))
            }
        }
        return result
    }

    /// `key:number;key:number`.
    func levels(_ column: String) throws -> [String: Int]? {
        guard let items = list(column) else { return nil }
        var result: [String: Int] = [:]
        for item in items {
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, !parts[0].isEmpty, let level = Int(parts[1]) else {
                throw error(column, "expected COMPETENCY:LEVEL (e.g. math:2), found '\(item)'")
            }
            result[parts[0]] = level
        }
        return result
    }
}

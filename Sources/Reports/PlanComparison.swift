import Foundation
import Plot
import SchoolModel

/// Plans side by side: each one's metrics, the change from the first, and the lessons that moved.
public struct PlanComparison: Sendable {
    /// One plan.
    public struct Column: Sendable {
        public var name: String
        public var metrics: PlanMetrics
        /// Solve seconds, when known (plan files hold no clock time; a sweep measures it).
        public var seconds: Double?
        public var placements: [Placement]

        public init(name: String, metrics: PlanMetrics, seconds: Double? = nil, placements: [Placement]) {
            self.name = name
            self.metrics = metrics
            self.seconds = seconds
            self.placements = placements
        }
    }

    public let columns: [Column]
    /// `moves[i]`: the lessons placed differently in plan i than in the first (empty for the first).
    public let moves: [[LessonMove]]

    public init(_ columns: [Column]) {
        self.columns = columns
        moves = columns.map { column in
            columns.first.map { LessonMove.moves(from: $0.placements, to: column.placements) } ?? []
        }
    }

    /// One row per figure: its label, its value in each plan, and how a larger value reads
    /// (true: better, false: worse, nil: neither).
    public struct Row: Sendable {
        public var label: String
        public var values: [Double?]
        public var unit: Unit
        public var higherIsBetter: Bool?
    }

    /// How a figure is written.
    public enum Unit: Sendable { case count, fraction, minutes, seconds, score }

    public var rows: [Row] {
        func row(_ label: String, _ unit: Unit, _ better: Bool?, _ value: (Column) -> Double?) -> Row {
            Row(label: label, values: columns.map(value), unit: unit, higherIsBetter: better)
        }
        var rows: [Row] = []
        if columns.contains(where: { $0.metrics.requestsSatisfied != nil }) {
            rows.append(row("requests met", .fraction, true) { $0.metrics.requestsSatisfied })
            rows.append(row("fully scheduled", .fraction, true) { $0.metrics.fullyScheduled })
        }
        let teams = Set(columns.flatMap { $0.metrics.teamMinutes.keys }).sorted()
        for team in teams {
            rows.append(row("common minutes \(team)", .minutes, true) { $0.metrics.teamMinutes[team].map(Double.init) })
        }
        if !teams.isEmpty {
            rows.append(row("teams meeting requirement", .count, true) { Double($0.metrics.teamsMeetingRequirement) })
        }
        rows += [
            row("teacher gaps", .count, false) { Double($0.metrics.teacherGaps) },
            row("planning minutes", .minutes, true) { Double($0.metrics.planningMinutes) },
            row("planning minutes short", .minutes, false) { Double($0.metrics.planningShortfall) },
            row("room use", .fraction, nil) { $0.metrics.roomUse },
            row("objective", .score, false) { $0.metrics.objective },
            row("bound", .score, nil) { $0.metrics.bound },
            row("gap", .fraction, false) { $0.metrics.gap },
            row("solve seconds", .seconds, false) { $0.seconds },
            row("hard violations", .count, false) { Double($0.metrics.hardViolations) },
        ]
        rows.append(
            Row(
                label: "lessons moved from the first", values: moves.map { Double($0.count) }, unit: .count,
                higherIsBetter: nil))
        return rows
    }

    /// The comparison as a header and rows of text: each plan's value, and after every plan
    /// but the first its change from the first (Δ).
    public func table() -> (header: [String], rows: [[String]]) {
        var header = [""]
        for (index, column) in columns.enumerated() {
            header.append(column.name)
            if index > 0 { header.append("Δ") }
        }
        let rows = self.rows.map { row in
            var cells = [row.label]
            for (index, value) in row.values.enumerated() {
                cells.append(Self.format(value, row.unit))
                if index > 0 {
                    if row.label == "lessons moved from the first" {
                        cells.append("")
                    } else {
                        cells.append(Self.delta(value, row.values[0], row.unit))
                    }
                }
            }
            return cells
        }
        return (header, rows)
    }

    /// The table as Markdown.
    public func markdown() -> String {
        let (header, rows) = table()
        return MarkdownTable.render(header: header, rows: rows)
    }

    /// A self-contained HTML page: the table, then the moved lessons of each plan.
    public func html(title: String) -> String {
        let (header, rows) = table()
        let page = HTML(
            .lang(.english),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice), .element(named: "title", text: title),
                .style(HTMLReport.css)),
            .body(
                .header(.h1(.text(title)), .p(.text(columns.map(\.name).joined(separator: " · ")))),
                .main(
                    .div(
                        .class("scroll"),
                        .table(
                            .tr(.forEach(header) { .th(.text($0)) }),
                            .forEach(rows) { cells in .tr(.forEach(cells) { .td(.text($0)) }) })),
                    .forEach(Array(columns.enumerated()).dropFirst()) { index, column in
                        .group(
                            .h2(.text("Lessons moved: \(columns[0].name) → \(column.name) (\(moves[index].count))")),
                            .div(
                                .class("scroll"),
                                .table(
                                    .tr(.th(.text("lesson")), .th(.text("from")), .th(.text("to"))),
                                    .forEach(moves[index]) { move in
                                        .tr(
                                            .td(.text(move.activity)), .td(.text(move.from ?? "not placed")),
                                            .td(.text(move.to ?? "not placed")))
                                    })))
                    })))
        return page.render()
    }

    // MARK: Formatting

    static func format(_ value: Double?, _ unit: Unit) -> String {
        guard let value else { return "–" }
        switch unit {
        case .fraction: return String(format: "%.1f%%", value * 100)
        case .seconds: return String(format: "%.1f s", value)
        case .score: return String(format: "%.2f", value)
        case .count, .minutes: return String(Int(value.rounded()))
        }
    }

    static func delta(_ value: Double?, _ base: Double?, _ unit: Unit) -> String {
        guard let value, let base else { return "–" }
        let change = value - base
        if abs(change) < 1e-9 { return "0" }
        let sign = change > 0 ? "+" : "−"
        switch unit {
        case .fraction: return sign + String(format: "%.1f pt", abs(change) * 100)
        case .seconds: return sign + String(format: "%.1f s", abs(change))
        case .score: return sign + String(format: "%.2f", abs(change))
        case .count, .minutes: return sign + String(Int(abs(change).rounded()))
        }
    }
}

/// A Markdown (GitHub) table.
public enum MarkdownTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        return ([line(header), "|" + header.map { _ in "---" }.joined(separator: "|") + "|"] + rows.map(line))
            .joined(separator: "\n")
    }
}

import SchoolModel

/// A week as a grid of days × periods, for one teacher, cohort, student, room or team.
///
/// Days may follow different bell schedules (a flex day has a flex period the others lack): the
/// rows are every period id of the week in the order the days give them, and a day without
/// that period shows nothing in its row.
public struct WeekGrid: Sendable {
    /// One row: a period id, its kind, and its start time on each day that has it.
    public struct Row: Sendable, Equatable {
        public var period: String
        public var kind: Period.Kind
        /// Per day: the period's position in that day's schedule, nil when the day lacks it.
        public var positions: [Int?]
        /// Per day: "HH:MM–HH:MM", nil when the day lacks it.
        public var times: [String?]
    }

    /// What a cell holds.
    public enum Cell: Sendable, Equatable {
        /// The day has no such period.
        case none
        /// A break or an empty flex period.
        case pause(String)
        /// Nothing scheduled.
        case free
        /// One meeting or more (a clash would show as two, but checked plans have none).
        case meetings([PlannedWeek.Meeting])
        /// A team's view: members busy out of all, and whether it is a block of common time.
        case team(busy: Int, of: Int, common: Bool, meeting: Bool)
    }

    public let days: [String]
    public let rows: [Row]
    /// `cells[row][day]`.
    public let cells: [[Cell]]

    /// The rows of a time grid: the union of its days' period ids, in order.
    public static func rows(of grid: TimeGrid) -> [Row] {
        var order: [String] = []
        for day in grid.days.indices {
            var insertAt = 0
            for period in grid.periods(ofDay: day) {
                if let existing = order.firstIndex(of: period.id) {
                    insertAt = existing + 1
                } else {
                    order.insert(period.id, at: insertAt)
                    insertAt += 1
                }
            }
        }
        return order.map { id in
            var kind = Period.Kind.teaching
            var positions: [Int?] = []
            var times: [String?] = []
            for day in grid.days.indices {
                let periods = grid.periods(ofDay: day)
                if let index = periods.firstIndex(where: { $0.id == id }) {
                    kind = periods[index].resolvedKind
                    positions.append(index)
                    times.append(Self.span(periods[index]))
                } else {
                    positions.append(nil)
                    times.append(nil)
                }
            }
            return Row(period: id, kind: kind, positions: positions, times: times)
        }
    }

    /// A grid of meetings.
    public init(grid: TimeGrid, meetings: [PlannedWeek.Meeting]) {
        days = grid.days.map { $0.name ?? $0.id }
        rows = Self.rows(of: grid)
        var at: [[Int: [PlannedWeek.Meeting]]] = Array(repeating: [:], count: grid.days.count)
        for meeting in meetings where meeting.day < at.count {
            for period in meeting.periods { at[meeting.day][period, default: []].append(meeting) }
        }
        cells = rows.map { row in
            row.positions.enumerated().map { day, position in
                guard let position else { return .none }
                if let here = at[day][position] { return .meetings(here) }
                return row.kind == .teaching ? .free : .pause(row.kind == .flex ? "flex" : row.period)
            }
        }
    }

    /// A team's grid: per teaching period, how many members are busy; its common blocks marked.
    public init(grid: TimeGrid, members: [[PlannedWeek.Meeting]], time: TeamTime?) {
        days = grid.days.map { $0.name ?? $0.id }
        rows = Self.rows(of: grid)
        var busy: [[Int: Int]] = Array(repeating: [:], count: grid.days.count)
        for meetings in members {
            var seen: Set<[Int]> = []
            for meeting in meetings where meeting.day < busy.count {
                for period in meeting.periods where seen.insert([meeting.day, period]).inserted {
                    busy[meeting.day][period, default: 0] += 1
                }
            }
        }
        var common: [String: Bool] = [:]  // "day period" → meeting
        for block in time?.blocks ?? [] {
            for period in block.periods { common["\(block.day) \(period)"] = block.meeting ?? false }
        }
        let dayIDs = grid.days.map(\.id)
        cells = rows.map { row in
            row.positions.enumerated().map { day, position in
                guard let position else { return .none }
                guard row.kind == .teaching else { return .pause(row.kind == .flex ? "flex" : row.period) }
                let key = "\(dayIDs[day]) \(row.period)"
                return .team(
                    busy: busy[day][position] ?? 0, of: members.count, common: common[key] != nil,
                    meeting: common[key] ?? false)
            }
        }
    }

    /// "08:00–08:50".
    static func span(_ period: Period) -> String {
        guard let start = period.startMinute else { return period.start }
        return "\(clock(start))–\(clock(start + period.minutes))"
    }

    /// "HH:MM" of a minute of the day.
    static func clock(_ minute: Int) -> String {
        let hour = minute / 60 % 24
        let minutes = minute % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}

/// A date of the proleptic Gregorian calendar, with day arithmetic and no time zone.
public struct CivilDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Parses "YYYY-MM-DD"; nil for anything else or an impossible date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        dayNumber = Self.dayNumber(year: year, month: month, day: day)
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// The date `count` days later.
    public func adding(days count: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + count) }

    /// The Monday of this date's week.
    public var monday: CivilDate { adding(days: 1 - weekday) }

    /// (year, month, day), from Howard Hinnant's `civil_from_days`.
    public var components: (year: Int, month: Int, day: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// "YYYY-MM-DD".
    public var description: String {
        let (year, month, day) = components
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// Howard Hinnant's `days_from_civil`.
    private static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// One day of school in the term: its date, the grid day it runs, and its term week.
public struct SchoolDay: Sendable, Equatable {
    public var date: CivilDate
    /// Position of the day in ``TimeGrid/days``.
    public var dayIndex: Int
    /// 1 for the calendar week (Monday to Sunday) holding the term's first day.
    public var week: Int
}

extension TimeGrid {
    /// The days of school between the term's start and end, holidays skipped.
    ///
    /// A fixed week runs each grid day on the dates of its weekday. A rotating cycle (days
    /// without `weekday`) is laid onto the school days Monday to Friday in order, cycle day
    /// after cycle day, so a holiday delays the rotation rather than skipping a cycle day.
    /// Empty when the calendar's dates do not parse (validation reports them).
    public func schoolDays(in calendar: SchoolCalendar) -> [SchoolDay] {
        guard let start = CivilDate(calendar.termStart), let end = CivilDate(calendar.termEnd), start <= end,
            !days.isEmpty
        else { return [] }
        let holidays = Set((calendar.holidays ?? []).compactMap { CivilDate($0) })
        let firstMonday = start.monday
        let rotating = days.contains { $0.weekday == nil }
        var result: [SchoolDay] = []
        var next = 0
        var date = start
        while date <= end {
            defer { date = date.adding(days: 1) }
            guard !holidays.contains(date) else { continue }
            let week = (date.dayNumber - firstMonday.dayNumber) / 7 + 1
            if rotating {
                guard date.weekday <= 5 else { continue }
                result.append(SchoolDay(date: date, dayIndex: next, week: week))
                next = (next + 1) % days.count
            } else if let index = days.firstIndex(where: { $0.weekday == date.weekday }) {
                result.append(SchoolDay(date: date, dayIndex: index, week: week))
            }
        }
        return result
    }
}

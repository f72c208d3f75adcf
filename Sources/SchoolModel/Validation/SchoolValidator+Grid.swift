import Foundation

extension SchoolValidator {
    mutating func checkTimeGrid() {
        let grid = school.timeGrid
        checkUnique(grid.bellSchedules, "timeGrid.bellSchedules")
        checkUnique(grid.days, "timeGrid.days")
        if grid.days.isEmpty { error("$.timeGrid.days", field: "days", "the time grid has no days") }
        let scheduleIDs = Set(grid.bellSchedules.map(\.id))
        for day in grid.days {
            let base = path("timeGrid.days", day.id)
            checkReference(
                day.bellSchedule, in: scheduleIDs, kind: "bell schedule", at: base, record: day.id,
                field: "bellSchedule")
            if let weekday = day.weekday, !(1...7).contains(weekday) {
                error("\(base).weekday", record: day.id, field: "weekday", "weekday \(weekday) is not 1 (Monday) to 7")
            }
        }
        let weekdays = grid.days.compactMap(\.weekday)
        if !weekdays.isEmpty && weekdays.count != grid.days.count {
            error(
                "$.timeGrid.days", field: "weekday",
                "either every day has a weekday (a fixed week) or none has (a rotating cycle)")
        }
        for schedule in grid.bellSchedules {
            let base = path("timeGrid.bellSchedules", schedule.id)
            checkUnique(schedule.periods, "timeGrid.bellSchedules[id=\(schedule.id)].periods")
            if schedule.periods.isEmpty {
                error("\(base).periods", record: schedule.id, field: "periods", "no periods")
            }
            var previousEnd: Int?
            for period in schedule.periods {
                let periodPath = "\(base).periods[id=\(period.id)]"
                if period.minutes <= 0 {
                    error(
                        "\(periodPath).minutes", record: period.id, field: "minutes",
                        "a period lasts a positive number of minutes, not \(period.minutes)")
                }
                guard let start = period.startMinute else {
                    error(
                        "\(periodPath).start", record: period.id, field: "start",
                        "start '\(period.start)' is not a time HH:MM")
                    continue
                }
                if let previousEnd, start < previousEnd {
                    error(
                        "\(periodPath).start", record: period.id, field: "start",
                        "starts at \(period.start), before the previous period ends")
                }
                previousEnd = start + max(0, period.minutes)
            }
        }
    }

    mutating func checkCalendar() {
        guard let calendar = school.calendar else { return }
        for (value, field) in [(calendar.termStart, "termStart"), (calendar.termEnd, "termEnd")]
        where !Self.isDate(value) {
            error("$.calendar.\(field)", field: field, "'\(value)' is not a calendar date (YYYY-MM-DD)")
        }
        if Self.isDate(calendar.termStart), Self.isDate(calendar.termEnd), calendar.termStart > calendar.termEnd {
            error(
                "$.calendar.termEnd", field: "termEnd",
                "the term ends (\(calendar.termEnd)) before it starts (\(calendar.termStart))")
        }
        if let zone = calendar.timeZone, TimeZone(identifier: zone) == nil {
            // Calendars would silently fall back to floating time.
            error(
                "$.calendar.timeZone", field: "timeZone",
                "unknown time zone '\(zone)'; expected an IANA name such as America/Chicago or Europe/Berlin")
        }
        for (index, holiday) in (calendar.holidays ?? []).enumerated() where !Self.isDate(holiday) {
            error(
                "$.calendar.holidays[\(index)]", field: "holidays", "'\(holiday)' is not a calendar date (YYYY-MM-DD)")
        }
    }

    /// "YYYY-MM-DD" with a plausible month and day (string order is date order).
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        return (1...daysIn(month: month, of: year)).contains(day)
    }

    /// The days of `month` (1…12) in the proleptic Gregorian `year`: 2026-09-31 is no date.
    static func daysIn(month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

import Foundation
import SchoolModel

/// iCalendar (RFC 5545) files of a plan: one calendar per teacher, student, cohort or room.
///
/// The cycle is laid onto the term's real dates (``TimeGrid/schoolDays(in:)``: holidays
/// skipped, an A/B cycle rotating over school days). A fixed week's lesson is one event that
/// repeats weekly until the term's end (`RRULE:FREQ=WEEKLY;UNTIL=…`) with the holidays on its
/// weekday excluded (`EXDATE`); a rotating cycle's lesson is one event per date, since no weekly
/// rule can describe it. Times are local to the school's `timeZone`, described by a
/// `VTIMEZONE` built from the zone's real transitions; without a time zone they are floating
/// (each device's local time). UIDs are stable — lesson, date for a rotation, and school — so
/// importing a newer plan updates the events instead of duplicating them.
public struct ICalendar {
    public let week: PlannedWeek
    /// DTSTAMP: when the calendars are made.
    public let stamp: Date

    public init(week: PlannedWeek, stamp: Date = Date()) {
        self.week = week
        self.stamp = stamp
    }

    /// The calendar of a set of meetings, as text with CRLF line ends and folded lines; nil
    /// when the school has no calendar (no term dates).
    public func calendar(named name: String, meetings: [PlannedWeek.Meeting]) -> String? {
        guard let calendar = week.school.calendar else { return nil }
        let grid = week.school.timeGrid
        let days = grid.schoolDays(in: calendar)
        guard let first = days.first, let last = days.last else { return nil }
        let zone = calendar.timeZone.flatMap { TimeZone(identifier: $0) }
        let holidays = (calendar.holidays ?? []).compactMap { CivilDate($0) }
        let rotating = grid.days.contains { $0.weekday == nil }
        let schoolID = Self.uidPart(week.school.name)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//FlexPlan//Timetable//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name),
        ]
        if let zone {
            lines.append("X-WR-TIMEZONE:" + zone.identifier)
            lines += Self.timeZone(zone, from: first.date, to: last.date)
        }
        let stampText = "DTSTAMP:" + Self.utc(stamp)
        for meeting in meetings {
            let periods = grid.periods(ofDay: meeting.day)
            guard let startPeriod = meeting.periods.first.map({ periods[$0] }),
                let endPeriod = meeting.periods.last.map({ periods[$0] }),
                let start = startPeriod.startMinute, let end = endPeriod.startMinute.map({ $0 + endPeriod.minutes })
            else { continue }
            let dates = days.filter { $0.dayIndex == meeting.day }.map(\.date)
            guard let firstDate = dates.first else { continue }
            var common = [
                "SUMMARY:" + Self.escape(meeting.title),
                "DESCRIPTION:"
                    + Self.escape(
                        [
                            meeting.section.map { "Section \($0)" },
                            "Teachers: \(meeting.teachers.joined(separator: ", "))",
                            meeting.cohorts.isEmpty ? nil : "Classes: \(meeting.cohorts.joined(separator: ", "))",
                        ].compactMap { $0 }.joined(separator: "\n")),
            ]
            if let room = meeting.room { common.append("LOCATION:" + Self.escape(room)) }
            let uid = Self.uidPart(meeting.activity) + "@" + schoolID + ".flexplan"
            if rotating {
                for date in dates {
                    lines += ["BEGIN:VEVENT", "UID:\(Self.uidPart(date.description))-\(uid)", stampText]
                    lines += times(date, start, end, zone) + common + ["END:VEVENT"]
                }
            } else {
                let excluded = holidays.filter {
                    $0.weekday == firstDate.weekday && $0 > firstDate && $0 <= last.date
                }
                lines += ["BEGIN:VEVENT", "UID:\(uid)", stampText] + times(firstDate, start, end, zone)
                lines.append("RRULE:FREQ=WEEKLY;UNTIL=" + Self.until(last.date, zone: zone))
                for date in excluded { lines.append(Self.dateTime("EXDATE", date, start, zone)) }
                lines += common + ["END:VEVENT"]
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    private func times(_ date: CivilDate, _ start: Int, _ end: Int, _ zone: TimeZone?) -> [String] {
        [Self.dateTime("DTSTART", date, start, zone), Self.dateTime("DTEND", date, end, zone)]
    }

    // MARK: Text

    /// A content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.append(character)
            octets += size
        }
        return result
    }

    /// TEXT escaping (§3.3.11): backslash, semicolon, comma, newline.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// Letters, digits, '-', '_' and '.' of `text`; others become '-', and then a hash of the
    /// whole text is appended (FNV-1a), so ids that differ only in other characters stay apart.
    static func uidPart(_ text: String) -> String {
        let kept = String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
        guard kept != text else { return kept }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return kept + "-" + String(hash, radix: 36)
    }

    // MARK: Dates and zones

    /// `NAME;TZID=Zone:YYYYMMDDTHHMMSS`, or floating `NAME:YYYYMMDDTHHMMSS` without a zone.
    static func dateTime(_ name: String, _ date: CivilDate, _ minute: Int, _ zone: TimeZone?) -> String {
        let (year, month, day) = date.components
        let text = String(format: "%04d%02d%02dT%02d%02d00", year, month, day, minute / 60, minute % 60)
        return zone.map { "\(name);TZID=\($0.identifier):\(text)" } ?? "\(name):\(text)"
    }

    /// UNTIL: the end of the term's last day — in UTC when the start has a zone (§3.3.10).
    static func until(_ date: CivilDate, zone: TimeZone?) -> String {
        let (year, month, day) = date.components
        guard let zone else { return String(format: "%04d%02d%02dT235959", year, month, day) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: 23, minute: 59, second: 59)
        return utc(calendar.date(from: components) ?? Date(timeIntervalSince1970: 0))
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0, parts.second ?? 0)
    }

    /// A VTIMEZONE with the zone's real offsets and transitions from a year before `from` to a
    /// year after `to` (each transition an RDATE of its STANDARD or DAYLIGHT part).
    static func timeZone(_ zone: TimeZone, from: CivilDate, to: CivilDate) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func date(_ civil: CivilDate) -> Date {
            let (year, month, day) = civil.components
            return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date()
        }
        let start = date(from.adding(days: -366))
        let end = date(to.adding(days: 366))
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.identifier]
        var moment = start
        var offset = zone.secondsFromGMT(for: start)
        var transitions: [(at: Date, from: Int, to: Int, daylight: Bool)] = []
        while let next = zone.nextDaylightSavingTimeTransition(after: moment), next < end {
            let after = zone.secondsFromGMT(for: next)
            transitions.append((next, offset, after, zone.isDaylightSavingTime(for: next)))
            offset = after
            moment = next
        }
        func hhmm(_ seconds: Int) -> String {
            String(format: "%@%02d%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
        }
        func local(_ moment: Date, offset: Int) -> String {
            let parts = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second], from: moment.addingTimeInterval(Double(offset)))
            return String(
                format: "%04d%02d%02dT%02d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        }
        if transitions.isEmpty {
            let fixed = zone.secondsFromGMT(for: start)
            lines += [
                "BEGIN:STANDARD", "DTSTART:" + local(start, offset: fixed), "TZOFFSETFROM:" + hhmm(fixed),
                "TZOFFSETTO:" + hhmm(fixed), "END:STANDARD",
            ]
        }
        for transition in transitions {
            let part = transition.daylight ? "DAYLIGHT" : "STANDARD"
            lines += [
                "BEGIN:\(part)", "DTSTART:" + local(transition.at, offset: transition.from),
                "TZOFFSETFROM:" + hhmm(transition.from), "TZOFFSETTO:" + hhmm(transition.to), "END:\(part)",
            ]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }
}

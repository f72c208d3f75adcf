import Foundation
import SchoolModel

extension FET {
    /// A school and its plan as an official-mode FET 6 file, in the form of fet-cl's own
    /// `<name>_data_and_timetable.fet`: the school's data, and for each placed activity a
    /// permanently locked `ConstraintActivityPreferredStartingTime` (and
    /// `ConstraintActivityPreferredRoom` when it has a room), so FET opens the timetable as made.
    ///
    /// Hours are the union of the bell schedules' periods in order; a period a day does not
    /// have, or a break, is a FET break time. Cohorts become years, groups and subgroups by
    /// `parent` (deeper levels are folded into subgroups). Teachers', cohorts' and rooms'
    /// unavailable times, activity relations (``writeRelations(_:ids:to:)``), activities' rooms
    /// and preferred rooms (``writeRoomRules``), the teachers' and cohorts' limits that FET has
    /// (``writeLimits(_:to:)``), tag limits, slot rules and day limits are exported; other
    /// FlexPlan rules are not FET constraints and are left out (the locked timetable satisfies
    /// them already).
    public static func export(_ school: School, placements: [Placement]) -> String {
        var xml = FETWriter()
        xml.open("fet", attributes: ["version": "6.8.5"])
        xml.value("Mode", "Official")
        xml.value("Institution_Name", school.name)
        xml.value("Comments", "Written by FlexPlan: the timetable is locked in the constraints.")
        let grid = school.timeGrid
        var hours: [String] = []
        for schedule in grid.bellSchedules {
            for period in schedule.periods where !hours.contains(period.id) { hours.append(period.id) }
        }
        /// (day, hour) pairs of time slots (a whole day when no periods are listed).
        func expand(_ slots: [TimeSlots]) -> [(String, String)] {
            slots.flatMap { slot in (slot.periods ?? hours).map { (slot.day, $0) } }
        }
        xml.list("Days_List", count: ("Number_of_Days", grid.days.count)) { xml in
            for day in grid.days { xml.group("Day") { $0.value("Name", day.id) } }
        }
        xml.list("Hours_List", count: ("Number_of_Hours", hours.count)) { xml in
            for hour in hours { xml.group("Hour") { $0.value("Name", hour) } }
        }
        let activities = school.lessons()
        var subjects = (school.subjects ?? []).map(\.id)
        for subject in activities.map({ $0.subject ?? "none" }) where !subjects.contains(subject) {
            subjects.append(subject)
        }
        xml.list("Subjects_List") { xml in
            for subject in subjects { xml.group("Subject") { $0.value("Name", subject) } }
        }
        var tags: [String] = []
        for tag in activities.flatMap({ $0.tags ?? [] }) where !tags.contains(tag) { tags.append(tag) }
        xml.list("Activity_Tags_List") { xml in
            for tag in tags {
                xml.group("Activity_Tag") { xml in
                    xml.value("Name", tag)
                    xml.value("Printable", "true")
                }
            }
        }
        xml.list("Teachers_List") { xml in
            for teacher in school.teachers { xml.group("Teacher") { $0.value("Name", teacher.id) } }
        }
        writeStudents(school.cohorts ?? [], to: &xml)
        xml.list("Activities_List") { xml in
            for (index, activity) in activities.enumerated() {
                xml.group("Activity") { xml in
                    for teacher in activity.teachers { xml.value("Teacher", teacher) }
                    xml.value("Subject", activity.subject ?? "none")
                    for tag in activity.tags ?? [] { xml.value("Activity_Tag", tag) }
                    for cohort in activity.cohorts ?? [] { xml.value("Students", cohort) }
                    xml.value("Duration", "\(activity.resolvedDuration)")
                    xml.value("Total_Duration", "\(activity.resolvedDuration)")
                    xml.value("Id", fetID(activity.id, index: index))
                    xml.value("Activity_Group_Id", "0")
                    xml.value("Active", "true")
                    xml.value("Comments", activity.id)
                }
            }
        }
        // A FET room hosts one activity at a time: a room for several classes (`groups`) is
        // written as that many rooms, and its lessons dealt among them period by period.
        let roomOf = splitRooms(school, activities: activities, placements: placements, hours: hours)
        xml.list("Buildings_List") { xml in
            for building in Set(school.rooms.compactMap(\.building)).sorted() {
                xml.group("Building") { xml in xml.value("Name", building) }
            }
        }
        xml.list("Rooms_List") { xml in
            for room in school.rooms {
                let groups = room.resolvedGroups
                for part in 1...max(1, groups) {
                    xml.group("Room") { xml in
                        xml.value("Name", groups > 1 ? "\(room.id) #\(part)" : room.id)
                        xml.value("Building", room.building ?? "")
                        xml.value("Capacity", "\(groups > 1 ? room.seats / groups : room.seats)")
                        xml.value("Virtual", "false")
                    }
                }
            }
        }
        let ids = Dictionary(
            activities.enumerated().map { ($1.id, fetID($1.id, index: $0)) }, uniquingKeysWith: { a, _ in a })
        xml.list("Time_Constraints_List") { xml in
            xml.constraint("ConstraintBasicCompulsoryTime") { _ in }
            var breaks: [(String, String)] = []
            for day in grid.days {
                let periods = grid.bellSchedules.first { $0.id == day.bellSchedule }?.periods ?? []
                for hour in hours {
                    let period = periods.first { $0.id == hour }
                    if period == nil || period!.resolvedKind != .teaching { breaks.append((day.id, hour)) }
                }
            }
            if !breaks.isEmpty {
                xml.constraint("ConstraintBreakTimes") { xml in
                    xml.value("Number_of_Break_Times", "\(breaks.count)")
                    for (day, hour) in breaks {
                        xml.group("Break_Time") { xml in
                            xml.value("Day", day)
                            xml.value("Hour", hour)
                        }
                    }
                }
            }
            for teacher in school.teachers where !(teacher.unavailable ?? []).isEmpty {
                xml.notAvailable(
                    "ConstraintTeacherNotAvailableTimes", ("Teacher", teacher.id), expand(teacher.unavailable!))
            }
            for cohort in school.cohorts ?? [] where !(cohort.unavailable ?? []).isEmpty {
                xml.notAvailable(
                    "ConstraintStudentsSetNotAvailableTimes", ("Students", cohort.id), expand(cohort.unavailable!))
            }
            writeLimits(school, to: &xml)
            writeTagLimits(school.tagLimits ?? [], to: &xml)
            writeDayLimits(school.dayLimits ?? [], to: &xml)
            writeSoftDayLimits(school.softDayLimits ?? [], to: &xml)
            for rule in school.slotRules ?? [] {
                let members = rule.activities.compactMap { ids[$0] }
                let (name, field) =
                    switch rule.kind {
                    case .maxOccupied:
                        ("ConstraintActivitiesOccupyMaxTimeSlotsFromSelection", "Max_Number_of_Occupied_Time_Slots")
                    case .maxSimultaneous:
                        (
                            "ConstraintActivitiesMaxSimultaneousInSelectedTimeSlots",
                            "Max_Number_of_Simultaneous_Activities"
                        )
                    case .minSimultaneous:
                        (
                            "ConstraintActivitiesMinSimultaneousInSelectedTimeSlots",
                            "Min_Number_of_Simultaneous_Activities"
                        )
                    }
                xml.constraint(name) { xml in
                    xml.value("Number_of_Activities", "\(members.count)")
                    for id in members { xml.value("Activity_Id", id) }
                    let selected = expand(rule.slots)
                    xml.value("Number_of_Selected_Time_Slots", "\(selected.count)")
                    for (day, hour) in selected {
                        xml.group("Selected_Time_Slot") { xml in
                            xml.value("Selected_Day", day)
                            xml.value("Selected_Hour", hour)
                        }
                    }
                    xml.value(field, "\(rule.count)")
                    if rule.kind == .minSimultaneous { xml.value("Allow_Empty_Slots", "\(rule.allowEmpty == true)") }
                }
            }
            for placement in placements {
                guard let id = ids[placement.activity] else { continue }
                xml.constraint("ConstraintActivityPreferredStartingTime") { xml in
                    xml.value("Activity_Id", id)
                    xml.value("Preferred_Day", placement.day)
                    xml.value("Preferred_Hour", placement.period)
                    xml.value("Permanently_Locked", "true")
                }
            }
            writeRelations(school, ids: ids, to: &xml)
        }
        xml.list("Space_Constraints_List") { xml in
            xml.constraint("ConstraintBasicCompulsorySpace") { _ in }
            for room in school.rooms where !(room.unavailable ?? []).isEmpty {
                xml.notAvailable("ConstraintRoomNotAvailableTimes", ("Room", room.id), expand(room.unavailable!))
            }
            for avoided in school.avoidedRoomTimes ?? [] {
                xml.notAvailable(
                    "ConstraintRoomNotAvailableTimes", ("Room", avoided.room), expand(avoided.times),
                    weight: min(avoided.weight, 99.9))
            }
            writeRoomRules(school, activities: activities, ids: ids, to: &xml)
            writeRoomRuleConstraints(school.roomRules ?? [], ids: ids, to: &xml)
            for (index, placement) in placements.enumerated() {
                guard let id = ids[placement.activity], let room = roomOf[index] else { continue }
                xml.constraint("ConstraintActivityPreferredRoom") { xml in
                    xml.value("Activity_Id", id)
                    xml.value("Room", room)
                    xml.value("Permanently_Locked", "true")
                }
            }
        }
        xml.close("fet")
        return xml.text
    }

    /// Tag limits as FET's activity-tag limits, one constraint per teacher and per cohort, of
    /// `weight` percent.
    static func writeTagLimits(_ limits: [TagLimit], weight: Double = 100, to xml: inout FETWriter) {
        for limit in limits {
            for (kind, maximum) in [
                ("MaxHoursDaily", limit.maxPeriodsPerDay), ("MaxHoursContinuously", limit.maxConsecutive),
            ] {
                guard let maximum else { continue }
                let field = kind == "MaxHoursDaily" ? "Maximum_Hours_Daily" : "Maximum_Hours_Continuously"
                for teacher in limit.teachers ?? [] {
                    xml.constraint("ConstraintTeacherActivityTag\(kind)", weight: weight) { xml in
                        xml.value("Teacher_Name", teacher)
                        xml.value("Activity_Tag_Name", limit.tag)
                        xml.value(field, "\(maximum)")
                    }
                }
                for cohort in limit.cohorts ?? [] {
                    xml.constraint("ConstraintStudentsSetActivityTag\(kind)", weight: weight) { xml in
                        xml.value(field, "\(maximum)")
                        xml.value("Students", cohort)
                        xml.value("Activity_Tag", limit.tag)
                    }
                }
            }
        }
    }

    /// Day limits as FET's max span per day, min resting hours and interval max days per week,
    /// per teacher and cohort.
    static func writeDayLimits(_ limits: [DayLimit], to xml: inout FETWriter) {
        for limit in limits {
            let owners =
                (limit.teachers ?? []).map { ("Teacher", "Teacher_Name", $0) }
                + (limit.cohorts ?? []).map { ("StudentsSet", "Students", $0) }
            for (kind, field, owner) in owners {
                if let span = limit.maxSpan {
                    xml.constraint("Constraint\(kind)MaxSpanPerDay") { xml in
                        xml.value(field, owner)
                        xml.value("Max_Span", "\(span)")
                        xml.value("Allow_One_Day_Exception_of_Plus_One", "\((limit.maxSpanExceptions ?? 0) > 0)")
                    }
                }
                if let rest = limit.minRest {
                    xml.constraint("Constraint\(kind)MinRestingHours") { xml in
                        xml.value(field, owner)
                        xml.value("Minimum_Resting_Hours", "\(rest)")
                        xml.value("Circular", "\(limit.minRestCircular == true)")
                    }
                }
                if let days = limit.maxIntervalDays, let start = limit.intervalStart {
                    xml.constraint("Constraint\(kind)IntervalMaxDaysPerWeek") { xml in
                        xml.value(field, owner)
                        xml.value("Interval_Start_Hour", start)
                        xml.value("Interval_End_Hour", limit.intervalEnd ?? "")
                        xml.value("Max_Days_Per_Week", "\(days)")
                    }
                }
            }
        }
    }

    /// Each placement's FET room: its room, or for a room of several groups the first part
    /// (`ROOM #k`) free during all the lesson's hours.
    static func splitRooms(
        _ school: School, activities: [Activity], placements: [Placement], hours: [String]
    ) -> [String?] {
        let groups = Dictionary(school.rooms.map { ($0.id, $0.resolvedGroups) }, uniquingKeysWith: { a, _ in a })
        let duration = Dictionary(activities.map { ($0.id, $0.resolvedDuration) }, uniquingKeysWith: { a, _ in a })
        var taken: [String: Set<Int>] = [:]  // "room|day|hour" → parts in use
        return placements.map { placement -> String? in
            guard let room = placement.room, let count = groups[room], count > 1,
                let first = hours.firstIndex(of: placement.period)
            else { return placement.room }
            let keys = (first..<min(hours.count, first + (duration[placement.activity] ?? 1))).map {
                "\(room)|\(placement.day)|\($0)"
            }
            let part = (1...count).first { part in keys.allSatisfy { !(taken[$0]?.contains(part) ?? false) } } ?? 1
            for key in keys { taken[key, default: []].insert(part) }
            return "\(room) #\(part)"
        }
    }

    /// FET ids are positive integers: an activity's own id when it is one, else its position.
    static func fetID(_ id: String, index: Int) -> String {
        if let number = Int(id), number > 0 { return id }
        return "\(index + 1)"
    }

    /// Cohorts without a parent as years, their children as groups, the rest as subgroups.
    static func writeStudents(_ cohorts: [Cohort], to xml: inout FETWriter) {
        let children = Dictionary(grouping: cohorts.filter { $0.parent != nil }, by: { $0.parent! })
        func descendants(_ id: String) -> [Cohort] {
            (children[id] ?? []).flatMap { [$0] + descendants($0.id) }
        }
        xml.list("Students_List") { xml in
            for year in cohorts where year.parent == nil {
                xml.group("Year") { xml in
                    xml.value("Name", year.id)
                    xml.value("Number_of_Students", "\(year.size)")
                    for group in children[year.id] ?? [] {
                        xml.group("Group") { xml in
                            xml.value("Name", group.id)
                            xml.value("Number_of_Students", "\(group.size)")
                            for subgroup in descendants(group.id) {
                                xml.group("Subgroup") { xml in
                                    xml.value("Name", subgroup.id)
                                    xml.value("Number_of_Students", "\(subgroup.size)")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Writes FET's XML: one element per line, tab-indented, text escaped.
struct FETWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    /// A writer of a whole file.
    init() {}

    /// A writer of elements to insert into a file, at `depth` tabs, without the XML header.
    init(fragmentAt depth: Int) {
        text = ""
        self.depth = depth
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    mutating func open(_ name: String, attributes: [String: String] = [:]) {
        let attributeText = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(Self.escape($0.value))\"" }
        text += String(repeating: "\t", count: depth) + "<\(name)\(attributeText.joined())>\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += String(repeating: "\t", count: depth) + "</\(name)>\n"
    }

    mutating func value(_ name: String, _ value: String) {
        text += String(repeating: "\t", count: depth) + "<\(name)>\(Self.escape(value))</\(name)>\n"
    }

    mutating func group(_ name: String, _ body: (inout FETWriter) -> Void) {
        open(name)
        body(&self)
        close(name)
    }

    /// A list element, with FET's count element first when it has one.
    mutating func list(_ name: String, count: (String, Int)? = nil, _ body: (inout FETWriter) -> Void) {
        open(name)
        if let count { value(count.0, "\(count.1)") }
        body(&self)
        close(name)
    }

    /// An active constraint, hard (100%) unless a lower weight is given.
    mutating func constraint(_ name: String, weight: Double = 100, _ body: (inout FETWriter) -> Void) {
        open(name)
        value("Weight_Percentage", weight == weight.rounded() ? "\(Int(weight))" : "\(weight)")
        body(&self)
        value("Active", "true")
        value("Comments", "")
        close(name)
    }

    mutating func notAvailable(
        _ name: String, _ owner: (String, String), _ slots: [(String, String)], weight: Double = 100
    ) {
        constraint(name, weight: weight) { xml in
            xml.value(owner.0, owner.1)
            xml.value("Number_of_Not_Available_Times", "\(slots.count)")
            for (day, hour) in slots {
                xml.group("Not_Available_Time") { xml in
                    xml.value("Day", day)
                    xml.value("Hour", hour)
                }
            }
        }
    }
}

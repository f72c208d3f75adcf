import Foundation
import SchoolModel

/// FET (.fet) schools, official mode, FET 5 and 6.
///
/// What is read: days and hours (one bell schedule of 60-minute periods — shorter beyond 16
/// hours a day, so that the day ends by midnight — per pattern of break
/// hours, since FET has no clock times), subjects, teachers, the students hierarchy flattened to
/// its smallest sets (subgroups; a group or year without subgroups is its own set; a name that
/// recurs under several years is one set), active activities (several teachers or students
/// sets; a split lesson's parts are separate activities, spread by their
/// MinDaysBetweenActivities), rooms (real ones), and the constraints listed in
/// ``supportedConstraints`` (some only at 100%: soft breaks, availability and limits are
/// reported as unsupported). Weight 100% is hard; a weight w below 100 is soft with weight w;
/// 0% does nothing and is skipped. An activity that no space constraint gives a room needs no
/// room, as in FET; one with only soft room rules takes one of their rooms when it can and
/// otherwise none, as in FET (see ``FETSchoolBuilder/settleRoomRules()``). FlexPlan's own style rules (gaps, late starts, uneven days, room
/// changes) are switched off, so the soft score counts FET's soft constraints only.
public enum FET {
    /// A school read from a .fet file, with what the import did not take over.
    public struct Imported: Sendable {
        public var school: School
        public var report: ImportReport
    }

    /// What the import took over and what it left out.
    public struct ImportReport: Sendable {
        /// The file's `version` attribute.
        public var version: String
        /// Constraints imported, by FET name, with their count.
        public var imported: [String: Int] = [:]
        /// Constraints not supported, by FET name: how many, and how many of them hard.
        public var unsupported: [String: (count: Int, hard: Int)] = [:]
        /// Inactive activities and constraints, and constraints of weight 0%, skipped.
        public var skipped = 0
        /// Notes for stderr.
        public var warnings: [String] = []

        /// One line per unsupported constraint type: "ConstraintX ×3 (2 hard)".
        public var unsupportedLines: [String] {
            unsupported.keys.sorted().map { name in
                let entry = unsupported[name]!
                return "\(name) ×\(entry.count)" + (entry.hard > 0 ? " (\(entry.hard) hard)" : "")
            }
        }

        /// Whether an unsupported constraint is hard (the import then stops unless told not to).
        public var hasUnsupportedHard: Bool { unsupported.values.contains { $0.hard > 0 } }

        /// One line per unsupported constraint type with hard instances: "ConstraintX ×2 hard".
        public var unsupportedHardLines: [String] {
            unsupported.keys.sorted().compactMap { name in
                let hard = unsupported[name]!.hard
                return hard > 0 ? "\(name) ×\(hard) hard" : nil
            }
        }
    }

    /// The constraint types the import turns into FlexPlan rules: the core ones below, and
    /// the families read in their own files (room rules, relations between activities, limits
    /// on teachers' and students' days, limits on lessons of one activity tag, rules on
    /// selected time slots, the span of a day and the rest between days, building changes and
    /// rooms shared by activities).
    public static let supportedConstraints: Set<String> = Family.allCases.reduce(coreConstraints) {
        $0.union($1.constraints)
    }

    /// The families of constraint types read in their own files, each by its own `apply…`.
    enum Family: CaseIterable {
        case rooms, relations, limits, tagLimits, slotRules, dayLimits, roomRules

        var constraints: Set<String> {
            switch self {
            case .rooms: roomConstraints
            case .relations: relationConstraints
            case .limits: limitConstraints
            case .tagLimits: tagLimitConstraints
            case .slotRules: slotRuleConstraints
            case .dayLimits: dayLimitConstraints
            case .roomRules: roomRuleConstraints
            }
        }

        /// The family of each constraint type it reads.
        static let byConstraint: [String: Family] = Dictionary(
            allCases.flatMap { family in family.constraints.map { ($0, family) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// Time grid, availability, preferred times and rooms, and the first limits.
    static let coreConstraints: Set<String> = [
        "ConstraintBasicCompulsoryTime", "ConstraintBasicCompulsorySpace", "ConstraintBreakTimes",
        "ConstraintTeacherNotAvailableTimes", "ConstraintStudentsSetNotAvailableTimes",
        "ConstraintRoomNotAvailableTimes", "ConstraintActivityPreferredStartingTime",
        "ConstraintMinDaysBetweenActivities", "ConstraintActivitiesSameStartingTime",
        "ConstraintTeacherMaxHoursDaily", "ConstraintTeachersMaxHoursDaily", "ConstraintSubjectPreferredRoom",
        "ConstraintSubjectPreferredRooms", "ConstraintActivityPreferredRoom", "ConstraintActivityPreferredRooms",
        "ConstraintActivityPreferredStartingTimes", "ConstraintActivitiesPreferredStartingTimes",
        "ConstraintActivityPreferredTimeSlots", "ConstraintActivitiesPreferredTimeSlots",
        "ConstraintTeacherMaxDaysPerWeek", "ConstraintTeachersMaxDaysPerWeek", "ConstraintTeacherMaxGapsPerWeek",
        "ConstraintTeachersMaxGapsPerWeek", "ConstraintStudentsMaxGapsPerWeek", "ConstraintStudentsSetMaxGapsPerWeek",
    ]

    /// Words in the constraint names of FET's other modes (mornings-afternoons, block
    /// planning, terms).
    static let otherModeMarkers = ["RealDay", "Morning", "Afternoon", "Term", "MaxTwoActivityTags"]

    /// Reads a .fet file. Throws, naming the file and line, for a file that is not FET, for a
    /// file of another mode, for references to unknown names, for values FET would refuse (a
    /// count of days or hours unlike the list, numbers that are not whole, a weight outside
    /// 0…100, an `Active` that is not `true` or `false`, a name or activity Id twice), and
    /// (unless `ignoreUnsupported`) for unsupported hard constraints.
    public static func read(from path: String, ignoreUnsupported: Bool = false) throws -> Imported {
        let root = try FETDocumentReader.read(path)
        var builder = FETSchoolBuilder(path: path, root: root)
        try builder.build()
        if builder.report.hasUnsupportedHard && !ignoreUnsupported {
            throw InterchangeError(
                file: path,
                message: "unsupported hard constraints: \(builder.report.unsupportedLines.joined(separator: ", ")); "
                    + "--ignore-unsupported imports the file without them")
        }
        return Imported(school: builder.school, report: builder.report)
    }
}

/// Turns the `<fet>` tree into a ``School``, one list after another.
struct FETSchoolBuilder {
    let path: String
    let root: FETElement
    var school: School
    var report: FET.ImportReport
    /// Every students set name → the smallest sets (cohort ids) it is made of.
    var leavesOf: [String: [String]] = [:]
    /// Every students set name → its own Number_of_Students (what FET counts for room capacity).
    var sizeOf: [String: Int] = [:]
    var dayNames: [String] = []
    var hourNames: [String] = []
    /// Activity id → position in `school.activities`.
    var activityIndex: [String: Int] = [:]
    /// Ids of inactive activities: FET drops them from the constraints that list them.
    var inactive = Set<String>()
    /// Each activity's FET students sets and activity tags, for constraints that filter by them.
    var fetStudents: [String: Set<String>] = [:]
    var fetTags: [String: Set<String>] = [:]
    /// Activities a hard room rule has restricted: a further rule narrows their rooms.
    var roomRuled = Set<Int>()
    /// Home rooms and soft room rules, settled once every constraint is read.
    var roomRules = FETRoomRules()
    /// The largest weight of soft preferred times (FlexPlan weighs them globally).
    var preferredTimeWeight = 0.0

    init(path: String, root: FETElement) {
        self.path = path
        self.root = root
        school = School(name: "", timeGrid: TimeGrid(bellSchedules: [], days: []))
        report = FET.ImportReport(version: "")
    }

    func failure(_ element: FETElement?, _ message: String) -> InterchangeError {
        InterchangeError(file: path, line: element?.line, message: message)
    }

    mutating func build() throws {
        report.version = root.attributes["version"] ?? "?"
        if let mode = root.value("Mode"), mode.lowercased() != "official" {
            throw failure(root.child("Mode"), "FET mode '\(mode)': only the official mode is supported")
        }
        let constraints =
            (root.child("Time_Constraints_List")?.children ?? [])
            + (root.child("Space_Constraints_List")?.children ?? [])
        let otherMode = Set(
            constraints.map(\.name).filter { name in FET.otherModeMarkers.contains { name.contains($0) } })
        if !otherMode.isEmpty {
            throw failure(
                nil,
                "a file of another FET mode (not official): it uses \(otherMode.sorted().joined(separator: ", "))")
        }
        school.name =
            root.value("Institution_Name") ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        try readGrid()
        let subjects = root.child("Subjects_List")?.all("Subject")
        try checkUnique(subjects ?? [], "Name", "subject")
        school.subjects = subjects?.compactMap { subject in subject.value("Name").map { Subject(id: $0) } }
        let teachers = root.child("Teachers_List")?.all("Teacher") ?? []
        try checkUnique(teachers, "Name", "teacher")
        school.teachers = teachers.compactMap { teacher in teacher.value("Name").map { Teacher(id: $0) } }
        try readStudents()
        try readRooms()
        try readActivities()
        // Breaks shape the grid and must come before anything counted in teaching periods.
        for constraint in constraints where constraint.name == "ConstraintBreakTimes" {
            try apply(constraint)
        }
        for constraint in constraints where constraint.name != "ConstraintBreakTimes" {
            try apply(constraint)
        }
        // Only FET's own soft constraints count: FlexPlan's style rules (gaps, late starts,
        // uneven days, room changes) are off, as FET has them only as constraints.
        var weights = SoftRuleWeights()
        weights.teacherGap = 0
        weights.cohortGap = 0
        weights.lateStart = 0
        weights.unevenDays = 0
        weights.shortDay = 0
        weights.roomChange = 0
        weights.preferredTime = preferredTimeWeight
        weights.preferredRoom = 0
        school.weights = weights
        settleRoomRules()
        if preferredTimeWeight > 0 {
            report.warnings.append(
                "soft preferred starting times all weigh as the heaviest of them (\(Int(preferredTimeWeight))%): "
                    + "FlexPlan has one weight for the rule")
        }
    }

    // MARK: Lists

    mutating func readGrid() throws {
        guard let days = root.child("Days_List"), let hours = root.child("Hours_List") else {
            throw failure(root, "no Days_List or Hours_List: not a FET school file")
        }
        dayNames = days.all("Day").compactMap { $0.value("Name") }
        hourNames = hours.all("Hour").compactMap { $0.value("Name") }
        guard !dayNames.isEmpty, !hourNames.isEmpty else { throw failure(days, "no days or no hours") }
        try checkUnique(days.all("Day"), "Name", "day")
        try checkUnique(hours.all("Hour"), "Name", "hour")
        // FET refuses a file whose declared number is not the number of names listed.
        for (list, field, count) in [
            (days, "Number_of_Days", dayNames.count), (hours, "Number_of_Hours", hourNames.count),
        ] {
            if let declared = try wholeNumber(list, field, atLeast: 1), declared != count {
                throw failure(
                    list.child(field), "\(field) is \(declared), but \(list.name) names \(count) (FET needs them equal)"
                )
            }
        }
        setGrid(breaks: [:])
    }

    /// One bell schedule per distinct set of break hours; 60-minute periods from 08:00, or for
    /// a day of more than 16 hours (FET has no clock times) periods shortened to end it by
    /// midnight.
    mutating func setGrid(breaks: [Int: Set<Int>]) {
        let minutes = hourNames.count <= 16 ? 60 : (16 * 60) / hourNames.count
        var schedules: [BellSchedule] = []
        var scheduleOf: [Set<Int>: String] = [:]
        var days: [Day] = []
        for (day, name) in dayNames.enumerated() {
            let pattern = breaks[day] ?? []
            if scheduleOf[pattern] == nil {
                let id = pattern.isEmpty ? "fet" : "fet-\(schedules.count)"
                scheduleOf[pattern] = id
                schedules.append(
                    BellSchedule(
                        id: id,
                        periods: hourNames.enumerated().map { hour, hourName in
                            Period(
                                id: hourName,
                                start: String(format: "%02d:%02d", 8 + hour * minutes / 60, hour * minutes % 60),
                                minutes: minutes,
                                kind: pattern.contains(hour) ? .break : nil)
                        }))
            }
            days.append(Day(id: name, bellSchedule: scheduleOf[pattern]!))
        }
        school.timeGrid = TimeGrid(bellSchedules: schedules, days: days)
    }

    mutating func readStudents() throws {
        var cohorts: [Cohort] = []
        var seen = Set<String>()
        func leaf(_ element: FETElement) throws -> String? {
            guard let name = element.value("Name") else { return nil }
            if seen.insert(name).inserted {
                cohorts.append(Cohort(id: name, size: try wholeNumber(element, "Number_of_Students") ?? 0))
            }
            return name
        }
        for year in root.child("Students_List")?.all("Year") ?? [] {
            guard let yearName = year.value("Name") else { continue }
            for set in [year] + year.all("Group") + year.all("Group").flatMap({ $0.all("Subgroup") }) {
                let size = try wholeNumber(set, "Number_of_Students") ?? 0
                if let name = set.value("Name") { sizeOf[name] = size }
            }
            var yearLeaves: [String] = []
            for group in year.all("Group") {
                guard let groupName = group.value("Name") else { continue }
                let subgroups = try group.all("Subgroup").compactMap(leaf)
                let groupLeaves = subgroups.isEmpty ? [try leaf(group)].compactMap { $0 } : subgroups
                leavesOf[groupName, default: []].append(contentsOf: groupLeaves)
                yearLeaves += groupLeaves
                for name in subgroups { leavesOf[name, default: []].append(name) }
            }
            if yearLeaves.isEmpty, let own = try leaf(year) { yearLeaves = [own] }
            leavesOf[yearName, default: []].append(contentsOf: yearLeaves)
        }
        leavesOf = leavesOf.mapValues { Array(Set($0)).sorted() }
        school.cohorts = cohorts
    }

    mutating func readRooms() throws {
        let rooms = root.child("Rooms_List")?.all("Room") ?? []
        try checkUnique(rooms, "Name", "room")
        for room in rooms {
            guard let name = room.value("Name") else { continue }
            if try flag(room, "Virtual") ?? false {
                report.unsupported["virtual room", default: (0, 0)].count += 1
                report.unsupported["virtual room", default: (0, 0)].hard += 1
                continue
            }
            let building = room.value("Building").flatMap { $0.isEmpty ? nil : $0 }
            school.rooms.append(Room(id: name, seats: try wholeNumber(room, "Capacity") ?? 30, building: building))
        }
    }

    mutating func readActivities() throws {
        var activities: [Activity] = []
        let elements = root.child("Activities_List")?.all("Activity") ?? []
        try checkUnique(elements, "Id", "activity Id")
        let teachers = Set(school.teachers.map(\.id))
        let subjects = school.subjects.map { Set($0.map(\.id)) }
        for element in elements {
            guard let id = element.value("Id") else { throw failure(element, "an activity without Id") }
            guard try flag(element, "Active") ?? true else {
                inactive.insert(id)
                report.skipped += 1
                continue
            }
            // FET refuses an activity that names a teacher or subject it does not list.
            for teacher in element.all("Teacher") where !teachers.contains(teacher.trimmedText) {
                throw failure(teacher, "activity \(id): unknown teacher '\(teacher.trimmedText)'")
            }
            if let subject = element.child("Subject"), let subjects, !subjects.contains(subject.trimmedText) {
                throw failure(subject, "activity \(id): unknown subject '\(subject.trimmedText)'")
            }
            var leaves: [String] = []
            for set in element.values("Students") {
                guard let members = leavesOf[set] else {
                    throw failure(element, "activity \(id): unknown students set '\(set)'")
                }
                leaves += members
            }
            leaves = Array(Set(leaves)).sorted()
            var activity = Activity(
                id: id, subject: element.value("Subject"), teachers: element.values("Teacher"),
                cohorts: leaves.isEmpty ? nil : leaves, duration: try wholeNumber(element, "Duration", atLeast: 1) ?? 1)
            // As FET counts: the activity's own Number_Of_Students when it has one, else the
            // named sets' own sizes (a group's, not its subgroups' sum).
            activity.students =
                try wholeNumber(element, "Number_Of_Students")
                ?? Set(element.values("Students")).reduce(0) { $0 + (sizeOf[$1] ?? 0) }
            // FET gives a room only to activities a space constraint places: none until one does.
            activity.rooms = []
            fetStudents[id] = Set(element.values("Students"))
            fetTags[id] = Set(element.values("Activity_Tag"))
            activityIndex[id] = activities.count
            activities.append(activity)
        }
        school.activities = activities
    }

    // MARK: Constraints

    /// A constraint's time slots: pairs of day and hour elements inside `container` elements.
    func slots(_ element: FETElement, container: String, day: String, hour: String) throws -> [TimeSlots] {
        try element.all(container).map { entry in
            guard let dayName = entry.value(day), dayNames.contains(dayName),
                let hourName = entry.value(hour), hourNames.contains(hourName)
            else {
                throw failure(entry, "\(element.name): unknown day or hour in \(container)")
            }
            return TimeSlots(day: dayName, periods: [hourName])
        }
    }

    func activityIDs(_ element: FETElement) throws -> [String] {
        let ids = element.values("Activity_Id").filter { !inactive.contains($0) }
        for id in ids where activityIndex[id] == nil {
            throw failure(element, "\(element.name): unknown activity \(id)")
        }
        return ids
    }

    mutating func apply(_ element: FETElement) throws {
        let name = element.name
        let active = try flag(element, "Active") ?? true
        let percentage = try weightPercentage(element)
        guard active else {
            report.skipped += 1
            return
        }
        guard percentage > 0 else {
            report.skipped += 1
            return
        }
        let hard = percentage >= 100
        let weight: Double? = hard ? nil : percentage
        guard FET.supportedConstraints.contains(name), try applySupported(element, hard: hard, weight: weight) else {
            report.unsupported[name, default: (0, 0)].count += 1
            if hard { report.unsupported[name, default: (0, 0)].hard += 1 }
            return
        }
        report.imported[name, default: 0] += 1
    }

    /// Applies one supported constraint; false when this instance (e.g. a soft break) is not.
    mutating func applySupported(_ element: FETElement, hard: Bool, weight: Double?) throws -> Bool {
        switch element.name {
        case "ConstraintBasicCompulsoryTime", "ConstraintBasicCompulsorySpace":
            return true
        case "ConstraintBreakTimes":
            guard hard else { return false }
            var breaks: [Int: Set<Int>] = [:]
            for slot in try slots(element, container: "Break_Time", day: "Day", hour: "Hour") {
                breaks[dayNames.firstIndex(of: slot.day)!, default: []].insert(
                    hourNames.firstIndex(of: slot.periods![0])!)
            }
            for (day, bell) in school.timeGrid.days.enumerated() {
                let schedule = school.timeGrid.bellSchedules.first { $0.id == bell.bellSchedule }!
                for (hour, period) in schedule.periods.enumerated() where period.kind == .break {
                    breaks[day, default: []].insert(hour)
                }
            }
            setGrid(breaks: breaks)
            return true
        case "ConstraintTeacherNotAvailableTimes":
            guard hard else { return false }
            guard let teacher = element.value("Teacher"),
                let index = school.teachers.firstIndex(where: { $0.id == teacher })
            else { throw failure(element, "\(element.name): unknown teacher '\(element.value("Teacher") ?? "")'") }
            school.teachers[index].unavailable =
                (school.teachers[index].unavailable ?? [])
                + (try slots(element, container: "Not_Available_Time", day: "Day", hour: "Hour"))
            return true
        case "ConstraintStudentsSetNotAvailableTimes":
            guard hard else { return false }
            guard let set = element.value("Students"), let leaves = leavesOf[set] else {
                throw failure(element, "\(element.name): unknown students set '\(element.value("Students") ?? "")'")
            }
            let times = try slots(element, container: "Not_Available_Time", day: "Day", hour: "Hour")
            for leaf in leaves {
                guard let index = school.cohorts?.firstIndex(where: { $0.id == leaf }) else { continue }
                school.cohorts![index].unavailable = (school.cohorts![index].unavailable ?? []) + times
            }
            return true
        case "ConstraintRoomNotAvailableTimes":
            guard let room = element.value("Room"), let index = school.rooms.firstIndex(where: { $0.id == room }) else {
                return false  // a virtual room's, or an unknown one
            }
            let times = try slots(element, container: "Not_Available_Time", day: "Day", hour: "Hour")
            guard hard else {
                // Soft: each hour of an activity in the room then costs the weight, as in FET.
                let avoided = AvoidedRoomTimes(room: room, times: times, weight: weight ?? 0)
                school.avoidedRoomTimes = (school.avoidedRoomTimes ?? []) + [avoided]
                return true
            }
            school.rooms[index].unavailable = (school.rooms[index].unavailable ?? []) + times
            return true
        case "ConstraintActivityPreferredStartingTime":
            if let id = element.value("Activity_Id"), inactive.contains(id) { return true }
            guard let id = element.value("Activity_Id"), let index = activityIndex[id],
                let day = element.value("Preferred_Day"), dayNames.contains(day),
                let hour = element.value("Preferred_Hour"), hourNames.contains(hour)
            else { throw failure(element, "\(element.name): unknown activity, day or hour") }
            if hard {
                school.activities![index].locked = LockedPlacement(
                    day: day, period: hour, room: school.activities![index].locked?.room)
            } else {
                school.activities![index].preferredTimes = [TimeSlots(day: day, periods: [hour])]
                preferredTimeWeight = max(preferredTimeWeight, weight ?? 0)
            }
            return true
        case "ConstraintMinDaysBetweenActivities":
            let ids = try activityIDs(element)
            guard ids.count > 1 else { return true }
            appendRelation(
                ActivityRelation(
                    kind: .minDaysApart, activities: ids, minDays: try wholeNumber(element, "MinDays", atLeast: 1) ?? 1,
                    weight: weight))
            return true
        case "ConstraintActivitiesSameStartingTime":
            let ids = try activityIDs(element)
            guard ids.count > 1 else { return true }
            appendRelation(ActivityRelation(kind: .sameStart, activities: ids, weight: weight))
            return true
        case "ConstraintTeacherMaxHoursDaily", "ConstraintTeachersMaxHoursDaily":
            guard hard else { return try weight.map { try applySoftDayLimit(element, weight: $0) } ?? false }
            return try limitTeachers(element, "Maximum_Hours_Daily", \.maxPeriodsPerDay)
        case "ConstraintTeacherMaxDaysPerWeek", "ConstraintTeachersMaxDaysPerWeek":
            return try hard && limitTeachers(element, "Max_Days_Per_Week", \.maxDaysPerWeek)
        case "ConstraintTeacherMaxGapsPerWeek", "ConstraintTeachersMaxGapsPerWeek":
            return try hard && limitTeachers(element, "Max_Gaps", \.maxGapsPerWeek)
        case "ConstraintStudentsMaxGapsPerWeek", "ConstraintStudentsSetMaxGapsPerWeek":
            // FET counts students' gaps per subgroup: the limit goes on every smallest set meant.
            return try hard && limitStudents(element, "Max_Gaps", \.maxGapsPerWeek)
        case "ConstraintSubjectPreferredRoom", "ConstraintSubjectPreferredRooms":
            // A soft room rule: in FET an activity that misses it has no room (or its home room).
            let rooms = element.values(element.name.hasSuffix("Rooms") ? "Preferred_Room" : "Room")
            guard let subject = element.value("Subject") else { return false }
            let meant = school.activities!.indices.filter { school.activities![$0].subject == subject }
            return try noteRooms(meant, rooms, weight: weight, rule: element)
        case "ConstraintActivityPreferredRoom", "ConstraintActivityPreferredRooms":
            let rooms = element.values(element.name.hasSuffix("Rooms") ? "Preferred_Room" : "Room")
            if let id = element.value("Activity_Id"), inactive.contains(id) { return true }
            guard let id = element.value("Activity_Id"), let index = activityIndex[id] else {
                throw failure(element, "\(element.name): unknown activity '\(element.value("Activity_Id") ?? "")'")
            }
            return try noteRooms([index], rooms, weight: weight, rule: element)
        case "ConstraintActivityPreferredStartingTimes", "ConstraintActivitiesPreferredStartingTimes",
            "ConstraintActivityPreferredTimeSlots", "ConstraintActivitiesPreferredTimeSlots",
            "ConstraintSubactivitiesPreferredStartingTimes", "ConstraintSubactivitiesPreferredTimeSlots":
            let startsOnly = element.name.hasSuffix("StartingTimes")
            let times =
                startsOnly
                ? try slots(
                    element, container: "Preferred_Starting_Time", day: "Preferred_Starting_Day",
                    hour: "Preferred_Starting_Hour")
                : try slots(element, container: "Preferred_Time_Slot", day: "Preferred_Day", hour: "Preferred_Hour")
            for index in try filteredActivities(element) {
                let duration = school.activities![index].duration ?? 1
                let starts = startsOnly ? times : startsInside(times, duration: duration)
                if hard {
                    // Several hard rules on one activity: it must start where all allow.
                    let previous = school.activities![index].allowedStarts
                    school.activities![index].allowedStarts =
                        previous.map { intersection($0, starts) } ?? starts
                } else {
                    school.activities![index].preferredTimes = starts
                    preferredTimeWeight = max(preferredTimeWeight, weight ?? 0)
                }
            }
            return true
        default:
            switch FET.Family.byConstraint[element.name] {
            case .rooms: return try applyRoomRule(element, hard: hard, weight: weight)
            case .relations: return try applyRelationRule(element, hard: hard, weight: weight)
            case .limits: return try applyLimitRule(element, hard: hard, weight: weight)
            case .tagLimits: return try applyTagLimitRule(element, hard: hard, weight: weight)
            case .slotRules: return try applySlotRule(element, hard: hard, weight: weight)
            case .dayLimits: return try applyDayLimitRule(element, hard: hard, weight: weight)
            case .roomRules: return try applyRoomRuleConstraint(element, hard: hard, weight: weight)
            case nil: return false
            }
        }
    }

    /// The activities a constraint names (`Activity_Id`) or selects by teacher, students set
    /// (sharing students with it, as FET filters), subject, activity tag, duration and, for
    /// the subactivities rules, component of a split activity (an empty filter selects all).
    func filteredActivities(_ element: FETElement) throws -> [Int] {
        // FET leaves a filter it does not use empty (`<Duration></Duration>`).
        let duration = try wholeNumber(element, "Duration", atLeast: 1)
        if element.child("Activity_Id") != nil {
            return try activityIDs(element).compactMap { activityIndex[$0] }
        }
        let teacher = element.value("Teacher_Name") ?? ""
        let students = element.value("Students_Name") ?? ""
        let subject = element.value("Subject_Name") ?? ""
        let tag = element.value("Activity_Tag_Name") ?? ""
        guard students.isEmpty || leavesOf[students] != nil else {
            throw failure(element, "\(element.name): unknown students set '\(students)'")
        }
        let members = Set(leavesOf[students] ?? [])
        let components = try componentNumbers(element)
        return school.activities!.indices.filter { index in
            let activity = school.activities![index]
            return (teacher.isEmpty || activity.teachers.contains(teacher))
                && (students.isEmpty || !members.isDisjoint(with: activity.cohorts ?? []))
                && (subject.isEmpty || activity.subject == subject)
                && (tag.isEmpty || fetTags[activity.id]?.contains(tag) == true)
                && (duration == nil || activity.duration == duration)
                && (components == nil || components![activity.id] == true)
        }
    }

    /// Starts from which an activity of `duration` hours lies wholly in `slots`.
    func startsInside(_ slots: [TimeSlots], duration: Int) -> [TimeSlots] {
        var hoursOf: [String: Set<Int>] = [:]
        for slot in slots {
            for period in slot.periods ?? [] {
                if let hour = hourNames.firstIndex(of: period) { hoursOf[slot.day, default: []].insert(hour) }
            }
        }
        return dayNames.compactMap { day in
            guard let hours = hoursOf[day] else { return nil }
            let starts = hours.sorted().filter { first in (first..<first + duration).allSatisfy(hours.contains) }
            return starts.isEmpty ? nil : TimeSlots(day: day, periods: starts.map { hourNames[$0] })
        }
    }

    /// The starts two lists both allow.
    func intersection(_ first: [TimeSlots], _ second: [TimeSlots]) -> [TimeSlots] {
        first.compactMap { slot in
            let other = Set(second.filter { $0.day == slot.day }.flatMap { $0.periods ?? [] })
            let periods = (slot.periods ?? []).filter(other.contains)
            return periods.isEmpty ? nil : TimeSlots(day: slot.day, periods: periods)
        }
    }

    /// Sets a limit of the teachers the constraint limits (``owners(of:)``: the one it names, or
    /// every teacher), keeping the stricter of an earlier value and this one (`keeping`: `min` for a maximum,
    /// `max` for a minimum); false when the constraint has no number under `field`. Throws for
    /// a teacher FET does not list.
    mutating func limitTeachers(
        _ element: FETElement, _ field: String, _ limit: WritableKeyPath<Teacher, Int?>,
        keeping stricter: (Int, Int) -> Int = min
    ) throws -> Bool {
        guard let value = try wholeNumber(element, field) else { return false }
        let named = Set(try owners(of: element).teachers ?? [])
        for index in school.teachers.indices where named.contains(school.teachers[index].id) {
            school.teachers[index][keyPath: limit] =
                school.teachers[index][keyPath: limit].map { stricter($0, value) } ?? value
        }
        return true
    }

    /// Whom a teachers' or students' constraint limits, by the form of its name: the teacher
    /// named (`ConstraintTeacher…`) or every teacher (`ConstraintTeachers…`), the smallest sets
    /// of the students set named (`ConstraintStudentsSet…`) or every smallest set
    /// (`ConstraintStudents…`).
    func owners(of element: FETElement) throws -> (teachers: [String]?, cohorts: [String]?) {
        let name = element.name
        if name.hasPrefix("ConstraintTeachers") { return (school.teachers.map(\.id), nil) }
        if name.hasPrefix("ConstraintTeacher") {
            // Building rules name the teacher in <Teacher>, the others in <Teacher_Name>.
            let named = element.value("Teacher_Name") ?? element.value("Teacher")
            guard let teacher = named, school.teachers.contains(where: { $0.id == teacher }) else {
                throw failure(element, "\(name): unknown teacher '\(named ?? "")'")
            }
            return ([teacher], nil)
        }
        if name.hasPrefix("ConstraintStudentsSet") {
            guard let set = element.value("Students"), let leaves = leavesOf[set] else {
                throw failure(element, "\(name): unknown students set '\(element.value("Students") ?? "")'")
            }
            return (nil, leaves)
        }
        return (nil, Array(Set(leavesOf.values.joined())).sorted())
    }

    func knownRooms(_ rooms: [String]) -> Bool {
        !rooms.isEmpty && rooms.allSatisfy { room in school.rooms.contains { $0.id == room } }
    }

    /// Restricts an activity to `rooms`. Several hard room rules on one activity must all be
    /// met, as in FET: the activity keeps the rooms every rule allows; none left is an error at
    /// the rule's line (an empty list would mean "takes no room").
    mutating func setRooms(_ index: Int, _ rooms: [String], rule element: FETElement) throws {
        guard roomRuled.insert(index).inserted else {
            let kept = school.activities![index].rooms!.filter(rooms.contains)
            guard !kept.isEmpty else {
                throw failure(
                    element,
                    "\(element.name): activity \(school.activities![index].id) has hard room rules with no room in common (\(school.activities![index].rooms!.joined(separator: ", ")) against \(rooms.joined(separator: ", "))); FET cannot place it either"
                )
            }
            school.activities![index].rooms = kept
            return
        }
        school.activities![index].rooms = rooms
    }

    mutating func appendRelation(_ relation: ActivityRelation) {
        school.activityRelations = (school.activityRelations ?? []) + [relation]
    }

    // MARK: Fields

    /// The whole number in `field`, nil when the element has no such field or leaves it empty;
    /// throws, at the field's line, for text that is not a whole number of at least `minimum`.
    func wholeNumber(_ element: FETElement, _ field: String, atLeast minimum: Int = 0) throws -> Int? {
        guard let child = element.child(field), !child.trimmedText.isEmpty else { return nil }
        guard let number = Int(child.trimmedText), number >= minimum else {
            throw failure(
                child,
                "\(element.name) \(field): expected a whole number of \(minimum) or more, found '\(child.trimmedText)'")
        }
        return number
    }

    /// `true` or `false` in `field` (FET writes no other), nil when the field is absent or empty.
    func flag(_ element: FETElement, _ field: String) throws -> Bool? {
        guard let child = element.child(field), !child.trimmedText.isEmpty else { return nil }
        switch child.trimmedText {
        case "true": return true
        case "false": return false
        default: throw failure(child, "\(element.name) \(field): expected true or false, found '\(child.trimmedText)'")
        }
    }

    /// A constraint's Weight_Percentage, 100 when absent: a number from 0 to 100, as FET reads it.
    func weightPercentage(_ element: FETElement) throws -> Double {
        guard let child = element.child("Weight_Percentage") else { return 100 }
        guard let percentage = Double(child.trimmedText), (0...100).contains(percentage) else {
            throw failure(
                child,
                "\(element.name) Weight_Percentage: expected a number from 0 to 100, found '\(child.trimmedText)'")
        }
        return percentage
    }

    /// Throws, at the second one's line, when two of `elements` have the same `field` (every
    /// such pair of the list, the others as ``InterchangeError/more``).
    func checkUnique(_ elements: [FETElement], _ field: String, _ what: String) throws {
        var firstLine: [String: Int?] = [:]
        var errors: [InterchangeError] = []
        for element in elements {
            guard let child = element.child(field) else { continue }
            if let first = firstLine[child.trimmedText] {
                errors.append(
                    failure(
                        child, "\(what) '\(child.trimmedText)' twice" + (first.map { " (first at line \($0))" } ?? "")))
            } else {
                firstLine[child.trimmedText] = child.line
            }
        }
        guard var error = errors.first else { return }
        error.more = Array(errors.dropFirst())
        throw error
    }
}

import Foundation
import Interchange
import SchoolModel
import Testing
import Timetabling

@Suite("FET import")
struct FETImportTests {
    let tiny = Bundle.module.url(forResource: "Fixtures/tiny-school", withExtension: "fet")!.path

    func importError(_ path: String, ignoreUnsupported: Bool = false) -> InterchangeError? {
        interchangeError { _ = try FET.read(from: path, ignoreUnsupported: ignoreUnsupported) }
    }

    @Test("an unsupported hard constraint stops the import, named with its count")
    func unsupportedHard() throws {
        let error = try #require(importError(tiny))
        #expect(error.file == tiny)
        #expect(
            error.message.contains("ConstraintActivitiesOccupyMinTimeSlotsFromSelection ×1 (1 hard)"),
            "\(error.message)")
        #expect(error.message.contains("--ignore-unsupported"))
    }

    @Test("the tiny school: grid, breaks, smallest students sets, activities, rooms and rules")
    func tinySchool() throws {
        let imported = try FET.read(from: tiny, ignoreUnsupported: true)
        let school = imported.school
        #expect(imported.report.version == "6.8.5")
        #expect(
            imported.report.unsupportedLines == [
                "ConstraintActivitiesOccupyMinTimeSlotsFromSelection ×1 (1 hard)",
                "ConstraintStudentsMaxGapsPerWeek ×1",
            ])
        // The inactive activity and the 0% constraint.
        #expect(imported.report.skipped == 2)
        #expect(school.name == "Tiny FET school")
        #expect(school.timeGrid.days.map(\.id) == ["Mon", "Tue"])
        #expect(school.timeGrid.slots(of: .teaching).count == 7, "Monday 10:00 is a break")
        #expect(school.cohorts?.map(\.id).sorted() == ["Y1a-1", "Y1a-2", "Y1b"])
        let activities = Dictionary(uniqueKeysWithValues: (school.activities ?? []).map { ($0.id, $0) })
        #expect(activities.keys.sorted() == ["1", "2", "3", "4"])
        #expect(activities["1"]?.cohorts == ["Y1a-1", "Y1a-2"])
        #expect(activities["1"]?.takesNoRoom == true, "no space constraint: no room, as in FET")
        #expect(activities["3"]?.cohorts == ["Y1a-1", "Y1a-2", "Y1b"])
        #expect(activities["3"]?.students == 40)
        #expect(activities["3"]?.duration == 2)
        #expect(activities["3"]?.rooms == ["Lab"])
        #expect(activities["4"]?.locked == LockedPlacement(day: "Tue", period: "11:00"))
        #expect(school.teachers.first { $0.id == "Bo" }?.unavailable == [TimeSlots(day: "Tue", periods: ["8:00"])])
        #expect(school.teachers.allSatisfy { $0.maxGapsPerWeek == 1 }, "TeachersMaxGapsPerWeek 1")
        #expect(
            school.activityRelations == [ActivityRelation(kind: .minDaysApart, activities: ["1", "2"], minDays: 1)])
        #expect(school.validate().filter { $0.severity == .error }.isEmpty)
    }

    @Test("the tiny school solves to a plan the checker passes, every imported rule kept")
    func tinySolves() throws {
        let school = try FET.read(from: tiny, ignoreUnsupported: true).school
        var options = TimetableSolveOptions()
        options.iterations = 100
        let result = try TimetableSolver.solve(school, options: options)
        #expect(result.status == .optimal)
        let report = TimetableChecker.check(school, placements: result.placements, teams: result.teams)
        #expect(report.violations.isEmpty, "\(report.violations)")
        let placed = Dictionary(uniqueKeysWithValues: result.placements.map { ($0.activity, $0) })
        #expect(placed["1"]?.day != placed["2"]?.day)
        #expect(placed["3"]?.room == "Lab")
        #expect(placed["1"]?.room == nil)
        #expect(placed["4"].map { "\($0.day) \($0.period)" } == "Tue 11:00")
        #expect(!result.placements.contains { $0.day == "Mon" && $0.period == "10:00" })
        #expect(!(placed["3"]?.day == "Tue" && placed["3"]?.period == "8:00"), "Bo is away then")
    }

    @Test("a file of another FET mode is refused, naming its constraints")
    func otherMode() throws {
        let text = try String(contentsOfFile: tiny, encoding: .utf8).replacingOccurrences(
            of: "<ConstraintActivitiesOccupyMinTimeSlotsFromSelection>", with: "<ConstraintTeacherMaxRealDaysPerWeek>"
        ).replacingOccurrences(
            of: "</ConstraintActivitiesOccupyMinTimeSlotsFromSelection>", with: "</ConstraintTeacherMaxRealDaysPerWeek>"
        )
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("other-mode-\(UUID()).fet").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(importError(path, ignoreUnsupported: true))
        #expect(error.message.contains("another FET mode"))
        #expect(error.message.contains("ConstraintTeacherMaxRealDaysPerWeek"))
    }

    @Test("a reference to an unknown students set names the file, line and activity")
    func unknownStudents() throws {
        let text = try String(contentsOfFile: tiny, encoding: .utf8).replacingOccurrences(
            of: "<Students>Y1b</Students>", with: "<Students>Y9</Students>")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("unknown-\(UUID()).fet").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(importError(path, ignoreUnsupported: true))
        #expect(error.message == "activity 4: unknown students set 'Y9'")
        #expect(error.line != nil)
    }

    /// The import error of the tiny school with, on each edit's line, `old` replaced by `new`
    /// (read from memory).
    func editedError(_ edits: (line: Int, old: String, new: String)...) throws -> InterchangeError? {
        var lines = try String(contentsOfFile: tiny, encoding: .utf8).components(separatedBy: "\n")
        for edit in edits {
            let range = try #require(lines[edit.line - 1].range(of: edit.old), "line \(edit.line) has no '\(edit.old)'")
            lines[edit.line - 1].replaceSubrange(range, with: edit.new)
        }
        let file = "/memory/school.fet"
        return interchangeError {
            try InMemoryFiles.$contents.withValue([file: Data(lines.joined(separator: "\n").utf8)]) {
                _ = try FET.read(from: file, ignoreUnsupported: true)
            }
        }
    }

    /// The tiny school read from memory with `extra` added to its space constraints.
    func importedWith(space extra: String) throws -> School {
        try importedWith(replacing: [("</Space_Constraints_List>", extra + "\n</Space_Constraints_List>")])
    }

    /// The tiny school read from memory with each `old` text replaced by `new`.
    /// `school` exported as FET (no placements) and read back.
    func reimported(_ school: School) throws -> School {
        let file = "/memory/again.fet"
        return try InMemoryFiles.$contents.withValue([file: Data(FET.export(school, placements: []).utf8)]) {
            try FET.read(from: file).school
        }
    }

    func importedWith(replacing edits: [(old: String, new: String)]) throws -> School {
        var text = try String(contentsOfFile: tiny, encoding: .utf8)
        for edit in edits {
            #expect(text.contains(edit.old), "the fixture has no '\(edit.old)'")
            text = text.replacingOccurrences(of: edit.old, with: edit.new)
        }
        let file = "/memory/school.fet"
        return try InMemoryFiles.$contents.withValue([file: Data(text.utf8)]) {
            try FET.read(from: file, ignoreUnsupported: true).school
        }
    }

    @Test("several hard room rules on one activity: it keeps the rooms every rule allows, as in FET")
    func roomRulesIntersect() throws {
        // Activity 3 (Chemistry) has the subject's room Lab; a list of rooms for the activity
        // that holds Lab and R1 leaves Lab, one that holds R1 alone leaves none.
        let both = try importedWith(
            space:
                "<ConstraintActivityPreferredRooms><Weight_Percentage>100</Weight_Percentage><Activity_Id>3</Activity_Id><Number_of_Preferred_Rooms>2</Number_of_Preferred_Rooms><Preferred_Room>R1</Preferred_Room><Preferred_Room>Lab</Preferred_Room><Active>true</Active><Comments></Comments></ConstraintActivityPreferredRooms>"
        )
        #expect(both.activities?.first { $0.id == "3" }?.rooms == ["Lab"])
        let clash = interchangeError {
            _ = try importedWith(
                space:
                    "<ConstraintActivityPreferredRoom><Weight_Percentage>100</Weight_Percentage><Activity_Id>3</Activity_Id><Room>R1</Room><Permanently_Locked>false</Permanently_Locked><Active>true</Active><Comments></Comments></ConstraintActivityPreferredRoom>"
            )
        }
        #expect(clash?.line == 76)
        #expect(
            clash?.message.contains("activity 3 has hard room rules with no room in common (Lab against R1)") == true)
    }

    @Test("activity-tag limits: each form becomes a tag limit on the teachers or smallest sets meant")
    func tagLimits() throws {
        let school = try importedWith(replacing: [
            ("<Subject>Math</Subject>", "<Subject>Math</Subject><Activity_Tag>lab</Activity_Tag>"),
            (
                "</Time_Constraints_List>",
                """
                <ConstraintTeacherActivityTagMaxHoursDaily><Weight_Percentage>100</Weight_Percentage><Teacher_Name>Ann</Teacher_Name><Activity_Tag_Name>lab</Activity_Tag_Name><Maximum_Hours_Daily>1</Maximum_Hours_Daily><Active>true</Active><Comments></Comments></ConstraintTeacherActivityTagMaxHoursDaily>
                <ConstraintStudentsSetActivityTagMaxHoursContinuously><Weight_Percentage>100</Weight_Percentage><Maximum_Hours_Continuously>1</Maximum_Hours_Continuously><Students>Y1a</Students><Activity_Tag>lab</Activity_Tag><Active>true</Active><Comments></Comments></ConstraintStudentsSetActivityTagMaxHoursContinuously>
                <ConstraintTeachersActivityTagMaxHoursDaily><Weight_Percentage>90</Weight_Percentage><Activity_Tag_Name>lab</Activity_Tag_Name><Maximum_Hours_Daily>1</Maximum_Hours_Daily><Active>true</Active><Comments></Comments></ConstraintTeachersActivityTagMaxHoursDaily>
                </Time_Constraints_List>
                """
            ),
        ])
        #expect(school.activities?.filter { $0.tags == ["lab"] }.map(\.id) == ["1", "2"])
        #expect(
            school.tagLimits == [
                TagLimit(tag: "lab", teachers: ["Ann"], maxPeriodsPerDay: 1),
                TagLimit(tag: "lab", cohorts: ["Y1a-1", "Y1a-2"], maxConsecutive: 1),
            ], "the soft (90%) rule is reported, not read")
        #expect(school.validate().filter { $0.severity == .error }.isEmpty)

        // Exported and read again: the same tags, and the same limits on the same people.
        let again = try reimported(school)
        #expect(again.activities?.filter { $0.tags == ["lab"] }.count == 2)
        func limits(_ school: School) -> Set<String> {
            Set(
                (school.tagLimits ?? []).flatMap { limit in
                    ((limit.teachers ?? []) + (limit.cohorts ?? [])).map {
                        "\(limit.tag) \($0) \(limit.maxPeriodsPerDay ?? -1) \(limit.maxConsecutive ?? -1)"
                    }
                })
        }
        #expect(limits(again) == limits(school))
    }

    @Test("selected-time-slot rules become slot rules over the active activities, and export back")
    func slotRules() throws {
        func slot(_ day: String, _ hour: String) -> String {
            "<Selected_Time_Slot><Selected_Day>\(day)</Selected_Day><Selected_Hour>\(hour)</Selected_Hour></Selected_Time_Slot>"
        }
        let school = try importedWith(replacing: [
            (
                "</Time_Constraints_List>",
                """
                <ConstraintActivitiesOccupyMaxTimeSlotsFromSelection><Weight_Percentage>100</Weight_Percentage><Number_of_Activities>3</Number_of_Activities><Activity_Id>1</Activity_Id><Activity_Id>4</Activity_Id><Activity_Id>5</Activity_Id><Number_of_Selected_Time_Slots>2</Number_of_Selected_Time_Slots>\(slot("Mon", "8:00"))\(slot("Tue", "8:00"))<Max_Number_of_Occupied_Time_Slots>1</Max_Number_of_Occupied_Time_Slots><Active>true</Active><Comments></Comments></ConstraintActivitiesOccupyMaxTimeSlotsFromSelection>
                <ConstraintActivitiesMinSimultaneousInSelectedTimeSlots><Weight_Percentage>100</Weight_Percentage><Number_of_Activities>2</Number_of_Activities><Activity_Id>1</Activity_Id><Activity_Id>4</Activity_Id><Number_of_Selected_Time_Slots>1</Number_of_Selected_Time_Slots>\(slot("Tue", "9:00"))<Min_Number_of_Simultaneous_Activities>2</Min_Number_of_Simultaneous_Activities><Allow_Empty_Slots>true</Allow_Empty_Slots><Active>true</Active><Comments></Comments></ConstraintActivitiesMinSimultaneousInSelectedTimeSlots>
                </Time_Constraints_List>
                """
            )
        ])
        let expected = [
            SlotRule(
                kind: .maxOccupied, activities: ["1", "4"],
                slots: [TimeSlots(day: "Mon", periods: ["8:00"]), TimeSlots(day: "Tue", periods: ["8:00"])], count: 1),
            SlotRule(
                kind: .minSimultaneous, activities: ["1", "4"], slots: [TimeSlots(day: "Tue", periods: ["9:00"])],
                count: 2,
                allowEmpty: true),
        ]
        #expect(school.slotRules == expected, "activity 5 is inactive: left out, as FET does")
        let again = try reimported(school)
        #expect(again.slotRules == expected)
    }

    @Test("max span per day, min resting hours and interval max days become day limits, and export back")
    func dayLimits() throws {
        let school = try importedWith(replacing: [
            (
                "</Time_Constraints_List>",
                """
                <ConstraintTeacherMaxSpanPerDay><Weight_Percentage>100</Weight_Percentage><Teacher_Name>Ann</Teacher_Name><Max_Span>3</Max_Span><Allow_One_Day_Exception_of_Plus_One>true</Allow_One_Day_Exception_of_Plus_One><Active>true</Active><Comments></Comments></ConstraintTeacherMaxSpanPerDay>
                <ConstraintStudentsSetMinRestingHours><Weight_Percentage>100</Weight_Percentage><Minimum_Resting_Hours>2</Minimum_Resting_Hours><Students>Y1b</Students><Circular>true</Circular><Active>true</Active><Comments></Comments></ConstraintStudentsSetMinRestingHours>
                <ConstraintStudentsIntervalMaxDaysPerWeek><Weight_Percentage>100</Weight_Percentage><Interval_Start_Hour>9:00</Interval_Start_Hour><Interval_End_Hour></Interval_End_Hour><Max_Days_Per_Week>1</Max_Days_Per_Week><Active>true</Active><Comments></Comments></ConstraintStudentsIntervalMaxDaysPerWeek>
                <ConstraintTeachersMinRestingHours><Weight_Percentage>80</Weight_Percentage><Minimum_Resting_Hours>2</Minimum_Resting_Hours><Circular>false</Circular><Active>true</Active><Comments></Comments></ConstraintTeachersMinRestingHours>
                </Time_Constraints_List>
                """
            )
        ])
        let expected = [
            DayLimit(teachers: ["Ann"], maxSpan: 3, maxSpanExceptions: 1),
            DayLimit(cohorts: ["Y1b"], minRest: 2, minRestCircular: true),
            DayLimit(cohorts: ["Y1a-1", "Y1a-2", "Y1b"], intervalStart: "9:00", maxIntervalDays: 1),
        ]
        #expect(school.dayLimits == expected, "the soft (80%) rule is reported, not read")
        #expect(school.validate().filter { $0.severity == .error }.isEmpty)
        let again = try reimported(school)
        // Written back one FET constraint per person and kind: the same limits on the same people.
        func limits(_ school: School) -> Set<String> {
            Set(
                (school.dayLimits ?? []).flatMap { limit in
                    ((limit.teachers ?? []) + (limit.cohorts ?? [])).flatMap { who in
                        [
                            limit.maxSpan.map { "\(who) span \($0) +\(limit.maxSpanExceptions ?? 0)" },
                            limit.minRest.map { "\(who) rest \($0) \(limit.minRestCircular == true)" },
                            limit.maxIntervalDays.map {
                                "\(who) days \($0) \(limit.intervalStart ?? "") \(limit.intervalEnd ?? "")"
                            },
                        ].compactMap { $0 }
                    }
                })
        }
        #expect(limits(again) == limits(school))
    }

    @Test("a day of more than 16 hours gets shorter periods that end by midnight; up to 16, an hour each")
    func longDays() throws {
        let extra = (12..<30).map { "<Hour><Name>\($0):00</Name></Hour>" }.joined()
        let school = try importedWith(replacing: [
            ("<Number_of_Hours>4</Number_of_Hours>", "<Number_of_Hours>22</Number_of_Hours>"),
            ("<Hour><Name>11:00</Name></Hour>", "<Hour><Name>11:00</Name></Hour>" + extra),
        ])
        let periods = try #require(school.timeGrid.bellSchedules.first?.periods)
        #expect(periods.count == 22)
        #expect(periods.allSatisfy { $0.minutes == 960 / 22 })
        #expect(periods.last?.start == "23:03", "8:00 + 21 × 43 minutes")
        #expect(school.validate().filter { $0.severity == .error }.isEmpty)
        let tiny = try FET.read(from: tiny, ignoreUnsupported: true).school
        #expect(tiny.timeGrid.bellSchedules[0].periods.map(\.start) == ["08:00", "09:00", "10:00", "11:00"])
    }

    /// A mistake in the tiny school: the edit, and the line and message the error must have.
    struct Mistake: Sendable, CustomTestStringConvertible {
        var line: Int
        var old: String
        var new: String
        var errorLine: Int
        var message: String
        var testDescription: String { message }
    }

    static let mistakes = [
        Mistake(
            line: 9, old: "2", new: "3", errorLine: 9,
            message: "Number_of_Days is 3, but Days_List names 2 (FET needs them equal)"),
        Mistake(
            line: 9, old: "2", new: "two", errorLine: 9,
            message: "Days_List Number_of_Days: expected a whole number of 1 or more, found 'two'"),
        Mistake(
            line: 16, old: "<Hour><Name>9:00</Name></Hour>", new: "", errorLine: 14,
            message: "Number_of_Hours is 4, but Hours_List names 3 (FET needs them equal)"),
        Mistake(
            line: 50, old: "<Duration>1</Duration>", new: "<Duration>1.5</Duration>", errorLine: 50,
            message: "Activity Duration: expected a whole number of 1 or more, found '1.5'"),
        Mistake(
            line: 50, old: "<Duration>1</Duration>", new: "<Duration>0</Duration>", errorLine: 50,
            message: "Activity Duration: expected a whole number of 1 or more, found '0'"),
        Mistake(
            line: 56, old: "25", new: "lots", errorLine: 56,
            message: "Room Capacity: expected a whole number of 0 or more, found 'lots'"),
        Mistake(
            line: 56, old: "<Virtual>false", new: "<Virtual>no", errorLine: 56,
            message: "Room Virtual: expected true or false, found 'no'"),
        Mistake(
            line: 33, old: "40", new: "forty", errorLine: 33,
            message: "Year Number_of_Students: expected a whole number of 0 or more, found 'forty'"),
        Mistake(
            line: 69, old: "<Max_Gaps>1</Max_Gaps>", new: "<Max_Gaps>one</Max_Gaps>", errorLine: 69,
            message: "ConstraintTeachersMaxGapsPerWeek Max_Gaps: expected a whole number of 0 or more, found 'one'"),
        Mistake(
            line: 66, old: "<MinDays>1</MinDays>", new: "<MinDays>0</MinDays>", errorLine: 66,
            message: "ConstraintMinDaysBetweenActivities MinDays: expected a whole number of 1 or more, found '0'"),
        Mistake(
            line: 70, old: "50", new: "150", errorLine: 70,
            message: "ConstraintStudentsMaxGapsPerWeek Weight_Percentage: expected a number from 0 to 100, found '150'"),
        Mistake(
            line: 70, old: "50", new: "half", errorLine: 70,
            message: "ConstraintStudentsMaxGapsPerWeek Weight_Percentage: expected a number from 0 to 100, found 'half'"
        ),
        Mistake(
            line: 50, old: "<Active>true</Active>", new: "<Active>maybe</Active>", errorLine: 50,
            message: "Activity Active: expected true or false, found 'maybe'"),
        // An inactive constraint's fields are read all the same.
        Mistake(
            line: 71, old: "<Active>true</Active>", new: "<Active>no</Active>", errorLine: 71,
            message: "ConstraintActivitiesSameStartingTime Active: expected true or false, found 'no'"),
        Mistake(
            line: 48, old: "<Id>2</Id>", new: "<Id>1</Id>", errorLine: 48,
            message: "activity Id '1' twice (first at line 47)"),
        Mistake(line: 28, old: "Bo", new: "Ann", errorLine: 28, message: "teacher 'Ann' twice (first at line 27)"),
        Mistake(line: 56, old: "R1", new: "Lab", errorLine: 56, message: "room 'Lab' twice (first at line 55)"),
        Mistake(line: 11, old: "Tue", new: "Mon", errorLine: 11, message: "day 'Mon' twice (first at line 10)"),
        Mistake(
            line: 47, old: "<Teacher>Ann</Teacher>", new: "<Teacher>Zed</Teacher>", errorLine: 47,
            message: "activity 1: unknown teacher 'Zed'"),
        Mistake(
            line: 49, old: "<Subject>Chemistry</Subject>", new: "<Subject>Physics</Subject>", errorLine: 49,
            message: "activity 3: unknown subject 'Physics'"),
        Mistake(
            line: 21, old: "</Name>", new: "</Nam>", errorLine: 21,
            message: "not well-formed XML: mismatched tag: expected </Name>, found </Nam>"),
        Mistake(
            line: 44, old: "</Year>", new: "", errorLine: 45,
            message: "not well-formed XML: mismatched tag: expected </Year>, found </Students_List>"),
        Mistake(
            line: 30, old: "<Students_List>", new: "<Students_List size=40>", errorLine: 30,
            message: "not well-formed XML: an attribute value without quotes"),
    ]

    @Test("a mistake is refused at its line, naming the field and the value", arguments: mistakes)
    func mistake(_ mistake: Mistake) throws {
        let error = try #require(try editedError((mistake.line, mistake.old, mistake.new)))
        #expect(error.line == mistake.errorLine, "\(error)")
        #expect(error.message == mistake.message)
    }

    @Test("every repeated name of a list is reported, each at its line")
    func everyDuplicate() throws {
        let error = try #require(
            try editedError((22, "Chemistry", "Math"), (23, "<Name>Art</Name>", "<Name>Math</Name>")))
        #expect([error.line] + error.more.map(\.line) == [22, 23])
        #expect(error.message == "subject 'Math' twice (first at line 21)")
        #expect(error.more.first?.message == "subject 'Math' twice (first at line 21)")
    }

    @Test("a timetable in fet-cl's form is read as placements the checker judges")
    func fetTimetable() throws {
        let path = Bundle.module.url(forResource: "Fixtures/tiny-school_activities", withExtension: "xml")!.path
        let placements = try FET.readTimetable(from: path)
        #expect(placements.map(\.activity) == ["1", "2", "3"], "activity 4 has no day: not placed")
        #expect(placements[2] == Placement(activity: "3", day: "Tue", period: "9:00", room: "Lab"))
        #expect(placements[0].room == nil)
        let school = try FET.read(from: tiny, ignoreUnsupported: true).school
        let rules = Set(TimetableChecker.check(school, placements: placements).violations.map(\.rule))
        #expect(rules == ["relation.minDaysApart", "placement.missing"], "\(rules)")
        #expect(throws: InterchangeError.self) { try FET.readTimetable(from: tiny) }
    }

    /// The tiny school solved, exported and read back: every placement locked where it was.
    func exportedTiny() throws -> (plan: [Placement], reread: School, text: String) {
        let school = try FET.read(from: tiny, ignoreUnsupported: true).school
        var options = TimetableSolveOptions()
        options.iterations = 100
        let plan = try TimetableSolver.solve(school, options: options).placements
        let text = FET.export(school, placements: plan)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID()).fet").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return (plan, try FET.read(from: path).school, text)
    }

    @Test("an exported plan re-imports to the same plan, every activity locked where it was")
    func exportRoundTrip() throws {
        let (plan, reread, _) = try exportedTiny()
        try #require(plan.count == 4)
        let activities = Dictionary(uniqueKeysWithValues: (reread.activities ?? []).map { ($0.id, $0) })
        for placement in plan {
            let activity = try #require(activities[placement.activity])
            #expect(activity.locked == LockedPlacement(day: placement.day, period: placement.period))
            #expect(activity.rooms == (placement.room.map { [$0] } ?? []))
        }
        // The re-imported school keeps the original's rules: the plan checks clean against it.
        #expect(TimetableChecker.check(reread, placements: plan).violations.isEmpty)
    }

    @Test("a room for several classes is written as that many FET rooms, dealt per period")
    func exportGroupRooms() throws {
        var school = School(
            name: "gym",
            timeGrid: TimeGrid(
                bellSchedules: [BellSchedule(id: "day", periods: [Period(id: "8:00", start: "08:00", minutes: 60)])],
                days: [Day(id: "Mon", bellSchedule: "day")]),
            teachers: [Teacher(id: "T1"), Teacher(id: "T2")], rooms: [Room(id: "GYM", seats: 60, groups: 2)])
        school.cohorts = [Cohort(id: "A", size: 25), Cohort(id: "B", size: 25)]
        school.activities = [
            Activity(id: "A-pe", teachers: ["T1"], cohorts: ["A"]),
            Activity(id: "B-pe", teachers: ["T2"], cohorts: ["B"]),
        ]
        let plan = ["A", "B"].map { Placement(activity: "\($0)-pe", day: "Mon", period: "8:00", room: "GYM") }
        let text = FET.export(school, placements: plan)
        #expect(text.contains("<Name>GYM #1</Name>") && text.contains("<Name>GYM #2</Name>"))
        #expect(text.contains("<Room>GYM #1</Room>") && text.contains("<Room>GYM #2</Room>"))
    }

    @Test(
        "fet-cl opens an exported plan and reports it solved",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fet-cl"), "needs fet (fet-cl)"))
    func fetClSolvesExport() throws {
        let (_, _, text) = try exportedTiny()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fet-cl-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("tiny.fet")
        try Data(text.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/fet-cl")
        process.arguments = [
            "--inputfile=\(input.path)", "--outputdir=\(folder.appendingPathComponent("out").path)",
            "--timelimitseconds=20",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let result = try String(
            contentsOf: folder.appendingPathComponent("out/logs/result.txt"), encoding: .utf8)
        #expect(result.contains("Simulation successful"), "\(result)")
    }

    static let fetData = "/usr/share/doc/fet-data/examples/FET-5-official"

    @Test(
        "real fet-data schools import, solve and pass the checker",
        .enabled(if: FileManager.default.fileExists(atPath: fetData), "needs fet-data (apt-get install fet-data)"),
        arguments: ["Denmark/small-school.fet", "Brazil/2/EEBLJ-Noturno.fet"])
    func realSchools(_ file: String) throws {
        let imported = try SchoolSource.read("\(Self.fetData)/\(file)")
        var options = TimetableSolveOptions()
        options.iterations = 100
        let result = try TimetableSolver.solve(imported.school, options: options)
        #expect(!result.placements.isEmpty, "\(result.status)")
        let report = TimetableChecker.check(imported.school, placements: result.placements, teams: result.teams)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(abs(report.softScore - (result.objective ?? -1)) <= 1e-6)
    }
}

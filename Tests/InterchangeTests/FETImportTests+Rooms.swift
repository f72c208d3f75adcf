import Foundation
import Interchange
import SchoolModel
import Testing
import Timetabling

/// FET's room rules (home rooms, rooms by activity tag, soft room rules) and the time rules of
/// one component of split activities, on the tiny school: activities 1 and 2 (Ann, Math, Y1a,
/// the two components of a split activity), 3 (Bo, Chemistry, Y1, hard subject room Lab) and
/// 4 (Bo, Art, Y1b).
extension FETImportTests {
    /// The tiny school read from memory with each `old` text replaced by its `new` one.
    func importedReplacing(_ edits: (old: String, new: String)...) throws -> FET.Imported {
        let text = try edits.reduce(String(contentsOfFile: tiny, encoding: .utf8)) {
            $0.replacingOccurrences(of: $1.old, with: $1.new)
        }
        let file = "/memory/school.fet"
        return try InMemoryFiles.$contents.withValue([file: Data(text.utf8)]) {
            try FET.read(from: file, ignoreUnsupported: true)
        }
    }

    /// The tiny school read from memory with R1 seating 40 (Y1, all 40 students, fits) and
    /// `extra` added to its space constraints.
    func importedRoomy(space extra: String) throws -> School {
        try importedReplacing(
            ("<Capacity>25</Capacity>", "<Capacity>40</Capacity>"),
            ("</Space_Constraints_List>", extra + "</Space_Constraints_List>")
        ).school
    }

    /// A constraint of `name` with the given weight and fields.
    static func constraint(_ name: String, weight: Int = 100, _ fields: String) -> String {
        "<\(name)><Weight_Percentage>\(weight)</Weight_Percentage>\(fields)<Active>true</Active><Comments></Comments></\(name)>"
    }

    func rooms(_ school: School) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: (school.activities ?? []).map { ($0.id, $0.rooms ?? ["any"]) })
    }

    @Test("home rooms: activities whose only teacher or students set it is; preferred rooms take precedence")
    func homeRooms() throws {
        let school = try importedRoomy(
            space: Self.constraint("ConstraintTeacherHomeRoom", "<Teacher>Ann</Teacher><Room>R1</Room>")
                + Self.constraint("ConstraintStudentsSetHomeRoom", "<Students>Y1</Students><Room>R1</Room>")
                + Self.constraint(
                    "ConstraintStudentsSetHomeRooms",
                    "<Students>Y1b</Students><Number_of_Preferred_Rooms>2</Number_of_Preferred_Rooms><Preferred_Room>R1</Preferred_Room><Preferred_Room>Lab</Preferred_Room>"
                ))
        let rooms = rooms(school)
        #expect(rooms["1"] == ["R1"] && rooms["2"] == ["R1"], "Ann's")
        #expect(rooms["3"] == ["Lab"], "Y1's home room yields to Chemistry's hard room Lab")
        #expect(rooms["4"] == ["R1", "Lab"], "Y1b's")
        #expect(school.validate().filter { $0.severity == .error }.isEmpty)
    }

    @Test(
        "an activity under two home rules keeps the rooms both allow; none in common, or a second rule for one owner, is refused"
    )
    func homeRoomsIntersect() throws {
        let both = try importedWith(
            space: Self.constraint(
                "ConstraintTeacherHomeRooms",
                "<Teacher>Bo</Teacher><Number_of_Preferred_Rooms>2</Number_of_Preferred_Rooms><Preferred_Room>R1</Preferred_Room><Preferred_Room>Lab</Preferred_Room>"
            ) + Self.constraint("ConstraintStudentsSetHomeRoom", "<Students>Y1b</Students><Room>Lab</Room>"))
        #expect(rooms(both)["4"] == ["Lab"])
        let apart = interchangeError {
            _ = try importedRoomy(
                space: Self.constraint("ConstraintTeacherHomeRoom", "<Teacher>Bo</Teacher><Room>R1</Room>")
                    + Self.constraint("ConstraintStudentsSetHomeRoom", "<Students>Y1b</Students><Room>Lab</Room>"))
        }
        #expect(apart?.message.contains("activity 4 has home rooms with none in common (R1 against Lab)") == true)
        let twice = interchangeError {
            _ = try importedRoomy(
                space: Self.constraint("ConstraintTeacherHomeRoom", "<Teacher>Bo</Teacher><Room>R1</Room>")
                    + Self.constraint("ConstraintTeacherHomeRoom", "<Teacher>Bo</Teacher><Room>Lab</Room>"))
        }
        #expect(
            twice?.message.contains("a second home room rule for teacher Bo") == true, "\(String(describing: twice))")
    }

    @Test("rooms by activity tag, and by subject and activity tag")
    func tagRooms() throws {
        let tagged =
            "<Activity_Tag>Big</Activity_Tag><Duration>1</Duration><Total_Duration>1</Total_Duration><Id>4</Id>"
        let rules =
            Self.constraint(
                "ConstraintActivityTagPreferredRooms",
                "<Activity_Tag>Big</Activity_Tag><Number_of_Preferred_Rooms>2</Number_of_Preferred_Rooms><Preferred_Room>R1</Preferred_Room><Preferred_Room>Lab</Preferred_Room>"
            )
            + Self.constraint(
                "ConstraintSubjectActivityTagPreferredRoom",
                "<Subject>Art</Subject><Activity_Tag>Big</Activity_Tag><Room>Lab</Room>")
            + Self.constraint(
                "ConstraintSubjectActivityTagPreferredRoom",
                "<Subject>Math</Subject><Activity_Tag>Big</Activity_Tag><Room>R1</Room>")
        let imported = try importedReplacing(
            ("<Duration>1</Duration><Total_Duration>1</Total_Duration><Id>4</Id>", tagged),
            ("</Space_Constraints_List>", rules + "</Space_Constraints_List>"))
        #expect(imported.report.imported["ConstraintSubjectActivityTagPreferredRoom"] == 2)
        let rooms = rooms(imported.school)
        #expect(rooms["4"] == ["Lab"], "both rules hold")
        #expect(rooms["1"] == [], "untagged: no room, as in FET")
    }

    @Test("soft room rules: one of the rooms or, as in FET, no room (or the hard home room), weighed as the heaviest")
    func softRooms() throws {
        let imported = try importedRoomy(
            space: Self.constraint(
                "ConstraintSubjectPreferredRoom", weight: 80, "<Subject>Art</Subject><Room>R1</Room>")
                + Self.constraint(
                    "ConstraintActivityPreferredRoom", weight: 60,
                    "<Activity_Id>3</Activity_Id><Room>R1</Room><Permanently_Locked>false</Permanently_Locked>")
                + Self.constraint("ConstraintTeacherHomeRoom", weight: 90, "<Teacher>Ann</Teacher><Room>R1</Room>"))
        let activities = Dictionary(uniqueKeysWithValues: (imported.activities ?? []).map { ($0.id, $0) })
        #expect(activities["4"]?.rooms == [] && activities["4"]?.preferredRooms == ["R1"])
        #expect(activities["3"]?.rooms == ["Lab"] && activities["3"]?.preferredRooms == ["R1"], "in Lab, R1 preferred")
        #expect(activities["1"]?.rooms == [] && activities["1"]?.preferredRooms == ["R1"], "Ann's soft home room")
        #expect(imported.weights?.preferredRoom == 90)
        let withHome = try importedWith(
            space: Self.constraint(
                "ConstraintSubjectPreferredRoom", weight: 80, "<Subject>Art</Subject><Room>R1</Room>")
                + Self.constraint("ConstraintTeacherHomeRoom", "<Teacher>Bo</Teacher><Room>Lab</Room>"))
        let four = withHome.activities?.first { $0.id == "4" }
        #expect(four?.rooms == ["Lab", "R1"] && four?.preferredRooms == ["R1"], "R1, else its home room Lab")
    }

    @Test("a lesson needing no room takes a free preferred room; the checker scores one without")
    func softRoomSolves() throws {
        let school = try importedWith(
            space: Self.constraint(
                "ConstraintSubjectPreferredRoom", weight: 80, "<Subject>Art</Subject><Room>R1</Room>"))
        var options = TimetableSolveOptions()
        options.iterations = 50
        let result = try TimetableSolver.solve(school, options: options)
        let report = TimetableChecker.check(school, placements: result.placements, teams: result.teams)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(result.placements.first { $0.activity == "4" }?.room == "R1")
        #expect(report.scores["preferredRoom"] == nil)
        let roomless = result.placements.map { placement in
            var placement = placement
            if placement.activity == "4" { placement.room = nil }
            return placement
        }
        let missed = TimetableChecker.check(school, placements: roomless)
        #expect(missed.violations.isEmpty, "it needs no room")
        #expect(missed.scores["preferredRoom"] == 80)
    }

    @Test("subactivities rules: only the given component of each split activity, filtered as FET filters")
    func subactivities() throws {
        let filters = "<Subject_Name></Subject_Name><Activity_Tag_Name></Activity_Tag_Name><Duration></Duration>"
        let rules =
            Self.constraint(
                "ConstraintSubactivitiesPreferredStartingTimes",
                "<Component_Number>2</Component_Number><Teacher_Name></Teacher_Name><Students_Name>Y1a-1</Students_Name>\(filters)<Number_of_Preferred_Starting_Times>1</Number_of_Preferred_Starting_Times><Preferred_Starting_Time><Preferred_Starting_Day>Tue</Preferred_Starting_Day><Preferred_Starting_Hour>9:00</Preferred_Starting_Hour></Preferred_Starting_Time>"
            )
            + Self.constraint(
                "ConstraintSubactivitiesPreferredTimeSlots", weight: 70,
                "<Component_Number>1</Component_Number><Teacher_Name>Bo</Teacher_Name><Students_Name></Students_Name>\(filters)<Number_of_Preferred_Time_Slots>1</Number_of_Preferred_Time_Slots><Preferred_Time_Slot><Preferred_Day>Mon</Preferred_Day><Preferred_Hour>8:00</Preferred_Hour></Preferred_Time_Slot>"
            )
        let imported = try importedReplacing(("</Time_Constraints_List>", rules + "</Time_Constraints_List>"))
        let activities = Dictionary(uniqueKeysWithValues: (imported.school.activities ?? []).map { ($0.id, $0) })
        // Y1a-1 shares students with Y1a: activity 2 is component 2 of the split activity 1–2.
        #expect(activities["2"]?.allowedStarts == [TimeSlots(day: "Tue", periods: ["9:00"])])
        #expect(activities["1"]?.allowedStarts == nil)
        // Not split: component 1; activity 3 lasts 2 hours and cannot lie in one slot.
        #expect(activities["4"]?.preferredTimes == [TimeSlots(day: "Mon", periods: ["8:00"])])
        #expect(activities["3"]?.preferredTimes == [])
    }

    @Test(
        "a fet-data school with home rooms imports with them, solves and passes the checker, its home rooms soft or hard",
        .enabled(if: FileManager.default.fileExists(atPath: fetData), "needs fet-data (apt-get install fet-data)"),
        arguments: [false, true])
    func realHomeRooms(hard: Bool) throws {
        var text = try String(contentsOfFile: "\(Self.fetData)/Sudan/Khartoum-2010-02-13.fet", encoding: .utf8)
        if hard {
            text = text.replacingOccurrences(
                of: "<ConstraintStudentsSetHomeRoom>\n\t<Weight_Percentage>98<",
                with: "<ConstraintStudentsSetHomeRoom>\n\t<Weight_Percentage>100<")
        }
        let file = "/memory/khartoum.fet"
        let imported = try InMemoryFiles.$contents.withValue([file: Data(text.utf8)]) { try FET.read(from: file) }
        #expect(imported.report.imported["ConstraintStudentsSetHomeRoom"] == 4)
        let school = imported.school
        // Activities 159 and 166 are Senior Arabic's alone, whose home room is R3.
        for activity in school.activities ?? [] where ["159", "166"].contains(activity.id) {
            #expect(activity.rooms == (hard ? ["R3"] : []))
            #expect(activity.preferredRooms == (hard ? nil : ["R3"]))
        }
        var options = TimetableSolveOptions()
        options.iterations = 30
        let result = try TimetableSolver.solve(school, options: options)
        #expect(!result.placements.isEmpty, "\(result.status)")
        let report = TimetableChecker.check(school, placements: result.placements, teams: result.teams)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(abs(report.softScore - (result.objective ?? -1)) <= 1e-6)
    }
}

extension FETImportTests {
    @Test("room rules export as activities' room rules and read back to the same rooms, preferences and weight")
    func roomRulesRoundTrip() throws {
        let school = try importedWith(
            space: Self.constraint(
                "ConstraintSubjectPreferredRoom", weight: 80, "<Subject>Art</Subject><Room>R1</Room>")
                + Self.constraint("ConstraintTeacherHomeRoom", "<Teacher>Bo</Teacher><Room>Lab</Room>")
                + Self.constraint("ConstraintTeacherHomeRoom", weight: 60, "<Teacher>Ann</Teacher><Room>R1</Room>"))
        let text = FET.export(school, placements: [])
        #expect(text.contains("<Weight_Percentage>80</Weight_Percentage>"))
        let file = "/memory/exported.fet"
        let reread = try InMemoryFiles.$contents.withValue([file: Data(text.utf8)]) {
            try FET.read(from: file).school
        }
        let rules = { (school: School) in
            (school.activities ?? []).map { "\($0.rooms ?? []) \($0.preferredRooms ?? [])" }
        }
        #expect(rules(reread) == rules(school))
        #expect(rules(school) == ["[] [\"R1\"]", "[] [\"R1\"]", "[\"Lab\"] []", "[\"Lab\", \"R1\"] [\"R1\"]"])
        #expect(reread.weights?.preferredRoom == 80)
    }
}

extension FETImportTests {
    @Test("a room rule none of whose rooms seats an activity is refused, of any weight, counting as FET counts")
    func roomRuleSeats() throws {
        let small = Self.constraint(
            "ConstraintActivityPreferredRoom", weight: 50,
            "<Activity_Id>3</Activity_Id><Room>R1</Room><Permanently_Locked>false</Permanently_Locked>")
        let refused = interchangeError { _ = try importedWith(space: small) }
        #expect(refused?.message.contains("no room of R1 seats activity 3's 40 students; FET refuses the file") == true)
        // The activity's own Number_Of_Students, when given, is the count FET uses.
        let counted = try importedReplacing(
            ("<Id>3</Id>", "<Id>3</Id><Number_Of_Students>20</Number_Of_Students>"),
            ("</Space_Constraints_List>", small + "</Space_Constraints_List>"))
        let three = counted.school.activities?.first { $0.id == "3" }
        #expect(three?.students == 20 && three?.preferredRooms == ["R1"])
    }
}

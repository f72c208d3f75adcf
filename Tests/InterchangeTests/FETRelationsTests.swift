import Foundation
import Interchange
import SchoolModel
import Testing
import Timetabling

/// FET's relations between activities, read into the tiny school: activities 1 and 2 (Ann,
/// Y1a), 3 (Bo, Y1, two hours), 4 (Bo, Y1b), 5 (inactive) and, added here, 6 (Bo, Y1b, two
/// hours).
@Suite("FET import: relations between activities")
struct FETRelationsTests {
    let tiny = Bundle.module.url(forResource: "Fixtures/tiny-school", withExtension: "fet")!.path

    /// The tiny school with activity 6 and `constraints` added to its time constraints.
    func imported(_ constraints: String...) throws -> FET.Imported {
        let activity =
            "<Activity><Teacher>Bo</Teacher><Subject>Art</Subject><Students>Y1b</Students><Duration>2</Duration>"
            + "<Total_Duration>2</Total_Duration><Id>6</Id><Activity_Group_Id>0</Activity_Group_Id>"
            + "<Active>true</Active><Comments></Comments></Activity>"
        let text = try String(contentsOfFile: tiny, encoding: .utf8)
            .replacingOccurrences(of: "</Activities_List>", with: activity + "\n</Activities_List>")
            .replacingOccurrences(
                of: "</Time_Constraints_List>", with: constraints.joined(separator: "\n") + "\n</Time_Constraints_List>"
            )
        let file = "/memory/relations.fet"
        return try InMemoryFiles.$contents.withValue([file: Data(text.utf8)]) {
            try FET.read(from: file, ignoreUnsupported: true)
        }
    }

    func list(_ name: String, _ ids: [String], weight: String = "100", extra: (String, String)? = nil) -> String {
        constraint(
            name, weight: weight,
            [("Number_of_Activities", "\(ids.count)")] + ids.map { ("Activity_Id", $0) } + (extra.map { [$0] } ?? []))
    }

    /// A FET constraint with a weight and the given fields.
    func constraint(_ name: String, weight: String = "100", _ fields: [(String, String)]) -> String {
        "<\(name)><Weight_Percentage>\(weight)</Weight_Percentage>"
            + fields.map { "<\($0.0)>\($0.1)</\($0.0)>" }.joined()
            + "<Active>true</Active><Comments></Comments></\(name)>"
    }

    /// The relations the import adds (the tiny school has one, min days apart for 1 and 2).
    func relations(_ constraints: String...) throws -> [ActivityRelation] {
        let school = try imported(constraints.joined(separator: "\n")).school
        #expect(school.validate().filter { $0.severity == .error }.isEmpty, "\(school.validate())")
        return Array((school.activityRelations ?? []).dropFirst())
    }

    @Test("each relation type becomes its kind, with FET's numbers, weights and breaks between")
    func kinds() throws {
        let pair = [("First_Activity_Id", "1"), ("Second_Activity_Id", "4")]
        let read = try relations(
            constraint("ConstraintTwoActivitiesConsecutive", pair),
            constraint("ConstraintTwoActivitiesGrouped", weight: "80", pair),
            constraint("ConstraintThreeActivitiesGrouped", pair + [("Third_Activity_Id", "2")]),
            list("ConstraintActivitiesNotOverlapping", ["1", "4"]),
            list("ConstraintActivitiesSameStartingDay", ["1", "4"], weight: "90"),
            list("ConstraintActivitiesSameStartingHour", ["1", "4"]),
            list("ConstraintMinGapsBetweenActivities", ["1", "4"], extra: ("MinGaps", "2")),
            list("ConstraintMaxDaysBetweenActivities", ["1", "4"], weight: "95", extra: ("MaxDays", "1")),
            constraint("ConstraintTwoActivitiesOrdered", pair),
            constraint(
                "ConstraintTwoActivitiesOrderedIfSameDay", [("First_Activity_Id", "3"), ("Second_Activity_Id", "4")]),
            constraint("ConstraintActivityEndsStudentsDay", [("Activity_Id", "3")]))
        #expect(
            read == [
                ActivityRelation(kind: .consecutive, activities: ["1", "4"], acrossBreaks: true),
                ActivityRelation(kind: .grouped, activities: ["1", "4"], acrossBreaks: true, weight: 80),
                ActivityRelation(kind: .grouped, activities: ["1", "4", "2"], acrossBreaks: true),
                ActivityRelation(kind: .notOverlapping, activities: ["1", "4"]),
                ActivityRelation(kind: .sameDay, activities: ["1", "4"], weight: 90),
                ActivityRelation(kind: .samePeriod, activities: ["1", "4"]),
                ActivityRelation(kind: .minGap, activities: ["1", "4"], minPeriods: 2),
                ActivityRelation(kind: .maxDaysApart, activities: ["1", "4"], maxDays: 1, weight: 95),
                ActivityRelation(kind: .ordered, activities: ["1", "4"]),
                ActivityRelation(kind: .orderedIfSameDay, activities: ["3", "4"]),
                ActivityRelation(kind: .endsCohortsDay, activities: ["3"]),
            ])
    }

    @Test("an inactive activity: a named pair or triple does nothing, a list keeps the active ones")
    func inactive() throws {
        let read = try relations(
            constraint("ConstraintTwoActivitiesGrouped", [("First_Activity_Id", "1"), ("Second_Activity_Id", "5")]),
            constraint(
                "ConstraintThreeActivitiesGrouped",
                [("First_Activity_Id", "1"), ("Second_Activity_Id", "2"), ("Third_Activity_Id", "5")]),
            list("ConstraintActivitiesNotOverlapping", ["1", "5"]),
            list("ConstraintActivitiesSameStartingDay", ["1", "5", "4"]),
            constraint("ConstraintActivityEndsStudentsDay", [("Activity_Id", "5")]))
        #expect(read == [ActivityRelation(kind: .sameDay, activities: ["1", "4"])])
    }

    @Test("ordered when the second could start inside the first is unsupported (FlexPlan orders starts)")
    func orderedThatCouldOverlap() throws {
        // 6 lasts two hours and shares no teacher or students with 1.
        let imported = try imported(
            constraint("ConstraintTwoActivitiesOrdered", [("First_Activity_Id", "6"), ("Second_Activity_Id", "1")]),
            constraint("ConstraintTwoActivitiesOrdered", [("First_Activity_Id", "3"), ("Second_Activity_Id", "1")]))
        #expect(imported.report.unsupported["ConstraintTwoActivitiesOrdered"]?.hard == 1)
        #expect(imported.school.activityRelations?.last == ActivityRelation(kind: .ordered, activities: ["3", "1"]))
    }

    @Test("activities ending the students' day are those sharing students with the set named")
    func endStudentsDay() throws {
        let read = try relations(
            constraint(
                "ConstraintActivitiesEndStudentsDay",
                [("Teacher_Name", ""), ("Students_Name", "Y1a"), ("Subject_Name", ""), ("Activity_Tag_Name", "")]))
        #expect(read == [ActivityRelation(kind: .endsCohortsDay, activities: ["1", "2", "3"])])
    }

    @Test("an unknown activity is an error at the constraint's line")
    func unknownActivity() throws {
        let error = interchangeError {
            _ = try imported(
                constraint("ConstraintTwoActivitiesGrouped", [("First_Activity_Id", "1"), ("Second_Activity_Id", "9")]))
        }
        #expect(error?.message.contains("unknown activity 9") == true, "\(String(describing: error))")
        #expect(error?.line != nil)
    }

    /// A relation of every kind on the tiny school's activities.
    static var everyKind: [ActivityRelation] {
        let ids = ["1", "4"]
        return [
            ActivityRelation(kind: .sameStart, activities: ids),
            ActivityRelation(kind: .consecutive, activities: ids, acrossBreaks: true),
            ActivityRelation(kind: .ordered, activities: ids, weight: 40),
            ActivityRelation(kind: .minDaysApart, activities: ids, minDays: 1),
            ActivityRelation(kind: .grouped, activities: ids, acrossBreaks: true),
            ActivityRelation(kind: .grouped, activities: ["1", "4", "2"], acrossBreaks: true),
            ActivityRelation(kind: .notOverlapping, activities: ids),
            ActivityRelation(kind: .sameDay, activities: ids, weight: 12.5),
            ActivityRelation(kind: .samePeriod, activities: ids),
            ActivityRelation(kind: .minGap, activities: ids, minPeriods: 2),
            ActivityRelation(kind: .orderedIfSameDay, activities: ids),
            ActivityRelation(kind: .maxDaysApart, activities: ids, maxDays: 1),
            ActivityRelation(kind: .endsCohortsDay, activities: ["3", "6"]),
        ]
    }

    @Test("every relation kind is exported and read back the same (consecutive with breaks between)")
    func exportRoundTrip() throws {
        var school = try imported().school
        school.activityRelations = Self.everyKind
        let text = FET.export(school, placements: [])
        let file = "/memory/exported.fet"
        let reread = try InMemoryFiles.$contents.withValue([file: Data(text.utf8)]) {
            try FET.read(from: file).school
        }
        let expected =
            school.activityRelations!.filter { $0.kind != .endsCohortsDay } + [
                ActivityRelation(kind: .endsCohortsDay, activities: ["3"]),
                ActivityRelation(kind: .endsCohortsDay, activities: ["6"]),
            ]
        #expect(reread.activityRelations == expected)
    }

    @Test("every relation kind passes the JSON Schema and reads back from JSON and from a CSV folder")
    func jsonAndCSV() throws {
        var school = try imported().school
        school.activityRelations = Self.everyKind
        let json = try SchoolJSON.decode(try SchoolJSON.encode(school), file: "school.json")
        #expect(json.activityRelations == Self.everyKind)
        let folder = try temporaryFolder("relations")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SchoolCSV.write(school, to: folder.path)
        #expect(try SchoolCSV.read(from: folder.path).activityRelations == Self.everyKind)
    }

    static let fetData = "/usr/share/doc/fet-data/examples/FET-5-official"

    /// Corfu's exams: not overlapping (per semester), same starting day and ordered pairs, with
    /// other rules left out (building changes) and its rooms taken away: with its home rooms
    /// (read since), two-hour exams and rooms unavailable in some hours, 300 iterations find no
    /// plan (the timetabling model counts rooms per period, not one room for a lesson's whole
    /// duration); Batna's grouped pairs.
    @Test(
        "real fet-data schools with relations import, solve and pass the checker",
        .enabled(if: FileManager.default.fileExists(atPath: fetData), "needs fet-data (apt-get install fet-data)"),
        arguments: ["Greece/Corfu/THE-2008-2009-exams-sep.fet", "Algeria/Mechanical-Batna_Univ/ET2012-2013-S1.fet"])
    func realSchools(_ file: String) throws {
        var school = try FET.read(from: "\(Self.fetData)/\(file)", ignoreUnsupported: true).school
        if file.contains("Corfu") {
            for index in school.activities!.indices {
                school.activities![index].rooms = []
                school.activities![index].preferredRooms = nil
            }
        }
        #expect(school.activityRelations?.contains { $0.kind == .notOverlapping || $0.kind == .grouped } == true)
        var options = TimetableSolveOptions()
        options.iterations = 300
        let result = try TimetableSolver.solve(school, options: options)
        #expect(!result.placements.isEmpty, "\(result.status)")
        let report = TimetableChecker.check(school, placements: result.placements, teams: result.teams)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(abs(report.softScore - (result.objective ?? -1)) <= 1e-6)
    }
}

import Foundation
import Interchange
import SchoolModel
import Testing
import Timetabling

/// A new empty folder under the temporary directory, removed by the caller.
func temporaryFolder(_ name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// The repository's root, for the bundled examples.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The first line where two schools' JSON forms differ, to keep failure messages short.
func firstDifference(_ one: School, _ other: School) throws -> String {
    let left = String(decoding: try SchoolJSON.encode(one), as: UTF8.self).split(separator: "\n")
    let right = String(decoding: try SchoolJSON.encode(other), as: UTF8.self).split(separator: "\n")
    for (index, pair) in zip(left, right).enumerated() where pair.0 != pair.1 {
        return "line \(index + 1): \(pair.0) ≠ \(pair.1)"
    }
    return left.count == right.count ? "no difference in JSON" : "\(left.count) lines ≠ \(right.count) lines"
}

@Suite("CSV school folders")
struct SchoolCSVTests {
    @Test(
        "activity tags, tag limits, slot rules, day limits, soft day limits, buildings, avoided room times and room rules survive the CSV folder"
    )
    func tagLimits() throws {
        var school = SchoolGenerator(kind: .primary, students: 60, seed: 3).generate()
        school.activities![0].tags = ["lab", "double"]
        school.activities![1].tags = ["lab"]
        school.tagLimits = [
            TagLimit(tag: "lab", teachers: [school.teachers[0].id], maxPeriodsPerDay: 2),
            TagLimit(tag: "lab", cohorts: [school.cohorts![0].id], maxConsecutive: 1),
        ]
        school.slotRules = [
            SlotRule(
                kind: .minSimultaneous, activities: [school.activities![0].id, school.activities![1].id],
                slots: [TimeSlots(day: school.timeGrid.days[0].id)], count: 2, allowEmpty: true)
        ]
        school.dayLimits = [
            DayLimit(teachers: [school.teachers[1].id], maxSpan: 5, maxSpanExceptions: 1),
            DayLimit(cohorts: [school.cohorts![1].id], minRest: 3, minRestCircular: true),
            DayLimit(
                teachers: [school.teachers[0].id], intervalStart: school.timeGrid.bellSchedules[0].periods[1].id,
                maxIntervalDays: 2),
        ]
        school.softDayLimits = [
            SoftDayLimit(teachers: [school.teachers[0].id], tag: "lab", maxPeriodsPerDay: 4, weight: 95),
            SoftDayLimit(cohorts: [school.cohorts![0].id], maxPeriodsPerDay: 5, maxConsecutive: 3, weight: 12.5),
        ]
        school.rooms[0].building = "north"
        school.avoidedRoomTimes = [
            AvoidedRoomTimes(
                room: school.rooms[0].id, times: [TimeSlots(day: school.timeGrid.days[0].id)], weight: 40)
        ]
        school.roomRules = [
            RoomRule(kind: .maxBuildingChangesPerDay, teachers: [school.teachers[0].id], count: 1),
            RoomRule(kind: .sameRoomIfConsecutive, activities: [school.activities![0].id, school.activities![1].id]),
        ]
        let folder = try temporaryFolder("csv-tags")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SchoolCSV.write(school, to: folder.path)
        #expect(try SchoolCSV.read(from: folder.path) == school)
    }

    @Test(
        "a school written as CSV reads back equal, for every kind of school", arguments: SchoolGenerator.Kind.allCases)
    func roundTrip(kind: SchoolGenerator.Kind) throws {
        let school = SchoolGenerator(kind: kind, students: 200, seed: 5).generate()
        let folder = try temporaryFolder("csv-\(kind)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SchoolCSV.write(school, to: folder.path)
        let read = try SchoolCSV.read(from: folder.path)
        let difference = try firstDifference(read, school)
        #expect(read == school, "\(difference)")
        #expect(try SchoolSource.load(folder.path) == school)
    }
}

/// A copy of a bundled example folder in a new temporary folder, removed by the caller.
func copyOfExample(_ name: String) throws -> URL {
    let folder = try temporaryFolder(name)
    let copy = folder.appendingPathComponent(name)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Examples/\(name)"), to: copy)
    return copy
}

/// The ``InterchangeError`` `body` throws, or nil when it throws none (another error is
/// recorded as a test issue).
func interchangeError(_ body: () throws -> Void) -> InterchangeError? {
    do {
        try body()
        return nil
    } catch let error as InterchangeError {
        return error
    } catch {
        Issue.record("not an InterchangeError: \(error)")
        return nil
    }
}

/// The error reading `folder` as a school throws, or nil when it reads.
func loadError(_ folder: URL) -> InterchangeError? {
    interchangeError { _ = try SchoolSource.load(folder.path) }
}

extension SchoolCSVTests {
    @Test("the CSV sample (BOM, CRLF, quotes, extension columns) and its JSON twin load to equal models")
    func twin() throws {
        let csv = try SchoolSource.load(repositoryRoot.appendingPathComponent("Examples/csv-sample").path)
        let twin = try #require(Bundle.module.url(forResource: "Fixtures/csv-sample", withExtension: "json"))
        let json = try SchoolSource.load(twin.path)
        let difference = try firstDifference(csv, json)
        #expect(csv == json, "\(difference)")
        #expect(csv.teachers[3].name == #"Hughes, "Coach" Bruno"#)
        #expect(csv.students?[0].requests?[1].alternates == ["ART7"])
        #expect(csv.validate().filter { $0.severity == .error }.isEmpty)
    }

    @Test(
        "errors name file, line and column",
        arguments: [
            // A bad number: line 3, the third column.
            ("rooms.csv", "id,name,seats\nR1,Room 1,28\nR2,Room 2,many\n", 3, 3, "seats: expected a whole number"),
            // A quote left open swallows the next rows up to the next quote: named where it opens.
            (
                "teachers.csv", "id,name,maxPeriodsPerDay\nT01,\"Ada,4\nT02,Erik,5\nT03,\"Bo\",3\n", 2, 2,
                "a quoted field runs over 3 lines (to line 4); is a closing quote missing?"
            ),
            // A quoted name over two lines moves the next row to line 4.
            (
                "teachers.csv", "id,name,maxPeriodsPerDay\nT01,\"Ada\nOkafor\",4\nT02,Erik,six\n", 4, 3,
                "maxPeriodsPerDay: expected a whole number"
            ),
            ("teams.csv", "id,members,minutse\nG7,T01;T02,90\n", 1, 3, "unknown column 'minutse'"),
            ("requests.csv", "student,course\nS001,MATH7\nS999,MATH7\n", 3, 1, "unknown student 'S999'"),
            (
                "requests.csv", "student,course,alternate,replaces\nS001,ART7,yes,BIO\n", 2, 4,
                "student 'S001' has no request for 'BIO'"
            ),
            ("periods.csv", "bellSchedule,period,start,minutes\nregular,1,8h00,50\n", 2, 3, "expected a time HH:MM"),
            ("teams.csv", "id,members,minutes,windows\nG7,T01,90,tue:\n", 2, 4, "expected DAY or DAY:PERIOD"),
            ("cohorts.csv", "id,size,kind\n7A,24,class\n", 2, 3, "expected one of year, group, subgroup"),
            ("teachers.csv", "id,name\nT01,\"Ada\nT02,Erik\n", 2, 2, "closing quote"),
        ])
    func located(file: String, content: String, line: Int, column: Int, message: String) throws {
        let folder = try copyOfExample("csv-sample")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try Data(content.utf8).write(to: folder.appendingPathComponent(file))
        let error = try #require(loadError(folder))
        #expect(error.file == folder.appendingPathComponent(file).path)
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.description.hasPrefix("\(folder.path)/\(file):\(line):\(column): "))
    }

    @Test("a folder without periods.csv or with several bell schedules and no days.csv is refused, named")
    func missingGrid() throws {
        let folder = try copyOfExample("csv-sample")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("days.csv"))
        #expect(loadError(folder)?.file == folder.appendingPathComponent("days.csv").path)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("periods.csv"))
        #expect(loadError(folder)?.message.contains("periods.csv") == true)
    }
}

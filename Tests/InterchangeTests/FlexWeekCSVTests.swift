import Foundation
import Interchange
import SchoolModel
import Testing
import Timetabling

@Suite("Weekly flex requests (CSV)")
struct FlexWeekCSVTests {
    private func write(_ text: String) throws -> (folder: URL, path: String) {
        let folder = try temporaryFolder("flex-week")
        let path = folder.appendingPathComponent("week.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    @Test("requests and ranked choices, with defaults and periods")
    func reads() throws {
        let (folder, path) = try write(
            """
            kind,student,session,rank,teacher,priority,hard,periods
            choice,S1,F2,2,,,,
            request,S1,F1,,,3,true,thu:flex
            choice,S1,F3,1,,,,
            request,S2,F2,,T9,,,
            choice,S2,F1,1,,,,tue:flex

            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let week = try FlexWeekCSV.read(path, sessionTeachers: ["F1": "T1", "F2": "T2", "F3": "T3"])
        #expect(
            week.inputs.requests == [
                FlexRequest(
                    teacher: "T1", student: "S1", session: "F1", priority: 3, hard: true,
                    periods: [TimeSlots(day: "thu", periods: ["flex"])]),
                FlexRequest(teacher: "T9", student: "S2", session: "F2"),
            ])
        #expect(
            week.inputs.choices == [
                FlexChoice(student: "S1", sessions: ["F3", "F2"]),
                FlexChoice(student: "S2", sessions: ["F1"], periods: [TimeSlots(day: "tue", periods: ["flex"])]),
            ])
        // A validation issue on the second request is located at its line.
        let issue = ValidationIssue(.error, path: "$.flex.requests[1].student", message: "unknown student")
        #expect(week.locate(issue).path == "\(path):5")
        let choiceIssue = ValidationIssue(.error, path: "$.flex.choices[0]", message: "x")
        #expect(week.locate(choiceIssue).path == "\(path):2")
    }

    @Test(
        "bad rows are refused naming line and column",
        arguments: [
            ("kind,student,session,rank\nwish,S1,F1,1\n", "2:1", "expected one of request, choice"),
            ("kind,student,session,rank\nchoice,S1,F1,\n", "2:4", "rank: a value is required"),
            ("kind,student,session,rank\nchoice,S1,F1,1\nchoice,S1,F2,1\n", "3:4", "rank 1 twice (also line 2)"),
            ("kind,student,session\nrequest,S1,F9\n", "2:3", "unknown flex session 'F9'"),
            ("kind,student,session,priority\nrequest,S1,F1,0\n", "2:4", "must be at least 1"),
            ("kind,student,session,colour\n", "1:4", "unknown column 'colour'"),
        ])
    func refuses(text: String, location: String, message: String) throws {
        let (folder, path) = try write(text)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try FlexWeekCSV.read(path, sessionTeachers: ["F1": "T1", "F2": "T2"])
            Issue.record("accepted \(text)")
        } catch let error as InterchangeError {
            #expect(error.description.contains("\(path):\(location)"), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }
}

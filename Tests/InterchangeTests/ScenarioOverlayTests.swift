import Foundation
import Interchange
import SchoolModel
import Testing
import Timetabling

@Suite("Scenario overlays and record paths")
struct ScenarioOverlayTests {
    let school = SchoolGenerator(kind: .middle, students: 150, seed: 2).generate()

    func overlay(_ operations: String) throws -> ScenarioOverlay {
        try ScenarioOverlay.decode(
            Data(#"{"formatVersion": 1, "name": "test", "operations": [\#(operations)]}"#.utf8), file: "what-if.json")
    }

    /// The error applying `operations` throws, or nil.
    func failure(_ operations: String) throws -> InterchangeError? {
        do {
            _ = try overlay(operations).apply(to: school)
            return nil
        } catch let error as InterchangeError {
            return error
        }
    }

    @Test("paths parse and print back; positions are refused")
    func parsing() throws {
        for text in [
            "teams[id=G7].collaboration.minutes", "teams[*].members", "students[id=S1].requests[course=BIO-2]",
        ] {
            #expect(try RecordPath(parsing: text).description == text)
        }
        #expect(try RecordPath(parsing: "$.rooms[id=R12]") == RecordPath(parsing: "rooms[id=R12]"))
        #expect(try RecordPath(parsing: "teams[*].collaboration.minutes").components[0].selector == .all)
        let cases: [(String, Int)] = [
            ("teams[3].minutes", 7), ("teams[id=G7.minutes", 7), ("teams..minutes", 7), ("", 1), ("teams[id=]", 7),
            ("teams[id=G7]minutes", 13),
        ]
        for (text, position) in cases {
            #expect(throws: RecordPathError.self) { try RecordPath(parsing: text) }
            do {
                _ = try RecordPath(parsing: text)
            } catch {
                #expect(error.position == position, "\(text): \(error)")
            }
        }
    }

    @Test("set on one record and on every record with *")
    func set() throws {
        let team = try #require(school.teams?.first)
        let one = try overlay(#"{"op": "set", "path": "teams[id=\#(team.id)].collaboration.minutes", "value": 135}"#)
            .apply(to: school)
        #expect(one.teams?.first?.collaboration?.minutes == 135)
        #expect(one.teams?.dropFirst().map(\.collaboration) == school.teams?.dropFirst().map(\.collaboration))
        var expected = school
        expected.teams?[0].collaboration?.minutes = 135
        #expect(one == expected)

        let all = try overlay(
            #"{"op": "set", "path": "teams[*].collaboration.minutes", "value": 150}, "#
                + #"{"op": "set", "path": "teams[*].collaboration.weight", "value": 2.5}"#
        ).apply(to: school)
        #expect(all.teams?.allSatisfy { $0.collaboration?.minutes == 150 && $0.collaboration?.weight == 2.5 } == true)
        #expect(all.teams?.count == school.teams?.count)

        // null clears an optional field; the helper for --vary does the same as an overlay.
        let cleared = try overlay(#"{"op": "set", "path": "teams[*].collaboration.weight", "value": null}"#).apply(
            to: all)
        #expect(cleared.teams?.allSatisfy { $0.collaboration?.weight == nil } == true)
        let varied = try school.setting(try RecordPath(parsing: "teams[*].collaboration.minutes"), to: .integer(150))
        #expect(varied.teams?.map(\.collaboration?.minutes) == all.teams?.map(\.collaboration?.minutes))
    }

    @Test("add a record and a member; remove a record, a member and a field")
    func addAndRemove() throws {
        let room = try #require(school.rooms.last)
        let team = try #require(school.teams?.first)
        let edited = try overlay(
            #"{"op": "add", "path": "teachers", "value": {"id": "T99", "name": "New Hire", "subjects": ["math"]}}, "#
                + #"{"op": "add", "path": "teams[id=\#(team.id)].members", "value": "T99"}, "#
                + #"{"op": "remove", "path": "rooms[id=\#(room.id)]"}, "#
                + #"{"op": "remove", "path": "teams[id=\#(team.id)].members", "value": "\#(team.members[0])"}, "#
                + #"{"op": "remove", "path": "teams[id=\#(team.id)].collaboration.maxDirectedMinutes"}"#
        ).apply(to: school)
        #expect(edited.teachers.last == Teacher(id: "T99", name: "New Hire", subjects: ["math"]))
        #expect(edited.teachers.count == school.teachers.count + 1)
        #expect(edited.rooms.count == school.rooms.count - 1)
        #expect(!edited.rooms.contains { $0.id == room.id })
        #expect(edited.teams?.first?.members == Array(team.members.dropFirst()) + ["T99"])
        #expect(edited.teams?.first?.collaboration?.maxDirectedMinutes == nil)
        #expect(edited.teams?.first?.collaboration?.minutes == team.collaboration?.minutes)
    }

    @Test(
        "failures name the file, the operation, the path and the record",
        arguments: [
            (
                #"{"op": "set", "path": "teams[id=G99].collaboration.minutes", "value": 90}"#, "$.teams[id=G99]",
                "operations[0] (set teams[id=G99].collaboration.minutes): no record with id 'G99'"
            ),
            (
                #"{"op": "remove", "path": "rooms[id=NOPE]"}"#, "$.rooms[id=NOPE]",
                "operations[0] (remove rooms[id=NOPE]): no record with id 'NOPE'"
            ),
            (
                #"{"op": "set", "path": "teams[*].colaboration", "value": 1}"#, "$.teams[id=G6].colaboration",
                "no field 'colaboration'"
            ),
            (
                #"{"op": "set", "path": "teams[*].collaboration.minutes", "value": "lots"}"#,
                "$.teams[id=G6].collaboration.minutes", "expected a whole number, not \"lots\""
            ),
            (
                #"{"op": "set", "path": "teams[*].collaboration.minutes", "value": 1.5}"#,
                "$.teams[id=G6].collaboration.minutes", "expected a whole number, not 1.5"
            ),
            (#"{"op": "set", "path": "teams[*].kind", "value": "club"}"#, "$.teams[id=G6].kind", "expected one of"),
            (
                #"{"op": "add", "path": "rooms", "value": {"id": "GYM", "seats": 30}}"#, "$.rooms",
                "a record with id \"GYM\" is already there"
            ),
            (#"{"op": "add", "path": "rooms", "value": {"id": "R99"}}"#, "$.rooms[+]", "missing field 'seats'"),
            (#"{"op": "remove", "path": "teams[*].members"}"#, "$.teams[id=G6].members", "'members' is required"),
            (
                #"{"op": "set", "path": "teachers[id=T01].name", "value": "x"}, {"op": "set", "path": "nope", "value": 1}"#,
                "$.nope", "operations[1] (set nope): no field 'nope'"
            ),
        ])
    func failures(operations: String, path: String, message: String) throws {
        let error = try #require(try failure(operations))
        #expect(error.file == "what-if.json")
        #expect(error.path == path)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test("an overlay file that is not one is refused with the field named")
    func badFiles() throws {
        let cases: [(String, String)] = [
            (
                #"{"formatVersion": 1, "name": "x", "operations": [{"op": "move", "path": "teams"}]}"#,
                "$.operations[0].op"
            ),
            (
                #"{"formatVersion": 1, "name": "x", "operations": [{"op": "set", "path": "teams[2].id", "value": 1}]}"#,
                "$.operations[0].path"
            ),
            (
                #"{"formatVersion": 1, "name": "x", "operations": [{"op": "set", "path": "name"}]}"#,
                "$.operations[0].value"
            ),
            (#"{"formatVersion": 2, "name": "x", "operations": []}"#, "$.formatVersion"),
        ]
        for (text, path) in cases {
            #expect(throws: InterchangeError.self) { try ScenarioOverlay.decode(Data(text.utf8), file: "o.json") }
            do {
                _ = try ScenarioOverlay.decode(Data(text.utf8), file: "o.json")
            } catch let error as InterchangeError {
                #expect(error.path == path, "\(error)")
            }
        }
        do {
            _ = try ScenarioOverlay.decode(Data("{\n  \"name\": \"x\",\n  ]\n}".utf8), file: "o.json")
            Issue.record("read invalid JSON")
        } catch let error as InterchangeError {
            #expect(error.line == 3)
        }
    }

    @Test("the bundled middle-school overlay gives every team three common periods, and the school stays valid")
    func bundled() throws {
        let folder = repositoryRoot.appendingPathComponent("Examples/middle-school")
        let overlay = try ScenarioOverlay.read(
            from: folder.appendingPathComponent("scenario-three-common-periods.json").path)
        let base = try SchoolSource.load(folder.path)
        let scenario = try overlay.apply(to: base)
        #expect(scenario.teams?.count == base.teams?.count)
        #expect(
            scenario.teams?.allSatisfy { $0.collaboration?.minutes == 150 && $0.collaboration?.minBlockMinutes == 50 }
                == true)
        #expect(scenario.validate().filter { $0.severity == .error }.isEmpty)
        #expect(scenario.students == base.students)
    }
}

import Foundation
import Interchange
import SchoolModel
import Testing
import Timetabling

@Suite("FlexPlan JSON")
struct SchoolJSONTests {
    @Test("JSON → model → JSON round trip, for every kind of school", arguments: SchoolGenerator.Kind.allCases)
    func roundTrip(kind: SchoolGenerator.Kind) throws {
        let school = SchoolGenerator(kind: kind, students: 300, seed: 3).generate()
        let data = try SchoolJSON.encode(school)
        let decoded = try SchoolJSON.decode(data, file: "memory.json")
        #expect(decoded == school)
        #expect(try SchoolJSON.encode(decoded) == data)
    }

    @Test("a value of the wrong type is located by a JSON path that uses ids")
    func typeMismatch() throws {
        var school = SchoolGenerator(kind: .primary, students: 100, seed: 1).generate()
        school.teachers[1].maxPeriodsPerWeek = 20
        var text = String(decoding: try SchoolJSON.encode(school), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"maxPeriodsPerWeek\" : 20", with: "\"maxPeriodsPerWeek\" : \"twenty\"")
        do {
            _ = try SchoolJSON.decode(Data(text.utf8), file: "school.json")
            Issue.record("decoded a string as a number")
        } catch let error as InterchangeError {
            #expect(error.path == "$.teachers[id=\(school.teachers[1].id)].maxPeriodsPerWeek")
            #expect(error.message == "expected a whole number")
            #expect(error.description.hasPrefix("school.json: $.teachers"))
        }
    }

    @Test("a missing field and an unknown enumeration value are named")
    func missingAndInvalid() throws {
        let missing = #"{"formatVersion": 1, "name": "x", "teachers": [], "rooms": []}"#
        #expect(throws: InterchangeError(file: "s.json", path: "$", message: "missing field 'timeGrid'")) {
            try SchoolJSON.decode(Data(missing.utf8), file: "s.json")
        }
        var school = SchoolGenerator(kind: .primary, students: 100, seed: 1).generate()
        school.teams = []
        let text = String(decoding: try SchoolJSON.encode(school), as: UTF8.self)
            .replacingOccurrences(of: "\"kind\" : \"break\"", with: "\"kind\" : \"recess\"")
        do {
            _ = try SchoolJSON.decode(Data(text.utf8), file: "s.json")
            Issue.record("accepted an unknown period kind")
        } catch let error as InterchangeError {
            #expect(error.path == "$.timeGrid.bellSchedules[id=regular].periods[id=recess].kind")
            #expect(error.message.contains("expected one of"))
        }
    }

    @Test("a syntax error names line and column")
    func syntax() {
        let text = "{\n  \"name\": \"x\",\n  \"teachers\": [,]\n}\n"
        do {
            _ = try SchoolJSON.decode(Data(text.utf8), file: "bad.json")
            Issue.record("accepted invalid JSON")
        } catch let error as InterchangeError {
            #expect(error.line == 3)
            #expect(error.column != nil)
            #expect(error.location == "bad.json:3")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("writing is atomic and leaves no temporary file")
    func atomicWrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("school.json").path
        let school = SchoolGenerator(kind: .primary, students: 100, seed: 1).generate()
        try SchoolJSON.write(school, to: path)
        try SchoolJSON.write(school, to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["school.json"])
        #expect(try SchoolSource.load(folder.path) == school)
        #expect(throws: InterchangeError.self) {
            try SchoolSource.load(folder.appendingPathComponent("none.json").path)
        }
    }
}

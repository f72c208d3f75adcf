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
            #expect(error.message == "expected a whole number, found a string")
            let line = try #require(error.line)
            #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1].contains("\"twenty\""))
            #expect(error.description.hasPrefix("school.json:\(line): $.teachers"))
        }
    }

    /// A typo in a field name must never remove a rule silently, and numbers of the wrong kind
    /// must be located like any other mistake.
    @Test(
        "unknown fields and numbers of the wrong kind: every one named with path, field and line",
        arguments: [
            (#""maxPeriodPerDay" : 5"#, "unknown field 'maxPeriodPerDay'; did you mean 'maxPeriodsPerDay'?"),
            (#""maxPeriodsPerDay" : 5.5"#, "expected a whole number, found 5.5"),
            (#""maxPeriodsPerDay" : 1e30"#, "expected a whole number, found 1e+30"),
            (#""maxPeriodsPerDay" : 9223372036854775808"#, "9223372036854775808 is out of range"),
            (#""maxPeriodsPerDay" : true"#, "expected a whole number, found true or false"),
            (#""maxPeriodsPerDay" : [5]"#, "expected a whole number, found an array"),
        ])
    func located(member: String, message: String) throws {
        var school = SchoolGenerator(kind: .primary, students: 100, seed: 1).generate()
        school.teachers[1].maxPeriodsPerDay = nil
        let teacher = school.teachers[1].id
        let text = String(decoding: try SchoolJSON.encode(school), as: UTF8.self)
            .replacingOccurrences(of: "\"id\" : \"\(teacher)\",", with: "\"id\" : \"\(teacher)\", \(member),")
        do {
            _ = try SchoolJSON.decode(Data(text.utf8), file: "school.json")
            Issue.record("accepted \(member)")
        } catch let error as InterchangeError {
            let field = member.split(separator: "\"")[0]
            #expect(error.path == "$.teachers[id=\(teacher)].\(field)")
            #expect(error.message.hasPrefix(message), "\(error.message)")
            let line = try #require(error.line)
            #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1].contains(member))
            #expect(error.validationIssues.first?.record == teacher)
            #expect(error.validationIssues.first?.field == String(field))
        }
    }

    @Test("every problem of a file at once; a truncated file names its last line")
    func allAtOnceAndTruncated() throws {
        var school = SchoolGenerator(kind: .primary, students: 100, seed: 1).generate()
        school.rooms[0].features = nil
        var text = String(decoding: try SchoolJSON.encode(school), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"seats\" : ", with: "\"seat\" : ")
        do {
            _ = try SchoolJSON.decode(Data(text.utf8), file: "school.json")
            Issue.record("accepted 'seat'")
        } catch let error as InterchangeError {
            // Each room: its unknown 'seat' (and its missing 'seats' where required), up to 20.
            let all = [error] + error.more
            #expect(all.count == 20 || all.count >= school.rooms.count)
            #expect(
                all.allSatisfy {
                    ($0.message.contains("did you mean 'seats'?") || $0.message == "missing field 'seats'")
                        && $0.line != nil && $0.path?.contains("[id=") == true
                }, "\(all)")
        }
        let cut = String(text.prefix(text.count / 2))
        do {
            _ = try SchoolJSON.decode(Data(cut.utf8), file: "cut.json")
            Issue.record("accepted a truncated file")
        } catch let error as InterchangeError {
            #expect(error.line == cut.split(separator: "\n", omittingEmptySubsequences: false).count)
            #expect(error.message.contains("truncated"))
        }
    }

    @Test("a missing field and an unknown enumeration value are named")
    func missingAndInvalid() throws {
        let missing = #"{"formatVersion": 1, "name": "x", "teachers": [], "rooms": []}"#
        #expect(throws: InterchangeError(file: "s.json", line: 1, path: "$", message: "missing field 'timeGrid'")) {
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

    @Test("a plan whose numbers need all 17 digits of a double reads back (Foundation reads them as decimals)")
    func seventeenDigits() throws {
        let plan = PlanFile(
            school: .init(path: "school.json", sha256: "0"), scenario: nil, seed: 1, createdBy: "FlexPlan",
            status: "feasible", objective: 3374.5, bound: 1788.9999999999993, placements: [], scores: [:])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try plan.write(to: path)
        let read = try PlanFile.read(from: path)
        #expect(read.bound == 1788.9999999999993)
        #expect(read.objective == 3374.5)
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

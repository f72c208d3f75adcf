import Foundation
import Testing

@testable import flexplan

/// The repository's root, for the bundled examples.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite("flexplan validate and schema")
struct ValidateCommandTests {
    @Test("every bundled example is valid", arguments: ["primary-school", "middle-school", "high-school"])
    func examples(name: String) throws {
        let folder = repositoryRoot.appendingPathComponent("Examples/\(name)").path
        let result = try runFlexplan(["validate", folder, "--format", "json"])
        #expect(result.status == 0, "\(result.stdout)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == true)
        #expect((object["errors"] as? [Any])?.isEmpty == true)
    }

    @Test("the broken school: every planted error, with its location, in one run, exit 2")
    func brokenSchool() throws {
        let folder = try fixture("broken-school")
        let expected = try String(contentsOfFile: folder + "/expected-messages.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let result = try runFlexplan(["validate", folder])
        #expect(result.status == 2)
        // Each message names the line of school.json it is about.
        let reported = result.stdout.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("error:") || $0.hasPrefix("warning:")
        }.map { $0.replacing(folder + "/school.json", with: "school.json") }
        #expect(reported == expected)
        #expect(expected.count == 19)
    }

    @Test("JSON output: valid, errors and warnings with path, record, field, message")
    func json() throws {
        let result = try runFlexplan(["validate", try fixture("broken-school"), "--format", "json"])
        #expect(result.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        let errors = try #require(object["errors"] as? [[String: Any]])
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(errors.count == 17)
        #expect(warnings.count == 2)
        let member = try #require(errors.first { ($0["path"] as? String) == "$.teams[id=G7].members[1]" })
        #expect(member["record"] as? String == "G7")
        #expect(member["field"] as? String == "members")
        #expect(member["message"] as? String == "\(try fixture("broken-school"))/school.json:46: unknown teacher 'T99'")
        for entry in errors + warnings {
            for key in ["path", "record", "field", "message"] { #expect(entry.keys.contains(key)) }
        }
    }

    @Test("unreadable input: syntax errors name file, line and column")
    func syntaxError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("syntax-\(UUID()).json")
        try "{\n  \"formatVersion\": 1,\n  \"name\": \"x\"\n  \"teachers\": []\n}\n".write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runFlexplan(["validate", file.path, "--format", "json"])
        #expect(result.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect((errors.first?["path"] as? String)?.hasSuffix("\(file.lastPathComponent):4") == true)
        let missing = try runFlexplan(["validate", "/nonexistent/school.json"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("/nonexistent/school.json"))
    }

    @Test("flexplan schema prints the JSON Schema; the examples conform to it (python3 jsonschema)")
    func schema() throws {
        let result = try runFlexplan(["schema"])
        #expect(result.status == 0)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let schemaFile = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID()).json")
        try result.stdout.write(to: schemaFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schemaFile) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]:
                jsonschema.validate(json.load(open(path)), schema)
                print("ok", path)
            """
        let examples = ["primary-school", "middle-school", "high-school"].map {
            repositoryRoot.appendingPathComponent("Examples/\($0)/school.json").path
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaFile.path] + examples
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.components(separatedBy: "ok ").count == 4, "\(text)")
    }

    @Test("flexplan generate is deterministic and writes a valid school")
    func generate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("generate-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.json").path
        let second = folder.appendingPathComponent("b.json").path
        for path in [first, second] {
            let result = try runFlexplan(["generate", "--kind", "high", "--students", "300", "--seed", "4", "-o", path])
            #expect(result.status == 0)
        }
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
        #expect(try runFlexplan(["validate", first]).status == 0)
        #expect(try runFlexplan(["generate", "--kind", "high", "--students", "0", "-o", first]).status == 2)
    }
}

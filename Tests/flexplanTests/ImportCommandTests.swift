import Foundation
import Testing

@testable import flexplan

@Suite("flexplan import and validate --scenario")
struct ImportCommandTests {
    @Test("parses import and validate --scenario")
    func parsing() throws {
        let command = try #require(try FlexPlan.parseAsRoot(["import", "roster.zip", "-o", "school.json"]) as? Import)
        #expect(command.source == "roster.zip")
        #expect(command.output == "school.json")
        let validate = try #require(
            try FlexPlan.parseAsRoot(["validate", "school.json", "--scenario", "what-if.json"]) as? Validate)
        #expect(validate.scenario == "what-if.json")
    }

    @Test("the OneRoster sample imports to a valid school; warnings go to stderr")
    func importSample() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("imported-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: output) }
        let roster = repositoryRoot.appendingPathComponent("Examples/oneroster-sample").path
        let result = try runFlexplan(["import", roster, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("warning: OneRoster has no meetings per week"))
        #expect(try runFlexplan(["validate", output.path]).status == 0)
    }

    @Test("a .fet file and a broken roster exit 2 with the file named")
    func refused() throws {
        let fet = try runFlexplan(["import", "timetable.fet", "-o", "x.json"])
        #expect(fet.status == 2)
        #expect(fet.stderr.contains("FET import is not available yet"))
        let missing = try runFlexplan(["import", "/nonexistent/roster", "-o", "x.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/roster"))
    }

    @Test("validate reads CSV folders and OneRoster rosters directly", arguments: ["csv-sample", "oneroster-sample"])
    func otherForms(name: String) throws {
        let result = try runFlexplan(["validate", repositoryRoot.appendingPathComponent("Examples/\(name)").path])
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test("validate --scenario applies the overlay; a missing record exits 2 naming the overlay and the record")
    func scenario() throws {
        let school = repositoryRoot.appendingPathComponent("Examples/middle-school").path
        let good = try runFlexplan([
            "validate", school, "--scenario", school + "/scenario-three-common-periods.json", "--format", "json",
        ])
        #expect(good.status == 0)
        let overlay = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: overlay) }
        try Data(
            #"{"formatVersion":1,"name":"x","operations":[{"op":"remove","path":"rooms[id=R404]"}]}"#.utf8
        ).write(to: overlay)
        let bad = try runFlexplan(["validate", school, "--scenario", overlay.path])
        #expect(bad.status == 2)
        #expect(bad.stdout.contains("$.rooms[id=R404]"))
        #expect(bad.stdout.contains(overlay.path))
        #expect(bad.stdout.contains("no record with id 'R404'"))
    }
}

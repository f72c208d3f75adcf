import ArgumentParser
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

    @Test("a missing .fet file and a broken roster exit 2 with the file named")
    func refused() throws {
        let fet = try runFlexplan(["import", "/nonexistent/timetable.fet", "-o", "x.json"])
        #expect(fet.status == 2)
        #expect(fet.stderr.contains("/nonexistent/timetable.fet"))
        let missing = try runFlexplan(["import", "/nonexistent/roster", "-o", "x.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/roster"))
    }

    @Test("a .fet with an unsupported hard constraint: refused, then imported with --ignore-unsupported")
    func fetImport() throws {
        let fet = repositoryRoot.appendingPathComponent("Tests/InterchangeTests/Fixtures/tiny-school.fet").path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fet-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: output) }
        let refused = try runFlexplan(["import", fet, "-o", output.path])
        #expect(refused.status == 2)
        #expect(
            refused.stderr.contains("ConstraintActivitiesOccupyMinTimeSlotsFromSelection ×1 (1 hard)"),
            "\(refused.stderr)"
        )
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let imported = try runFlexplan(["import", fet, "-o", output.path, "--ignore-unsupported"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("warning: FET constraint left out: ConstraintStudentsMaxGapsPerWeek ×1"))
        #expect(imported.stderr.contains("FET 6.8.5, 2 teachers, 2 rooms"), "\(imported.stderr)")
        let plan = FileManager.default.temporaryDirectory.appendingPathComponent("fet-plan-\(UUID()).json").path
        let exported = FileManager.default.temporaryDirectory.appendingPathComponent("fet-out-\(UUID()).fet").path
        defer {
            try? FileManager.default.removeItem(atPath: plan)
            try? FileManager.default.removeItem(atPath: exported)
        }
        let solved = try runFlexplan([
            "solve", output.path, "--iterations", "100", "--format", "json", "-o", plan,
        ])
        #expect(solved.status == 0, "\(solved.stderr)")
        #expect(solved.stdout.contains("\"hardViolations\":0"))
        // The plan back to FET: every placement locked; it imports cleanly.
        let export = try runFlexplan(["export", plan, "--to", "fet", "-o", exported])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("4 locked placements"))
        #expect(try runFlexplan(["import", exported, "-o", exported + ".json"]).status == 0)
        try? FileManager.default.removeItem(atPath: exported + ".json")
        // CSV schedules of the same plan, into a folder.
        let folder = exported + "-csv"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try runFlexplan(["export", plan, "--to", "csv", "-o", folder]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/lessons.csv"))
        // Read directly, the same file is refused by solve, naming the rule it would drop ...
        let unread = try runFlexplan(["solve", fet, "--iterations", "5"])
        #expect(unread.status == 2)
        #expect(unread.stderr.contains("ConstraintActivitiesOccupyMinTimeSlotsFromSelection"), "\(unread.stderr)")
        #expect(unread.stderr.contains("--ignore-unsupported"), "\(unread.stderr)")
        // ... and solved with --ignore-unsupported, which every command reading a school accepts,
        // saying on stderr which hard rule was left out.
        let direct = try runFlexplan(["solve", fet, "--ignore-unsupported", "--iterations", "20", "-o", plan])
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(
            direct.stderr.contains(
                "hard FET constraint left out: ConstraintActivitiesOccupyMinTimeSlotsFromSelection ×1 hard"),
            "\(direct.stderr)")
        #expect(try runFlexplan(["check", fet, plan]).status == 2)
        #expect(try runFlexplan(["check", fet, plan, "--ignore-unsupported"]).status == 0)
        for command in [
            ["validate", fet], ["explain", fet],
            ["sweep", fet, "--vary", "teachers[*].maxPeriodsPerDay=3", "--iterations", "1"],
            ["load", fet, plan], ["flex", fet, "--week", "1"],
            ["substitutes", fet, plan, "--team", "G", "--when", "Mon:1"],
        ] {
            let parsed = try FlexPlan.parseAsRoot(command + ["--ignore-unsupported"])
            let input = Mirror(reflecting: parsed).children.lazy.compactMap { $0.value as? OptionGroup<SchoolOptions> }
                .first?.wrappedValue
            #expect(input?.ignoreUnsupported == true && input?.school == fet, "\(command[0])")
        }
        // A plan made from a .fet with the flag records it: export reads the school the same way.
        let recorded = try jsonObject(String(decoding: try Data(contentsOf: URL(fileURLWithPath: plan)), as: UTF8.self))
        #expect((recorded["school"] as? [String: Any])?["ignoreUnsupported"] as? Bool == true)
        #expect(try runFlexplan(["export", plan, "--to", "csv", "-o", folder + "-direct"]).status == 0)
        try? FileManager.default.removeItem(atPath: folder + "-direct")
        // A timetable in fet-cl's form, checked: one hard violation planted, one activity missing.
        let timetable = repositoryRoot.appendingPathComponent(
            "Tests/InterchangeTests/Fixtures/tiny-school_activities.xml"
        ).path
        let checked = try runFlexplan(["check", output.path, timetable])
        #expect(checked.status == 1, "\(checked.stderr)")
        #expect(checked.stdout.contains("violation: relation.minDaysApart"), "\(checked.stdout)")
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

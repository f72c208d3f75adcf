import Foundation
import Testing

@Suite("flexplan load", .serialized)
struct LoadCommandTests {
    @Test("loads a solved high school: the contract's keys, sections in the plan, the plan still checks", .tags(.slow))
    func loadsHighSchool() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let school = folder.appendingPathComponent("school.json").path
        let plan = folder.appendingPathComponent("plan.json").path
        let loaded = folder.appendingPathComponent("loaded.json").path
        #expect(
            try runFlexplan(["generate", "--kind", "high", "--students", "200", "--seed", "5", "-o", school]).status
                == 0)
        let solve = try runFlexplan(["solve", school, "--time-limit", "\(testSeconds(20))", "-o", plan])
        #expect(solve.status == 0, "\(solve.stderr)")
        let load = try runFlexplan([
            "load", school, plan, "-o", loaded, "--time-limit", "\(testSeconds(10))", "--format", "json",
        ])
        #expect(load.status == 0, "\(load.stderr)")
        let object = try jsonObject(load.stdout)
        for key in ["requestsSatisfied", "fullyScheduled", "studentsWithoutConflicts", "seconds"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let satisfied = try #require(object["requestsSatisfied"] as? Double)
        #expect(satisfied >= 0.95 && satisfied <= 1)
        #expect(object["hardViolations"] as? Int == 0)
        let written = try jsonObject(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: loaded)), as: UTF8.self))
        let sections = try #require(written["sections"] as? [[String: Any]])
        #expect(sections.count >= Int(satisfied * 1_400))
        try expectPlanChecks(school, loaded)
        let text = try runFlexplan(["load", school, loaded, "--time-limit", "5"])
        #expect(text.stdout.contains("Requests Satisfied"))
    }

    @Test("a school without course requests is refused with exit 2")
    func noRequests() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.json").path
        let school = repositoryRoot.appendingPathComponent("Examples/primary-school").path
        #expect(try runFlexplan(["solve", school, "--iterations", "3", "-o", plan]).status == 0)
        let load = try runFlexplan(["load", school, plan])
        #expect(load.status == 2)
        #expect(load.stderr.contains("no student has course requests"))
    }
}

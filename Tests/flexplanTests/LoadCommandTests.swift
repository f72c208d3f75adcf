import Foundation
import Testing

@Suite("flexplan load", .serialized)
struct LoadCommandTests {
    /// Deterministic limits throughout (`--iterations`): the same plan and loading on any
    /// machine, however busy. How many requests a master schedule lets loading meet is a
    /// quality figure, measured in benchmarks/ (`benchmarks/run loading`).
    @Test("loads a solved high school: the contract's keys, sections in the plan, the plan still checks")
    func loadsHighSchool() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let school = folder.appendingPathComponent("school.json").path
        let plan = folder.appendingPathComponent("plan.json").path
        let loaded = folder.appendingPathComponent("loaded.json").path
        #expect(
            try runFlexplan(["generate", "--kind", "high", "--students", "60", "--seed", "5", "-o", school]).status
                == 0)
        let solve = try runFlexplan(["solve", school, "--iterations", "20", "-o", plan])
        try #require(solve.status == 0, "\(solve.stderr)")
        let load = try runFlexplan([
            "load", school, plan, "-o", loaded, "--iterations", "20", "--format", "json",
        ])
        #expect(load.status == 0, "\(load.stderr)")
        let object = try jsonObject(load.stdout)
        for key in ["requestsSatisfied", "fullyScheduled", "studentsWithoutConflicts", "seconds"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let satisfied = try #require(object["requestsSatisfied"] as? Double)
        #expect(satisfied > 0 && satisfied <= 1)
        #expect(object["hardViolations"] as? Int == 0)
        // Every request met (a primary, or an alternate in its place) is one section joined.
        let primaryMet = try #require(object["primaryMet"] as? Int)
        let alternatesUsed = try #require(object["alternatesUsed"] as? Int)
        let requests = try #require(object["requests"] as? Int)
        #expect(requests == 60 * 7)
        #expect(abs(satisfied - Double(primaryMet + alternatesUsed) / Double(requests)) < 1e-9)
        let written = try jsonObject(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: loaded)), as: UTF8.self))
        let sections = try #require(written["sections"] as? [[String: Any]])
        #expect(sections.count == primaryMet + alternatesUsed)
        try expectPlanChecks(school, loaded)
        let text = try runFlexplan(["load", school, loaded, "--iterations", "5"])
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

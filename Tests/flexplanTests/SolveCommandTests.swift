import Foundation
import Testing

@testable import flexplan

extension Tag {
    /// Tests that run the solver on a generated school for several seconds.
    @Tag static var slow: Self
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flexplan-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// One JSON object from a command's stdout.
func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// `flexplan check` on a plan: exit 0, no hard violation, and the plan's objective equals the
/// checker's score within 1e-6 (what every plan written must satisfy).
func expectPlanChecks(_ school: String, _ plan: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let check = try runFlexplan(["check", school, plan, "--format", "json"])
    #expect(check.status == 0, "\(check.stderr)", sourceLocation: sourceLocation)
    let object = try jsonObject(check.stdout)
    #expect(object["hardViolations"] as? Int == 0, sourceLocation: sourceLocation)
    #expect(object["objectiveMatches"] as? Bool == true, "\(check.stdout)", sourceLocation: sourceLocation)
}

@Suite("flexplan solve and check", .serialized)
struct SolveCommandTests {
    @Test("parses its options")
    func parsing() throws {
        let command = try #require(
            try FlexPlan.parseAsRoot([
                "solve", "school.json", "--time-limit", "5", "--iterations", "20", "--seed", "7", "--threads", "2",
                "-o", "plan.json", "--format", "json",
            ]) as? Solve)
        #expect(command.school == "school.json")
        #expect(command.limits.timeLimit == 5)
        #expect(command.limits.iterations == 20)
        #expect(command.seed == 7)
        #expect(command.threads == 2)
        #expect(command.output == "plan.json")
        #expect(command.format == .json)
        for bad in [["--time-limit", "0"], ["--threads", "0"], ["--iterations", "0"]] {
            #expect(throws: (any Error).self) { try FlexPlan.parseAsRoot(["solve", "school.json"] + bad) }
        }
    }

    /// The fixture is the "forced teacher gap" tiny school of the Timetabling tests: optimum 3.
    @Test("a tiny school: optimal, objective 3, gap 0, a plan that checks")
    func tiny() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let school = try fixture("tiny-school.json")
        let plan = folder.appendingPathComponent("plan.json").path
        let result = try runFlexplan([
            "solve", school, "--iterations", "100", "-o", plan, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try jsonObject(result.stdout)
        for key in ["status", "stopReason", "objective", "bound", "gap", "seconds", "hardViolations", "teams", "plan"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["status"] as? String == "optimal")
        #expect(abs(try #require(object["objective"] as? Double) - 3) <= 1e-6)
        #expect(abs(try #require(object["gap"] as? Double)) <= 1e-9)
        #expect(object["hardViolations"] as? Int == 0)
        #expect(object["plan"] as? String == plan)
        try expectPlanChecks(school, plan)
    }

    @Test("an infeasible school: status infeasible, exit 1, no plan written")
    func infeasible() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.json").path
        let result = try runFlexplan([
            "solve", try fixture("infeasible-school.json"), "--iterations", "100", "-o", plan, "--format", "json",
        ])
        #expect(result.status == 1, "\(result.stderr)")
        let object = try jsonObject(result.stdout)
        #expect(object["status"] as? String == "infeasible")
        #expect(object["stopReason"] as? String == "solved")
        #expect(!FileManager.default.fileExists(atPath: plan))
        #expect(result.stderr.contains("infeasible"))
    }

    @Test("same school, seed and iterations: byte-identical plans, whatever --threads is")
    func deterministicTiny() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let school = try fixture("tiny-school.json")
        var plans: [Data] = []
        for (run, threads) in ["1", "1", "2"].enumerated() {
            let plan = folder.appendingPathComponent("plan-\(run).json").path
            let result = try runFlexplan([
                "solve", school, "--iterations", "20", "--seed", "5", "--threads", threads, "-o", plan,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            plans.append(try #require(FileManager.default.contents(atPath: plan)))
        }
        #expect(plans[0] == plans[1])
        #expect(plans[0] == plans[2])
    }

    /// `flexplan generate --kind primary --students 300 --seed S` into `folder`: the school's path.
    func generatedPrimary(seed: Int, in folder: URL) throws -> String {
        let school = folder.appendingPathComponent("school.json").path
        let generated = try runFlexplan([
            "generate", "--kind", "primary", "--students", "300", "--seed", "\(seed)", "-o", school,
        ])
        try #require(generated.status == 0, "\(generated.stderr)")
        return school
    }

    /// A generated primary school of 300 students is past the exact model's size, so this runs
    /// the large-neighbourhood search: construction, then improvement steps.
    @Test(
        "a generated school through the search: byte-identical plans for --threads 1 and 2", .tags(.slow),
        .timeLimit(.minutes(30)))  // a hang guard: --iterations makes the work the same on any machine
    func deterministicSearch() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let school = try generatedPrimary(seed: 2, in: folder)
        var plans: [Data] = []
        for threads in ["1", "2"] {
            let plan = folder.appendingPathComponent("plan-\(threads).json").path
            let result = try runFlexplan([
                "solve", school, "--iterations", "12", "--seed", "4", "--threads", threads, "-o", plan,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            plans.append(try #require(FileManager.default.contents(atPath: plan)))
            try expectPlanChecks(school, plan)
        }
        #expect(plans[0] == plans[1])
    }

    /// Sent once the search holds a complete timetable, whenever that is: the verdict does not
    /// depend on the machine's speed (the waits are hang guards, not timings).
    @Test("SIGINT during a solve writes the best plan so far and exits 3", .tags(.slow))
    func interrupt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let school = try generatedPrimary(seed: 1, in: folder)
        let plan = folder.appendingPathComponent("plan.json").path
        let log = folder.appendingPathComponent("stderr.txt")
        try Data().write(to: log)
        let process = Process()
        process.executableURL = flexplanExecutable()
        process.arguments = ["solve", school, "--time-limit", "3600", "-o", plan, "--verbose"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // The search reports "on the penalties" (the native search's walk) or "improvement" (the
        // large-neighbourhood search) once it holds a complete timetable.
        func stderrText() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        func complete() -> Bool { stderrText().contains("improvement") || stderrText().contains("on the penalties") }
        var deadline = Date().addingTimeInterval(1_800)
        while process.isRunning && !complete() && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
        }
        try #require(process.isRunning, "the solve ended before it could be interrupted: \(stderrText())")
        try #require(complete(), "no complete timetable after 30 minutes: a hang")
        kill(process.processIdentifier, SIGINT)
        deadline = Date().addingTimeInterval(600)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        try #require(!process.isRunning, "still running 10 minutes after SIGINT: a hang")

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 3, "\(stderrText())")
        #expect(stderrText().contains("interrupted"))
        #expect(FileManager.default.fileExists(atPath: plan))
        try expectPlanChecks(school, plan)
    }
}

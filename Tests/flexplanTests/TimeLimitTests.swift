import Foundation
import Testing

/// What a time limit does, checked so that no verdict depends on the machine's speed: the run
/// stops at its limit and says so; a plan it holds by then is written and verified, and none
/// is written otherwise. How far past its limit a command runs is measured in release by
/// `benchmarks/run time-limits` (goal: +10%), never here.
@Suite("Time limits stop the run", .serialized)
struct TimeLimitTests {
    let school = repositoryRoot.appendingPathComponent("Examples/middle-school").path

    /// Example (b) is never proven optimal (its bound is 0, its plans have teacher gaps), so
    /// only the limit can end the search, on a fast machine or a slow one.
    @Test("solve --time-limit: stopped by the limit; a plan held by then is written and checks, none otherwise")
    func solve() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.json").path
        let run = try runFlexplan(["solve", school, "--time-limit", "3", "-o", plan, "--format", "json"])
        let object = try jsonObject(run.stdout)
        #expect(object["stopReason"] as? String == "timeLimit", "\(run.stderr)")
        if run.status == 0 {
            #expect(object["plan"] as? String == plan)
            try expectPlanChecks(school, plan)
        } else {
            #expect(run.status == 1, "\(run.stderr)")
            #expect(object["status"] as? String == "noSolution")
            #expect(!FileManager.default.fileExists(atPath: plan))
        }
    }

    @Test("sweep --time-limit: each variant stopped by the limit; each plan held is written and checks")
    func sweep() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("sweep").path
        let run = try runFlexplan([
            "sweep", school, "--vary", "teams[*].collaboration.minBlocks=3,4", "--time-limit", "2", "--threads", "2",
            "--out", out, "--format", "json",
        ])
        #expect([0, 1].contains(run.status), "\(run.stderr)")
        let variants = try #require(try jsonObject(run.stdout)["variants"] as? [[String: Any]])
        #expect(variants.count == 2)
        for (index, variant) in variants.enumerated() {
            #expect(variant["stopReason"] as? String == "timeLimit", "\(variant)")
            let plan = URL(fileURLWithPath: out).appendingPathComponent("variant-\(index + 1).json").path
            if let written = variant["plan"] as? String {
                #expect(written == plan)
                try expectPlanChecks(school, plan)
            } else {
                #expect(variant["status"] as? String == "noSolution", "\(variant)")
                #expect(!FileManager.default.fileExists(atPath: plan))
            }
        }
    }
}

import Foundation
import Testing

/// Solving commands stop near their time limit: within +10% or +1 s, with a generous slack
/// for starting the process, reading the school, building the model and checking the plan,
/// which the limit does not cover (a behaviour test, not a speed test; the slack stretches
/// with FLEXPLAN_TEST_TIME_SCALE under a sanitizer).
@Suite("Time limits are honoured", .serialized)
struct TimeLimitTests {
    let school = repositoryRoot.appendingPathComponent("Examples/middle-school").path

    func elapsed(_ arguments: [String]) throws -> (seconds: Double, status: Int32) {
        let started = Date()
        let run = try runFlexplan(arguments)
        return (Date().timeIntervalSince(started), run.status)
    }

    @Test("solve --time-limit 4 on example (b)")
    func solve() throws {
        let (seconds, status) = try elapsed(["solve", school, "--time-limit", "4"])
        #expect([0, 1].contains(status))  // a plan, or none within the limit: either way it stopped
        #expect(seconds <= 4 * 1.1 + 1 + testSeconds(3), "took \(seconds) s")
    }

    @Test("sweep: two variants side by side, 3 s each")
    func sweep() throws {
        let (seconds, status) = try elapsed([
            "sweep", school, "--vary", "teams[*].collaboration.minBlocks=3,4", "--time-limit", "3", "--threads", "2",
        ])
        #expect([0, 1].contains(status))  // a plan, or none within the limit: either way it stopped
        #expect(seconds <= 3 * 1.1 + 1 + testSeconds(6), "took \(seconds) s")
    }
}

import Foundation
import Testing

@Suite("flexplan explain and substitutes", .serialized)
struct ExplainCoverCommandTests {
    @Test("a broken copy of example (b): solve says infeasible and points to explain, which names both planted causes")
    func brokenExample() throws {
        let school = repositoryRoot.appendingPathComponent("Examples/middle-school").path
        let broken = repositoryRoot.appendingPathComponent("Examples/middle-school/scenario-broken.json").path
        let solve = try runFlexplan(["solve", school, "--scenario", broken, "--iterations", "20"])
        #expect(solve.status == 1)
        #expect(solve.stderr.contains("flexplan explain"), "\(solve.stderr)")
        let explain = try runFlexplan(["explain", school, "--scenario", broken, "--format", "json"])
        #expect(explain.status == 0, "\(explain.stderr)")
        let object = try jsonObject(explain.stdout)
        let causes = try #require(object["causes"] as? [[String: Any]])
        #expect(Set(causes.compactMap { $0["rule"] as? String }) == ["team.memberLoad", "room.capacity"])
        #expect(causes.contains { ($0["records"] as? [String]) == ["G6", "T09"] })
        #expect(object["feasible"] as? Bool == false)
        let text = try runFlexplan(["explain", school, "--scenario", broken])
        #expect(text.stdout.contains("1. team G6 cannot get its 4 common periods"))
    }

    @Test("substitutes: every lesson of the released team in the window is covered, by a colleague or a substitute")
    func cover() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = repositoryRoot.appendingPathComponent("Tests/flexplanTests/Fixtures/tiny-school.json")
        var object = try jsonObject(String(decoding: try Data(contentsOf: fixture), as: UTF8.self))
        object["teams"] = [["id": "G", "members": ["T1"]]]
        let school = folder.appendingPathComponent("school.json").path
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: school))
        let plan = folder.appendingPathComponent("plan.json").path
        #expect(try runFlexplan(["solve", school, "--iterations", "3", "-o", plan]).status == 0)
        let placements = try #require(
            try jsonObject(String(decoding: try Data(contentsOf: URL(fileURLWithPath: plan)), as: UTF8.self))[
                "placements"] as? [[String: Any]])
        let activities = try #require(object["activities"] as? [[String: Any]])
        let taughtByT1 = Set(
            activities.filter { ($0["teachers"] as? [String])?.contains("T1") == true }.compactMap {
                $0["id"] as? String
            })
        let expected = placements.filter {
            $0["day"] as? String == "mon" && ["1", "2"].contains($0["period"] as? String ?? "")
                && taughtByT1.contains($0["activity"] as? String ?? "")
        }.count
        let run = try runFlexplan([
            "substitutes", school, plan, "--team", "G", "--when", "mon:1-2", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try jsonObject(run.stdout)
        let covers = try #require(result["covers"] as? [[String: Any]])
        #expect(covers.count == expected)
        // Counted by hand: T1 teaches one lesson at a time, so one substitute takes every lesson
        // a colleague does not; the only colleague, T2 (no subjects here: anyone may cover),
        // covers one lesson (--max-covers 1) if free at one of those periods.
        let taughtByT2 = Set(
            activities.filter { ($0["teachers"] as? [String])?.contains("T2") == true }.compactMap {
                $0["id"] as? String
            })
        let t2Busy = Set(
            placements.filter { $0["day"] as? String == "mon" && taughtByT2.contains($0["activity"] as? String ?? "") }
                .compactMap { $0["period"] as? String })
        let t1Periods = placements.filter {
            $0["day"] as? String == "mon" && taughtByT1.contains($0["activity"] as? String ?? "")
                && ["1", "2"].contains($0["period"] as? String ?? "")
        }.compactMap { $0["period"] as? String }
        let colleague = t1Periods.contains { !t2Busy.contains($0) } ? 1 : 0
        #expect(result["substitutes"] as? Int == (expected - colleague > 0 ? 1 : 0))
        #expect(expected > 0)
        let bad = try runFlexplan(["substitutes", school, plan, "--team", "G", "--when", "mon:9"])
        #expect(bad.status == 2 && bad.stderr.contains("periods of mon are"))
    }
}

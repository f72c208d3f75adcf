import Foundation
import Testing

@Suite("flexplan flex", .serialized)
struct FlexCommandTests {
    let school = repositoryRoot.appendingPathComponent("Examples/middle-school").path
    let weekTwo = repositoryRoot.appendingPathComponent("Examples/middle-school/flex-week-2.csv").path

    @Test("example (b): week 1 from the standing requests, week 2 from its file with --previous; both check")
    func twoWeeks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("week1.json").path
        let second = folder.appendingPathComponent("week2.json").path
        let one = try runFlexplan(["flex", school, "--week", "1", "-o", first, "--format", "json"])
        #expect(one.status == 0, "\(one.stderr)")
        let summary = try jsonObject(one.stdout)
        for key in ["placed", "hardRequestsHonoured", "firstChoice", "changedFromPrevious", "seconds"] {
            #expect(summary.keys.contains(key), "missing \(key)")
        }
        #expect(summary["hardRequestsHonoured"] as? Double == 1)
        #expect(summary["changedFromPrevious"] is NSNull)
        #expect(summary["integral"] as? Bool == true)
        #expect(summary["hardViolations"] as? Int == 0)
        let placed = try #require(summary["placed"] as? Double)
        #expect(placed > 0.9 && placed <= 1)
        try expectPlanChecks(school, first)

        let two = try runFlexplan([
            "flex", school, "--week", "2", "--requests", weekTwo, "--previous", first, "-o", second, "--format",
            "json", "--explain", "--student", "S0002",
        ])
        #expect(two.status == 0, "\(two.stderr)")
        let next = try jsonObject(two.stdout)
        let changed = try #require(next["changedFromPrevious"] as? Double)
        #expect(changed > 0 && changed < 0.5)
        let explanations = try #require(next["explanations"] as? [[String: Any]])
        #expect(explanations.count == 2 && explanations.allSatisfy { $0["student"] as? String == "S0002" })
        #expect(explanations.allSatisfy { !(($0["why"] as? String) ?? "").isEmpty })
        let plan = try jsonObject(String(decoding: try Data(contentsOf: URL(fileURLWithPath: second)), as: UTF8.self))
        let flex = try #require(plan["flex"] as? [String: Any])
        #expect(flex["week"] as? Int == 2)
        #expect((flex["requests"] as? [String: Any])?["path"] as? String == weekTwo)
        try expectPlanChecks(school, second)
    }

    @Test("a week outside the term, and a bad requests row, exit 2 naming what is wrong")
    func badInput() throws {
        let outside = try runFlexplan(["flex", school, "--week", "99"])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("week 99 is not in the term"))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("week.csv").path
        try Data("kind,student,session,rank\nchoice,S0001,F01,1\nchoice,S9999,F01,1\n".utf8).write(
            to: URL(fileURLWithPath: file))
        let bad = try runFlexplan(["flex", school, "--week", "2", "--requests", file])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(file):3"), "\(bad.stderr)")
        #expect(bad.stderr.contains("S9999"))
    }

    @Test("the text report has a row per flex period and the checker's verdict")
    func text() throws {
        let run = try runFlexplan(["flex", school, "--week", "3"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("tue:flex 2026-09-15") && run.stdout.contains("thu:flex 2026-09-17"))
        #expect(run.stdout.contains("checker      0 hard violations"))
    }
}

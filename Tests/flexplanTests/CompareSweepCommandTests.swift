import Foundation
import Testing

@Suite("flexplan compare and sweep", .serialized)
struct CompareSweepCommandTests {
    let school = repositoryRoot.appendingPathComponent("Tests/flexplanTests/Fixtures/tiny-school.json").path

    @Test("compare: a plan against a copy with one lesson in another room")
    func compare() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.json").path
        let second = folder.appendingPathComponent("b.json").path
        #expect(try runFlexplan(["solve", school, "--iterations", "3", "-o", first]).status == 0)
        var plan = try jsonObject(String(decoding: try Data(contentsOf: URL(fileURLWithPath: first)), as: UTF8.self))
        var placements = try #require(plan["placements"] as? [[String: Any]])
        let moved = try #require(placements.first?["activity"] as? String)
        placements[0]["room"] = (placements[0]["room"] as? String) == "R1" ? "R2" : "R1"
        plan["placements"] = placements
        try JSONSerialization.data(withJSONObject: plan).write(to: URL(fileURLWithPath: second))

        let run = try runFlexplan(["compare", first, second, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let entries = try #require(try jsonObject(run.stdout)["plans"] as? [[String: Any]])
        #expect(entries.map { $0["movedFromFirst"] as? Int } == [0, 1])
        #expect(((entries[1]["moves"] as? [[String: Any]])?.first?["activity"] as? String) == moved)
        #expect((entries[0]["metrics"] as? [String: Any])?["hardViolations"] as? Int == 0)
        let markdown = try runFlexplan(["compare", first, second, "--format", "md"])
        #expect(markdown.stdout.hasPrefix("|  | a.json | b.json | Δ |"))
        #expect(try runFlexplan(["compare", first, second, "--format", "html"]).stdout.contains("<table"))
        #expect(try runFlexplan(["compare", first]).status == 2)
    }

    @Test("a sweep's plans equal separate solves of the same variants (same seed and iterations)")
    func sweepEqualsSeparateSolves() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("sweep").path
        let run = try runFlexplan([
            "sweep", school, "--vary", "teachers[*].maxPeriodsPerDay=3,4", "--iterations", "3", "--seed", "7",
            "--threads", "2", "--out", out, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let variants = try #require(try jsonObject(run.stdout)["variants"] as? [[String: Any]])
        #expect(variants.count == 2)
        for (index, value) in [3, 4].enumerated() {
            let overlay = folder.appendingPathComponent("overlay-\(value).json")
            try Data(
                """
                {"formatVersion": 1, "name": "v\(value)",
                 "operations": [{"op": "set", "path": "teachers[*].maxPeriodsPerDay", "value": \(value)}]}
                """.utf8
            ).write(to: overlay)
            let separate = folder.appendingPathComponent("separate-\(value).json").path
            let solved = try runFlexplan([
                "solve", school, "--scenario", overlay.path, "--iterations", "3", "--seed", "7", "-o", separate,
            ])
            #expect(solved.status == 0, "\(solved.stderr)")
            let mine = try jsonObject(
                String(decoding: try Data(contentsOf: URL(fileURLWithPath: separate)), as: UTF8.self))
            let swept = try jsonObject(
                String(
                    decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/variant-\(index + 1).json")),
                    as: UTF8.self))
            #expect(
                try JSONSerialization.data(withJSONObject: mine["placements"] as Any, options: [.sortedKeys])
                    == JSONSerialization.data(withJSONObject: swept["placements"] as Any, options: [.sortedKeys]))
            #expect(mine["objective"] as? Double == swept["objective"] as? Double)
        }
        // A variant's plan names its overlay: check and compare apply it again.
        try expectPlanChecks(school, out + "/variant-1.json")
        #expect(try runFlexplan(["compare", out + "/variant-1.json", out + "/variant-2.json"]).status == 0)
        for file in ["sweep.json", "sweep.md", "frontier.svg", "variant-1.scenario.json"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "missing \(file)")
        }
        let bad = try runFlexplan(["sweep", school, "--vary", "teachers[*].maxPeriodsPerDay=3,x", "--iterations", "3"])
        #expect(bad.status == 2 && bad.stderr.contains("'x' is not a number"))
    }
}

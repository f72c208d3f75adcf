import Foundation
import Testing

/// `export --to fet --into ORIGINAL.fet`: the user's own FET file with the plan locked in,
/// judged by FET itself.
@Suite("flexplan export --into the user's FET file")
struct ExportIntoFETTests {
    static let school = "/usr/share/doc/fet-data/examples/FET-5-official/Brazil/2/EEBLJ-Noturno.fet"

    @Test(
        "every byte of the original kept, one lock per placement; fet-cl accepts the locked original",
        .enabled(if: FileManager.default.fileExists(atPath: school), "needs fet-data (apt-get install fet-data)"))
    func lockedOriginal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("into-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = folder + "/plan.json"
        let locked = folder + "/locked.fet"
        let solved = try runFlexplan(["solve", Self.school, "--iterations", "20", "-o", plan])
        #expect(solved.status == 0, "\(solved.stderr)")
        let exported = try runFlexplan(["export", plan, "--to", "fet", "--into", Self.school, "-o", locked])
        #expect(exported.status == 0, "\(exported.stderr)")

        // The original's lines, in order, with only whole constraint elements added.
        let original = try String(contentsOfFile: Self.school, encoding: .utf8).components(separatedBy: "\n")
        let written = try String(contentsOfFile: locked, encoding: .utf8).components(separatedBy: "\n")
        var next = 0
        var added: [String] = []
        for line in written {
            if next < original.count && line == original[next] { next += 1 } else { added.append(line) }
        }
        #expect(next == original.count, "the original's line \(next + 1) is missing or changed")
        let planObject = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any])
        let placements = try #require(planObject["placements"] as? [[String: Any]])
        #expect(added.filter { $0.contains("<ConstraintActivityPreferredStartingTime>") }.count == placements.count)
        #expect(added.filter { $0.contains("<Permanently_Locked>true</Permanently_Locked>") }.count >= placements.count)

        // FET is the judge: with every activity locked, fet-cl must place them all as locked.
        // Its soft rules are switched off first: FET accepts a locked soft violation only by
        // chance. A locked activity it cannot place makes fet-cl ignore its own time limit,
        // hence the outer limit (a hang guard, not a timing).
        let judged = folder + "/judged.fet"
        var weight = 100.0
        let hardOnly = try String(contentsOfFile: locked, encoding: .utf8).components(separatedBy: "\n").map { line in
            if let match = line.firstMatch(of: /<Weight_Percentage>([\d.]+)<\/Weight_Percentage>/) {
                weight = Double(match.output.1) ?? 100
            } else if line.contains("<Active>true</Active>") && weight < 100 {
                return line.replacingOccurrences(of: "<Active>true</Active>", with: "<Active>false</Active>")
            } else if line.contains("</Constraint") {
                weight = 100
            }
            return line
        }.joined(separator: "\n")
        #expect(hardOnly.contains("<Active>false</Active>"), "this school has soft rules to switch off")
        try hardOnly.write(toFile: judged, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [
            "600", "/usr/bin/fet-cl", "--inputfile=\(judged)", "--outputdir=\(folder)/out", "--timelimitseconds=300",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let result = try String(contentsOfFile: folder + "/out/logs/result.txt", encoding: .utf8)
        #expect(result.contains("Simulation successful"), "\(result)")
    }

    @Test("--into goes with --to fet")
    func misuse() throws {
        let result = try runFlexplan(["export", "plan.json", "--to", "csv", "--into", "x.fet", "-o", "out"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--into goes with --to fet"))
    }
}

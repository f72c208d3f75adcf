import Foundation
import Testing

@testable import flexplan

/// The built `flexplan` binary (it sits beside the test bundle).
func flexplanExecutable() -> URL {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let binary = products.appendingPathComponent("flexplan")
    if FileManager.default.fileExists(atPath: binary.path) { return binary }
    return Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("flexplan")
}

/// Runs the built `flexplan` binary.
func runFlexplan(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = flexplanExecutable()
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

func fixture(_ name: String) throws -> String {
    try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)).path
}

@Suite("flexplan lp solve")
struct LPSolveCommandTests {
    @Test("parses its options")
    func parsing() throws {
        let command = try #require(
            try FlexPlan.parseAsRoot(["lp", "solve", "model.lp", "--max", "--time-limit", "2.5", "--format", "json"])
                as? LPSolve)
        #expect(command.file == "model.lp")
        #expect(command.max)
        #expect(command.timeLimit == 2.5)
        #expect(command.format == .json)
        #expect(throws: (any Error).self) { try FlexPlan.parseAsRoot(["lp", "solve", "model.txt"]) }
        #expect(throws: (any Error).self) { try FlexPlan.parseAsRoot(["lp", "solve", "m.lp", "--time-limit", "0"]) }
    }

    @Test("prints the contract's JSON keys with the fixture's optimum")
    func json() throws {
        let result = try runFlexplan(["lp", "solve", fixture("production.lp"), "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["status", "objective", "bound", "gap", "seconds", "nodes", "iterations"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["status"] as? String == "optimal")
        let objective = try #require(object["objective"] as? Double)
        #expect(abs(objective - 11) <= 1e-6)
        #expect(object["gap"] as? Double == 0)
    }

    @Test("a MIP fixture: optimum 8, gap 0")
    func mip() throws {
        let result = try runFlexplan(["lp", "solve", fixture("covering.lp"), "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "optimal")
        #expect(abs(try #require(object["objective"] as? Double) - 8) <= 1e-6)
        #expect(object["gap"] as? Double == 0)
    }

    @Test("exit 1 for an infeasible model, 2 for a missing or malformed file")
    func exitCodes() throws {
        let infeasible = try runFlexplan(["lp", "solve", fixture("infeasible.lp"), "--format", "json"])
        #expect(infeasible.status == 1)
        #expect(infeasible.stdout.contains("\"status\":\"infeasible\""))
        let missing = try runFlexplan(["lp", "solve", "/nonexistent/model.lp"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/model.lp"))
        let malformed = FileManager.default.temporaryDirectory.appendingPathComponent("malformed-\(UUID()).lp")
        try "Minimize\n obj: x +\nSubject To\n c: x >= \nEnd\n".write(to: malformed, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: malformed) }
        let bad = try runFlexplan(["lp", "solve", malformed.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(malformed.lastPathComponent))
        let usage = try runFlexplan(["lp", "solve"])
        #expect(usage.status == 2)
    }

    @Test("--version prints the version")
    func version() throws {
        let result = try runFlexplan(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(FlexPlan.version))
    }
}

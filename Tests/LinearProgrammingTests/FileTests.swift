import Foundation
import Testing

@testable import LinearProgramming

@Suite("LP and MPS files")
struct FileTests {
    static let cases: [(String, Double)] = [
        ("production.lp", 11), ("fractional.lp", 4), ("covering.lp", 8), ("assignment-5x30.lp", 539),
    ]

    @Test(
        "write → read → solve keeps the optimum, for minimize and maximize",
        arguments: ModelFileFormat.allCases, [0, 1, 2, 3])
    func roundTrip(format: ModelFileFormat, index: Int) throws {
        let (name, optimum) = Self.cases[index]
        let model = try loadFixture(name)
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("roundtrip-\(UUID().uuidString).\(format.rawValue)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.write(to: path, format: format)
        let read = try Model(contentsOf: path, format: format)
        #expect(read.sense == model.sense)
        #expect(read.variableCount == model.variableCount)
        #expect(read.constraintCount == model.constraintCount)
        #expect(read.nonzeroCount == model.nonzeroCount)
        #expect(read.isMixedInteger == model.isMixedInteger)
        let solution = try read.solve()
        #expect(solution.status == .optimal)
        #expect(close(solution.objective, optimum))
    }

    @Test("a maximize MPS carries its sense in a comment other tools ignore")
    func mpsSenseComment() throws {
        let model = try loadFixture("production.lp")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sense-\(UUID()).mps").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.write(to: path, format: .mps)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("* OBJSENSE MAX\n"))
        #expect(!text.contains("\nOBJSENSE"))
    }

    @Test("an OBJSENSE section, as CBC and HiGHS write it, is read and stripped")
    func objsenseSection() throws {
        let mps = """
            NAME          tiny
            OBJSENSE
                MAX
            ROWS
             N  obj
             L  cap
            COLUMNS
                x         obj       1.0          cap       1.0
            RHS
                rhs       cap       5.0
            ENDATA

            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("objsense-\(UUID()).mps").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try mps.write(toFile: path, atomically: true, encoding: .utf8)
        let model = try Model(contentsOf: path, format: .mps)
        #expect(model.sense == .maximize)
        #expect(close(try model.solve().objective, 5))
    }

    @Test("a malformed file names the file and line")
    func malformed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).lp").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "Minimize\n obj: x +\nSubject To\n c: x >= \nEnd\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = linearProgrammingError { _ = try Model(contentsOf: path, format: .lp) }
        guard case .fileError(let reported, let message) = error else {
            Issue.record("expected fileError, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
        #expect(message.contains(":"))
        #expect(linearProgrammingError { _ = try Model(contentsOf: "/nonexistent.lp", format: .lp) } != nil)
    }

    @Test("duplicate names are refused before writing")
    func duplicateNames() throws {
        var model = Model()
        let x = try model.addVariable("x")
        _ = try model.addVariable("x")
        try model.minimize(LinearExpression(x))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dup-\(UUID()).lp").path
        #expect(linearProgrammingError { try model.write(to: path, format: .lp) } != nil)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

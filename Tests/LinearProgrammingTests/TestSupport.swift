import Foundation
import LinearProgramming
import Testing

/// Path of a committed fixture.
func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    return url.path
}

/// Reads a committed LP fixture.
func loadFixture(_ name: String) throws -> Model {
    try Model(contentsOf: fixture(name), format: ModelFileFormat(path: name)!)
}

/// `a ≈ b` within GLPK's tolerances.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-6) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

/// The error a throwing call raised, as a `LinearProgrammingError`.
func linearProgrammingError(_ body: () throws -> Void) -> LinearProgrammingError? {
    do {
        try body()
        return nil
    } catch {
        return error as? LinearProgrammingError
    }
}

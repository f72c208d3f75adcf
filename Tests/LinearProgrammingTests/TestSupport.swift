import Foundation
import LinearProgramming
import Synchronization
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

/// Runs `body` on a new thread (with a stack big enough for GLPK) and waits for it.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
    let result = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        let outcome = Result { try body() }
        result.withLock { $0 = outcome }
        done.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    done.wait()
    return try result.withLock { $0! }.get()
}

/// Polls `condition` until it holds or `timeout` seconds pass.
func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.005)
    }
    return condition()
}

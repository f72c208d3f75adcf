import Foundation
import Synchronization
import Testing

@testable import LinearProgramming

/// Run under ThreadSanitizer too: `swift test --sanitize=thread --filter ConcurrencyTests`.
@Suite("Concurrent solves")
struct ConcurrencyTests {
    @Test("eight solves that overlap in time give identical results")
    func eightOverlappingSolves() throws {
        let model = try loadFixture("assignment-5x30.lp")
        let reference = try model.solve()
        let count = 8
        // Locked boxes (NSLock, a pthread mutex ThreadSanitizer follows; with Synchronization's
        // futex-based Mutex it reported an access race here now and then).
        let inside = LockedBox(0)  // solves currently inside GLPK's search
        let allMet = LockedBox(0)  // solves that saw all eight inside at once
        let results = LockedBox([Solution?](repeating: nil, count: count))
        let done = DispatchSemaphore(value: 0)
        for index in 0..<count {
            let thread = Thread {
                let entered = LockedBox(false)
                var options = SolveOptions()
                // At its first progress report each solve waits until all eight are inside
                // branch-and-cut at the same time (600 s: a hang guard, not a timing; a busy
                // machine only makes the wait longer).
                options.progress = { _ in
                    guard
                        !entered.withLock({
                            let was = $0; $0 = true; return was
                        })
                    else { return }
                    inside.withLock { $0 += 1 }
                    if waitUntil(timeout: 600, { inside.withLock { $0 } == count }) {
                        allMet.withLock { $0 += 1 }
                    }
                }
                let solution = try? model.solve(options)
                results.withLock { $0[index] = solution }
                done.signal()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        for _ in 0..<count { done.wait() }
        #expect(allMet.withLock { $0 } == count)
        let solutions = results.withLock { $0 }
        for solution in solutions {
            let solution = try #require(solution)
            #expect(solution.status == .optimal)
            #expect(solution.objective == reference.objective)
            #expect(solution.values == reference.values)
        }
    }

    @Test("solveAll solves on worker threads and keeps the order")
    func solveAll() throws {
        let models = try ["production.lp", "covering.lp", "fractional.lp", "assignment-5x30.lp", "infeasible.lp"]
            .map(loadFixture)
        let results = Model.solveAll(models, threads: 3)
        let objectives = try results.map { try $0.get().objective }
        #expect(close(objectives[0], 11))
        #expect(close(objectives[1], 8))
        #expect(close(objectives[2], 4))
        #expect(close(objectives[3], 539))
        #expect(objectives[4] == nil)
        #expect(try results[4].get().status == .infeasible)
    }
}

/// A value behind an NSLock, shared between threads.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

import Foundation
import Synchronization
import Testing

@testable import LinearProgramming

@Suite("Progress and cancellation")
struct ProgressTests {
    @Test("progress reports incumbents that improve and bounds that stay below them")
    func progress() throws {
        let model = try loadFixture("assignment-8x40.lp")
        let events = Mutex<[SolveProgress]>([])
        var options = SolveOptions()
        options.nodeLimit = 2_000  // a deterministic limit: the same search on any machine
        options.feasibilityPump = true
        options.progress = { progress in events.withLock { $0.append(progress) } }
        let solution = try model.solve(options)
        let reported = events.withLock { $0 }
        #expect(!reported.isEmpty)
        let incumbents = reported.compactMap(\.incumbent)
        #expect(!incumbents.isEmpty)
        #expect(zip(incumbents, incumbents.dropFirst()).allSatisfy { $1 <= $0 + 1e-9 })
        for event in reported {
            if let incumbent = event.incumbent, let bound = event.bound { #expect(bound <= incumbent + 1e-6) }
            if let bound = event.bound { #expect(bound <= 715 + 1e-6) }
        }
        #expect(zip(reported, reported.dropFirst()).allSatisfy { $1.seconds >= $0.seconds })
        if let objective = solution.objective, let last = incumbents.last { #expect(objective <= last + 1e-9) }
    }

    @Test("cancelling from another thread stops the search and returns the incumbent")
    func cancellation() throws {
        let model = try loadFixture("assignment-8x40.lp")
        let token = CancellationToken()
        let lastIncumbent = Mutex<Double?>(nil)
        var options = SolveOptions()
        options.cancellation = token
        // The first incumbent holds the search until this thread has cancelled it: the search
        // cannot end on its own first, however fast or slow the machine.
        let sawIncumbent = DispatchSemaphore(value: 0)
        let cancelled = DispatchSemaphore(value: 0)
        let first = Mutex(true)
        options.progress = { progress in
            guard let incumbent = progress.incumbent else { return }
            lastIncumbent.withLock { $0 = incumbent }
            if first.withLock({ isFirst in
                defer { isFirst = false }; return isFirst
            }) {
                sawIncumbent.signal()
                cancelled.wait()
            }
        }
        let solveOptions = options
        let result = Mutex<Result<Solution, any Error>?>(nil)
        let thread = Thread {
            let outcome = Result { try model.solve(solveOptions) }
            result.withLock { $0 = outcome }
        }
        thread.stackSize = 16 << 20
        thread.start()
        // The waits are hang guards, not timings.
        try #require(sawIncumbent.wait(timeout: .now() + 600) == .success, "no incumbent: a hang")
        token.cancel()
        cancelled.signal()
        #expect(token.isCancelled)
        try #require(waitUntil(timeout: 600) { result.withLock { $0 } != nil }, "not stopped: a hang")
        let solution = try #require(result.withLock { $0 }).get()
        #expect(solution.stopReason == .interrupted)
        #expect(solution.status == .feasible)
        let objective = try #require(solution.objective)
        let reported = try #require(lastIncumbent.withLock { $0 })
        #expect(objective <= reported + 1e-9)
        #expect(objective >= 715 - 1e-6)
        #expect(solution.values.count == model.variableCount)
    }

    @Test("a token cancelled before the solve stops it at once")
    func cancelledBeforehand() throws {
        let model = try loadFixture("assignment-8x40.lp")
        var options = SolveOptions()
        options.cancellation = CancellationToken()
        options.cancellation?.cancel()
        let solution = try model.solve(options)
        #expect(solution.stopReason == .interrupted)
        #expect(!solution.hasValues)
    }
}

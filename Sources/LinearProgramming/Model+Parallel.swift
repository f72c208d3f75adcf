import Foundation
import Synchronization

extension Model {
    /// Solves independent models at the same time, each on a thread of its own.
    ///
    /// GLPK keeps its environment per thread, so every model gets its own GLPK problem,
    /// created, solved and freed on one worker thread. Results come back in the order of
    /// `models`; a solve that throws yields its error, not a crash of the others.
    ///
    /// - Parameters:
    ///   - threads: worker threads (at most one per model); defaults to the core count.
    ///   - options: the options of every solve; a `progress` or `log` closure is called from
    ///     several threads at once.
    ///   - warmStarts: nil, or for each model nil or a feasible MIP solution to start from
    ///     (see ``solve(_:warmStart:)``).
    public static func solveAll(
        _ models: [Model], options: SolveOptions = SolveOptions(),
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, warmStarts: [[Double]?]? = nil
    ) -> [Result<Solution, any Error>] {
        let workerCount = max(1, min(threads, models.count))
        let next = Mutex(0)
        let results = Mutex([Result<Solution, any Error>?](repeating: nil, count: models.count))
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<workerCount {
            let worker = Thread {
                while true {
                    let index: Int = next.withLock { value in
                        defer { value += 1 }
                        return value
                    }
                    guard index < models.count else { break }
                    let result = Result {
                        if let warmStart = warmStarts?[index] {
                            try models[index].solve(options, warmStart: warmStart)
                        } else {
                            try models[index].solve(options)
                        }
                    }
                    results.withLock { $0[index] = result }
                }
                finished.signal()
            }
            // GLPK's branch-and-cut recurses deeper than a default secondary thread allows.
            worker.stackSize = 16 << 20
            worker.start()
        }
        for _ in 0..<workerCount { finished.wait() }
        return results.withLock { $0.map { $0! } }
    }
}

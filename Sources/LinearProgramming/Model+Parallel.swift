import Foundation

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
        let queue = WorkQueue(count: models.count)
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<workerCount {
            let worker = Thread {
                while let index = queue.take() {
                    let result = Result {
                        if let warmStart = warmStarts?[index] {
                            try models[index].solve(options, warmStart: warmStart)
                        } else {
                            try models[index].solve(options)
                        }
                    }
                    queue.put(result, at: index)
                }
                GLPKEnvironment.releaseForCurrentThread()
                finished.signal()
            }
            // GLPK's branch-and-cut recurses deeper than a default secondary thread allows.
            worker.stackSize = 16 << 20
            worker.start()
        }
        for _ in 0..<workerCount { finished.wait() }
        return queue.results
    }
}

/// The shared state of ``Model/solveAll(_:options:threads:warmStarts:)``: the next model to
/// take and the results so far, behind an `NSLock` (a pthread mutex, which ThreadSanitizer
/// understands; it reported the futex-based `Synchronization.Mutex` as a race).
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result<Solution, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next model's position, or nil when every model is taken.
    func take() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func put(_ result: Result<Solution, any Error>, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    /// Every result, once all workers are done.
    var results: [Result<Solution, any Error>] { lock.withLock { slots.map { $0! } } }
}

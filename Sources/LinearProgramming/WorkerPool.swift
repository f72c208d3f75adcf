import Foundation

/// Independent jobs that solve models, run side by side on worker threads: the one pool of
/// FlexPlan (``Model/solveAll(_:options:threads:warmStarts:)``, a scenario sweep's variants, a
/// search round's parts).
///
/// GLPK keeps its environment per thread, so a job creates, solves and frees its problems on
/// its worker; each worker frees its thread's GLPK environment before it ends (otherwise it
/// leaks), and runs on a 16 MB stack (GLPK's branch-and-cut recurses deeper than a default
/// secondary thread allows).
public enum WorkerPool {
    /// `job(index)` for every index in `0..<count`, on at most `threads` worker threads;
    /// the results in index order. `finished(done, count)` is called (from a worker) after
    /// each job.
    public static func map<Output: Sendable>(
        _ count: Int, threads: Int, finished: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        _ job: @escaping @Sendable (Int) -> Output
    ) -> [Output] {
        guard count > 0 else { return [] }
        let queue = WorkQueue<Output>(count: count)
        let workerCount = max(1, min(threads, count))
        let ended = DispatchSemaphore(value: 0)
        for _ in 0..<workerCount {
            let worker = Thread {
                while let index = queue.take() {
                    let done = queue.put(job(index), at: index)
                    finished?(done, count)
                }
                GLPKEnvironment.releaseForCurrentThread()
                ended.signal()
            }
            worker.stackSize = 16 << 20
            worker.start()
        }
        for _ in 0..<workerCount { ended.wait() }
        return queue.results
    }
}

/// The shared state of ``WorkerPool``: the next job to take and the results so far, behind an
/// `NSLock` (a pthread mutex, which ThreadSanitizer understands; it reported the futex-based
/// `Synchronization.Mutex` as a race).
private final class WorkQueue<Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    private var slots: [Output?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next job's index, or nil when every job is taken.
    func take() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Stores a result; returns how many jobs are done.
    func put(_ output: Output, at index: Int) -> Int {
        lock.withLock {
            slots[index] = output
            done += 1
            return done
        }
    }

    /// Every result, once all workers are done.
    var results: [Output] { lock.withLock { slots.map { $0! } } }
}

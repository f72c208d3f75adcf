import Foundation
import LinearProgramming
import SchoolModel

/// What one variant of a sweep came to.
public struct SweepOutcome: Sendable {
    /// The solve (nil when it threw; see `failure`).
    public var result: TimetableResult?
    /// The loading, for a school whose students have course requests.
    public var loading: LoadResult?
    /// Measured by the checkers (nil without a plan).
    public var metrics: PlanMetrics?
    /// The checker's verified team blocks, planning and soft scores of the plan.
    public var check: CheckReport?
    /// Wall-clock seconds of the variant: solve, check and loading.
    public var seconds: Double
    /// Why there is no plan, when the solve or loading failed.
    public var failure: String?
}

/// Solves the variants of a school side by side: one thread per variant at a time (each with
/// its own GLPK problems; GLPK keeps its environment per thread), each variant solved, checked,
/// loaded when its students have course requests, and measured — exactly as separate
/// `flexplan solve` (and `load`) runs with the same options would, so a sweep with
/// `iterations` gives the same plans as the separate runs.
public enum ScenarioSweep {
    public static func run(
        _ variants: [School], options: TimetableSolveOptions, load loadOptions: LoadOptions? = nil, threads: Int,
        progress: (@Sendable (_ finished: Int, _ total: Int) -> Void)? = nil
    ) -> [SweepOutcome] {
        WorkerPool.map(variants.count, threads: threads, finished: progress) { index in
            solve(variants[index], options: options, load: loadOptions)
        }
    }

    /// One variant: solve, check, load, measure.
    public static func solve(
        _ school: School, options: TimetableSolveOptions, load loadOptions: LoadOptions?
    )
        -> SweepOutcome
    {
        let started = Date()
        var outcome = SweepOutcome(seconds: 0)
        do {
            let verified = try VerifiedSolve.run(school, options: options)
            let result = verified.result
            outcome.result = result
            guard let check = verified.check else {
                outcome.failure = "no plan (\(result.status.rawValue), \(result.stopReason.rawValue))"
                outcome.seconds = Date().timeIntervalSince(started)
                return outcome
            }
            outcome.check = check
            var sections: [SectionAssignment]?
            if let loadOptions, (school.students ?? []).contains(where: { !($0.requests ?? []).isEmpty }) {
                let loading = try StudentLoader.load(school, placements: result.placements, options: loadOptions)
                outcome.loading = loading
                sections = loading.assignments
            }
            outcome.metrics = PlanMetrics(
                school: school, placements: result.placements, teams: check.teams, sections: sections,
                objective: result.objective, bound: result.bound)
        } catch {
            outcome.failure = "\(error)"
        }
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }
}

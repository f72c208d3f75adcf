import Foundation
import LinearProgramming

/// Once no rule is broken: a tabu walk on the soft penalty that never breaks a rule. Each step
/// takes a lesson at random and makes the cheapest move of it (to another start, alone or with
/// its Kempe chain) that keeps every counted rule, even when it costs more: the starts left are
/// tabu for a while, so the walk leaves local minima; the best plan is kept.
extension LocalSearch {
    /// Runs penalty steps until `steps` steps, the deadline, the token, or a stall (no better
    /// plan in ``penaltyStall`` steps per lesson); returns whether the best plan's penalty fell.
    @discardableResult
    func reducePenalties(
        steps limit: Int?, deadline: Date?, cancellation: CancellationToken?,
        progress: ((LocalSearch) -> Void)? = nil
    ) -> Bool {
        guard isFeasible, loose.isEmpty else { return false }
        let initial = best.soft
        let stall = Self.penaltyStall * problem.lessons.count
        var (tick, lastBest, bestAt) = (0, best.soft, 0)
        while true {
            if let limit, tick >= limit { break }
            if tick - bestAt >= stall || best.soft <= 1e-9 { break }
            tick += 1
            if tick % 256 == 0 {
                if let deadline, Date() >= deadline { break }
                if cancellation?.isCancelled == true { break }
                if tick % 2048 == 0 { progress?(self) }
            }
            penaltyStep()
            if best.soft < lastBest - 1e-9 { (lastBest, bestAt) = (best.soft, tick) }
        }
        return best.soft < initial - 1e-9
    }

    /// Steps per lesson without a better plan after which the walk ends.
    static let penaltyStall = 20

    /// One step of the walk.
    func penaltyStep() {
        statistics.steps += 1
        let lesson = random.int(in: 0...(problem.lessons.count - 1))
        let starts = problem.lessons[lesson].starts
        guard starts.count > 1 else { return }
        let current = position[lesson]
        var chosen: (chain: [(lesson: Int, position: Int)], change: Change)?
        var ties = 0
        for target in starts.indices where target != current {
            var chain = [(lesson: lesson, position: target)]
            var change = delta(lesson, to: target)
            if change.hard >= 0.5 {
                // A single move breaks a rule: the Kempe chain may not.
                guard let kempe = kempeChain(lesson, to: target), kempe.count > 1 else { continue }
                chain = kempe
                change = delta(of: kempe)
                guard change.hard < 0.5 else { continue }
            }
            let tabu = chain.contains { tabuUntil[startColumn[$0.lesson][$0.position]] > statistics.steps }
            if tabu && soft + change.soft >= best.soft - 1e-9 { continue }
            if chosen == nil || change.soft < chosen!.change.soft - 1e-9 {
                chosen = (chain, change)
                ties = 1
            } else if change.soft <= chosen!.change.soft + 1e-9 {
                ties += 1
                if random.int(in: 1...ties) == 1 { chosen = (chain, change) }
            }
        }
        guard let chosen else { return }
        for link in chosen.chain {
            let from = position[link.lesson]
            move(link.lesson, to: link.position)
            tabuUntil[startColumn[link.lesson][from]] = statistics.steps + 10 + random.int(in: 0...9)
        }
    }
}

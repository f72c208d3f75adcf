import SchoolModel

/// Kempe chains: to move a lesson from its start to another, the lessons at the other start that
/// share a teacher or cohort with it move to its start, those that then share one with them at
/// the first start move across too, and so on. In a week where every cohort is busy every
/// period, the chain keeps each teacher and cohort in one place at a time where a single move
/// cannot.
extension LocalSearch {
    /// Longest chain followed.
    static let kempeChainLimit = 16

    /// The chain of moving `lesson` to start position `target`: each lesson with the start
    /// position it takes. Nil when a lesson of the chain has another length, does not start at
    /// one of the two slots, cannot start at the other, or the chain grows too long.
    func kempeChain(_ lesson: Int, to target: Int) -> [(lesson: Int, position: Int)]? {
        let from = position[lesson]
        guard from >= 0, target != from else { return nil }
        let starts = problem.lessons[lesson].starts
        let (a, b) = (starts[from], starts[target])
        let duration = problem.lessons[lesson].duration
        var chain: [(lesson: Int, position: Int)] = []
        var queued = [lesson]
        var next = 0
        while next < queued.count {
            let member = queued[next]
            next += 1
            let here = problem.lessons[member].starts[position[member]]
            let there = here == a ? b : a
            let moved = positionAt[member][there.day * slotsPerDay + there.period]
            guard moved >= 0 else { return nil }
            chain.append((member, moved))
            for other in neighbours[member] where position[other] >= 0 && !queued.contains(other) {
                let start = problem.lessons[other].starts[position[other]]
                let length = problem.lessons[other].duration
                guard start.day == there.day, start.period < there.period + duration,
                    there.period < start.period + length
                else { continue }
                guard start == there, length == duration else { return nil }
                queued.append(other)
                if queued.count > Self.kempeChainLimit { return nil }
            }
        }
        return chain
    }
}

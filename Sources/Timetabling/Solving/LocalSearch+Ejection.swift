import Foundation
import LinearProgramming
import SchoolModel

/// FET-style placement by ejection: lessons are unplaced rather than left in conflict; each step
/// places one unplaced lesson at the start where it displaces least, unplacing what then stands
/// in its way (never more than a few lessons), and the unplaced lessons wait their turn. A lesson
/// unplaced often weighs more (its "once" row's weight grows), so the lessons hardest to place
/// are placed first and displaced last; a displaced lesson may not go back where it was for a
/// while (a tabu on the lesson's start).
///
/// Where the min-conflicts steps stall on a few clashes of long lessons in full weeks (a
/// two-period lesson cannot swap with a three-period one), this walk moves whole chains: the
/// lesson displaced makes room by displacing another.
extension LocalSearch {
    /// A lesson displaced by a placement, and where it was.
    struct Eviction {
        var lesson: Int
        var from: Int
    }

    /// Unplaces lessons until no broken rule that unplacing can mend is left; returns how
    /// many it unplaced.
    @discardableResult
    func ejectBroken() -> Int {
        var evicted: [Eviction] = []
        for item in conflicts.elements where !isOnceRow(item) {
            _ = evict(item, downTo: 0, keeping: -1, into: &evicted)
        }
        for eviction in evicted { strengthenOnce(eviction.lesson) }
        return evicted.count
    }

    /// Places unplaced lessons by ejection for at most `placements` steps, or until every
    /// lesson is placed (the rules no lesson's removal mends may still be broken then).
    func placeByEjection(
        placements: Int, deadline: Date?, cancellation: CancellationToken?,
        progress: ((LocalSearch) -> Void)? = nil
    ) {
        for placement in 0..<placements {
            if loose.isEmpty { return }
            if placement % 64 == 0 {
                if let deadline, Date() >= deadline { return }
                if cancellation?.isCancelled == true { return }
                if placement % 1024 == 0 { progress?(self) }
            }
            statistics.steps += 1
            let lesson = nextToPlace()
            guard let target = leastDisplacing(lesson) else {
                // Nowhere to go now (every start tabu or unmendable): it weighs more, so it
                // comes first again after the others moved.
                strengthenOnce(lesson)
                continue
            }
            guard let placed = placeEvicting(lesson, at: target, limit: Self.evictionLimit) else { continue }
            for eviction in placed.evicted {
                tabuUntil[startColumn[eviction.lesson][eviction.from]] =
                    statistics.steps + Self.evictionTenure + random.int(in: 0...Self.evictionTenure)
                strengthenOnce(eviction.lesson)
            }
        }
    }

    /// At most this many lessons displaced by one placement.
    static let evictionLimit = 4
    /// Placements for which a displaced lesson may not go back to its start (plus up to as many
    /// again at random).
    static let evictionTenure = 8

    /// The unplaced lesson to place next: the heaviest (most often displaced) half the time,
    /// one at random otherwise; ties to the one with fewest starts.
    private func nextToPlace() -> Int {
        let lessons = loose.elements
        if random.chance(0.5) { return lessons[random.int(in: 0...(lessons.count - 1))] }
        var chosen = lessons[0]
        for lesson in lessons.dropFirst() {
            let (a, b) = (weight(of: lesson), weight(of: chosen))
            if a > b || (a == b && problem.lessons[lesson].starts.count < problem.lessons[chosen].starts.count) {
                chosen = lesson
            }
        }
        return chosen
    }

    private func weight(of lesson: Int) -> Double { onceRow[lesson] >= 0 ? itemWeight[onceRow[lesson]] : 1 }

    /// The lesson's "once" row weighs one more: it is placed sooner and displaced later.
    private func strengthenOnce(_ lesson: Int) {
        if onceRow[lesson] >= 0 { strengthen(onceRow[lesson]) }
    }

    /// The start of `lesson` (not tabu) whose placement, with what it displaces, costs least
    /// (ties at random).
    private func leastDisplacing(_ lesson: Int) -> Int? {
        var chosen: (target: Int, change: Double)?
        var ties = 0
        let made = statistics.made
        for target in problem.lessons[lesson].starts.indices
        where tabuUntil[startColumn[lesson][target]] <= statistics.steps {
            guard let placed = placeEvicting(lesson, at: target, limit: Self.evictionLimit) else { continue }
            undo(lesson, placed.evicted)
            if chosen == nil || placed.change < chosen!.change - 1e-9 {
                chosen = (target, placed.change)
                ties = 1
            } else if placed.change <= chosen!.change + 1e-9 {
                ties += 1
                if random.int(in: 1...ties) == 1 { chosen = (target, placed.change) }
            }
        }
        statistics.made = made
        return chosen?.target
    }

    /// Places `lesson` at `target` and unplaces what then breaks a rule the placement made
    /// worse: the weighted change and the lessons displaced; nil (and nothing changed) when
    /// more than `limit` would go, or a rule made worse cannot be mended by unplacing.
    private func placeEvicting(_ lesson: Int, at target: Int, limit: Int) -> (change: Double, evicted: [Eviction])? {
        let before = weighted
        move(lesson, to: target)
        let pending = worsened
        var evicted: [Eviction] = []
        for (item, level) in pending {
            guard evict(item, downTo: level, keeping: lesson, into: &evicted), evicted.count <= limit else {
                undo(lesson, evicted)
                return nil
            }
        }
        return (weighted - before, evicted)
    }

    /// Puts `lesson` back among the unplaced and the displaced lessons back where they were.
    private func undo(_ lesson: Int, _ evicted: [Eviction]) {
        move(lesson, to: -1)
        for eviction in evicted.reversed() { move(eviction.lesson, to: eviction.from) }
    }

    /// Unplaces lessons of `item` (never `keep`, nor a lesson with a single start), the one
    /// whose removal costs least first, until its violation is at most `level`; false when no
    /// removal lowers it.
    private func evict(_ item: Int, downTo level: Double, keeping keep: Int, into evicted: inout [Eviction]) -> Bool {
        while violation(ofItem: item) > level + 1e-9 {
            var chosen: (lesson: Int, change: Double)?
            for lesson in candidates(of: item)
            where lesson != keep && position[lesson] >= 0 && problem.lessons[lesson].starts.count > 1 {
                let change = delta(lesson, to: -1).weighted
                if chosen == nil || change < chosen!.change { chosen = (lesson, change) }
            }
            guard let chosen else { return false }
            let before = violation(ofItem: item)
            let from = position[chosen.lesson]
            move(chosen.lesson, to: -1)
            guard violation(ofItem: item) < before - 1e-9 else {
                move(chosen.lesson, to: from)
                return false
            }
            evicted.append(Eviction(lesson: chosen.lesson, from: from))
        }
        return true
    }
}

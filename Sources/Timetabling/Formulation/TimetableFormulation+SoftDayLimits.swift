import LinearProgramming
import SchoolModel

extension TimetableFormulation {
    /// Soft day limits, for each teacher named and each leaf cohort inside a cohort named: a
    /// binary per day that a day busy in more than `maxPeriodsPerDay` periods switches on
    /// (`busy − max ≤ (n − max) · over`, n the periods the day can hold), and per run of
    /// teaching periods the runs longer than `maxConsecutive` (below), each at the weight; with
    /// a tag, over the lessons with the tag only.
    mutating func addSoftDayLimits() throws {
        for limit in problem.school.softDayLimits ?? [] {
            let tagged = limit.tag.map { tag in
                Set(problem.lessons.indices.filter { problem.lessons[$0].activity.tags?.contains(tag) == true })
            }
            for whole in covers(teachers: limit.teachers, cohorts: limit.cohorts) {
                let cover = tagged.map { only(whole, lessons: $0) } ?? whole
                for (day, sequence) in daySequences.enumerated() {
                    if let maximum = limit.maxPeriodsPerDay {
                        let slots = sequence.filter { cover[$0] != nil }
                        if slots.count > maximum {
                            let over = try model.addBinary()
                            let total = sum(slots.map { busy(cover, $0) })
                            try model.add(total - Double(slots.count - maximum) * over <= Double(maximum))
                            objectiveTerms.add(limit.weight, over)
                        }
                    }
                    if let maximum = limit.maxConsecutive {
                        for run in teachingRuns(day) where run.count > maximum {
                            try addLongRuns(run, cover: cover, maximum: maximum, weight: limit.weight)
                        }
                    }
                }
            }
        }
    }

    /// Runs longer than `maximum` inside one run of teaching periods: `full(k)` is 1 exactly
    /// when the k-th window of `maximum + 1` periods is busy throughout (at least its busy
    /// count minus `maximum`, at most each period's busy), and a run begins where a full
    /// window follows one that is not (`begins(k) ≥ full(k) − full(k − 1)`), at the weight.
    private mutating func addLongRuns(_ run: [Slot], cover: [Slot: [Variable]], maximum: Int, weight: Double) throws {
        var previous: Variable?
        for start in 0...(run.count - maximum - 1) {
            let window = Array(run[start...(start + maximum)])
            guard window.allSatisfy({ cover[$0] != nil }) else {
                previous = nil
                continue
            }
            let full = try model.addVariable(upperBound: 1)
            try model.add(LinearExpression(full) - sum(window.map { busy(cover, $0) }) >= -Double(maximum))
            for slot in window { try model.add(LinearExpression(full) - busy(cover, slot) <= 0) }
            let begins = try model.addVariable(upperBound: 1)
            if let previous {
                try model.add(begins - full + previous >= 0)
            } else {
                try model.add(begins - full >= 0)
            }
            objectiveTerms.add(weight, begins)
            previous = full
        }
    }
}

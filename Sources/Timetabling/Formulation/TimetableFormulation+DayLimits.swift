import LinearProgramming
import SchoolModel

extension TimetableFormulation {
    /// Day limits, for each teacher named and each leaf cohort inside a cohort named: no two
    /// busy periods of a day further apart than the span allows (with a binary per day for the
    /// days that may span one more), and no busy period late in a day together with one early
    /// in the next that leave less rest than the minimum.
    mutating func addDayLimits() throws {
        for limit in problem.school.dayLimits ?? [] {
            for cover in covers(teachers: limit.teachers, cohorts: limit.cohorts) {
                if let span = limit.maxSpan {
                    try addMaxSpan(cover, span: span, exceptions: limit.maxSpanExceptions ?? 0)
                }
                if let rest = limit.minRest, rest > 0 {
                    try addMinRest(cover, rest: rest, circular: limit.minRestCircular == true)
                }
                if let maximum = limit.maxIntervalDays { try addIntervalDays(cover, limit: limit, maximum: maximum) }
            }
        }
    }

    /// The busy teaching slots of `cover` on `day`, in period order.
    private func busySlots(_ cover: [Slot: [Variable]], day: Int) -> [Slot] {
        daySequences[day].filter { cover[$0] != nil }
    }

    private mutating func addMaxSpan(_ cover: [Slot: [Variable]], span: Int, exceptions: Int) throws {
        var allowances = LinearExpression()
        for day in daySequences.indices {
            let slots = busySlots(cover, day: day)
            var allowance: Variable?
            for (position, first) in slots.enumerated() {
                for last in slots[(position + 1)...] where last.period - first.period + 1 > span {
                    let pair = busy(cover, first) + busy(cover, last)
                    if last.period - first.period + 1 == span + 1 && exceptions > 0 {
                        if allowance == nil {
                            allowance = try model.addBinary()
                            allowances += allowance!
                        }
                        try model.add(pair - allowance! <= 1)
                    } else {
                        try model.add(pair <= 1)
                    }
                }
            }
        }
        if allowances.termCount > exceptions { try model.add(allowances <= Double(exceptions)) }
    }

    /// A binary per day that any busy period in the interval switches on; at most `maximum`.
    private mutating func addIntervalDays(_ cover: [Slot: [Variable]], limit: DayLimit, maximum: Int) throws {
        var days = LinearExpression()
        for day in daySequences.indices {
            let inside = limit.interval(inDayOf: problem.school.timeGrid.periods(ofDay: day).map(\.id))
            let busyInside = sum(
                busySlots(cover, day: day).filter { inside.contains($0.period) }.flatMap { cover[$0]! })
            guard busyInside.termCount > 0 else { continue }
            let used = try model.addBinary()
            try model.add(busyInside - Double(busyInside.termCount) * used <= 0)
            days += used
        }
        if days.termCount > maximum {
            try addHard(LinearExpression(Double(maximum)) - days, atLeast: 0, penalty: options.unplacedPenalty)
        }
    }

    private mutating func addMinRest(_ cover: [Slot: [Variable]], rest: Int, circular: Bool) throws {
        let days = daySequences.count
        for day in 0..<(circular ? days : days - 1) where days > 1 {
            let next = (day + 1) % days
            let periods = problem.school.timeGrid.periods(ofDay: day).count
            for late in busySlots(cover, day: day) {
                for early in busySlots(cover, day: next) where (periods - 1 - late.period) + early.period < rest {
                    try model.add(busy(cover, late) + busy(cover, early) <= 1)
                }
            }
        }
    }
}

/// A period of one day, by position: the unit every formulation and check counts in.
public struct Slot: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Position of the day in ``TimeGrid/days``.
    public var day: Int
    /// Position of the period in that day's bell schedule.
    public var period: Int

    public init(day: Int, period: Int) {
        self.day = day
        self.period = period
    }

    public static func < (lhs: Slot, rhs: Slot) -> Bool { (lhs.day, lhs.period) < (rhs.day, rhs.period) }

    public var description: String { "\(day):\(period)" }
}

extension TimeGrid {
    /// The periods of the day at `dayIndex` (empty when its bell schedule is unknown).
    public func periods(ofDay dayIndex: Int) -> [Period] {
        let scheduleID = days[dayIndex].bellSchedule
        return bellSchedules.first { $0.id == scheduleID }?.periods ?? []
    }

    /// Every slot of the grid, day by day.
    public var allSlots: [Slot] {
        days.indices.flatMap { day in periods(ofDay: day).indices.map { Slot(day: day, period: $0) } }
    }

    /// The slots of a kind (teaching by default).
    public func slots(of kind: Period.Kind = .teaching) -> [Slot] {
        allSlots.filter { period(at: $0).resolvedKind == kind }
    }

    /// The period at a slot.
    public func period(at slot: Slot) -> Period { periods(ofDay: slot.day)[slot.period] }

    /// A slot as people write it: "day:period" by ids, e.g. "tue:flex".
    public func label(of slot: Slot) -> String { "\(days[slot.day].id):\(period(at: slot).id)" }

    /// The slots named by `timeSlots`; unknown days and periods are skipped (validation
    /// reports them).
    public func slots(in timeSlots: [TimeSlots]) -> Set<Slot> {
        var result = Set<Slot>()
        for entry in timeSlots {
            guard let day = days.firstIndex(where: { $0.id == entry.day }) else { continue }
            let periods = periods(ofDay: day)
            if let ids = entry.periods {
                for id in ids {
                    if let index = periods.firstIndex(where: { $0.id == id }) {
                        result.insert(Slot(day: day, period: index))
                    }
                }
            } else {
                for index in periods.indices { result.insert(Slot(day: day, period: index)) }
            }
        }
        return result
    }

    /// Runs of consecutive non-break periods of a day: the places where a contiguous block can lie.
    public func contiguousRuns(ofDay day: Int) -> [[Int]] {
        var runs: [[Int]] = []
        var current: [Int] = []
        for (index, period) in periods(ofDay: day).enumerated() {
            if period.resolvedKind == .break {
                if !current.isEmpty { runs.append(current) }
                current = []
            } else {
                current.append(index)
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}

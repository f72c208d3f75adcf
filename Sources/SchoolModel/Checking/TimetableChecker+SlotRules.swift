extension TimetableChecker {
    /// Slot rules: per selected period, how many of the rule's activities run in it.
    mutating func checkSlotRules(_ placed: [Placed]) {
        let grid = school.timeGrid
        for (index, rule) in (school.slotRules ?? []).enumerated() {
            let named = Set(rule.activities)
            let selected = grid.slots(in: rule.slots)
            var running: [Slot: [String]] = [:]
            for lesson in placed where named.contains(lesson.activity.id) {
                for period in lesson.periods where selected.contains(Slot(day: lesson.day, period: period)) {
                    running[Slot(day: lesson.day, period: period), default: []].append(lesson.activity.id)
                }
            }
            func name(_ slot: Slot) -> String {
                "\(grid.days[slot.day].id) \(grid.periods(ofDay: slot.day)[slot.period].id)"
            }
            let record = "slotRules[\(index)]"
            switch rule.kind {
            case .maxOccupied:
                if running.count > rule.count {
                    flag(
                        "slotRule.maxOccupied", [record] + Set(running.values.joined()).sorted(),
                        "slot rule \(index + 1): its activities occupy \(running.count) of the selected periods, above \(rule.count)"
                    )
                }
            case .maxSimultaneous:
                for slot in running.keys.sorted(by: { ($0.day, $0.period) < ($1.day, $1.period) })
                where running[slot]!.count > rule.count {
                    flag(
                        "slotRule.maxSimultaneous", [record] + running[slot]!.sorted(),
                        "slot rule \(index + 1): \(running[slot]!.count) of its activities at \(name(slot)), above \(rule.count)"
                    )
                }
            case .minSimultaneous:
                for slot in selected.sorted(by: { ($0.day, $0.period) < ($1.day, $1.period) }) {
                    let count = running[slot]?.count ?? 0
                    guard count < rule.count, !(count == 0 && rule.allowEmpty == true) else { continue }
                    flag(
                        "slotRule.minSimultaneous", [record] + (running[slot] ?? []).sorted(),
                        "slot rule \(index + 1): \(count) of its activities at \(name(slot)), below \(rule.count)")
                }
            }
        }
    }
}

import LinearProgramming
import SchoolModel

extension TimetableFormulation {
    /// Slot rules over the start variables that cover each selected period: an "occupied"
    /// binary per period for `maxOccupied`, a count per period for the simultaneous rules (a
    /// "not empty" binary when `allowEmpty`). In the elastic model a minimum may fall short at
    /// a penalty, since unplaced lessons count for nothing.
    mutating func addSlotRules() throws {
        for rule in problem.school.slotRules ?? [] {
            let named = Set(rule.activities)
            let members = problem.lessons.indices.filter { named.contains(problem.lessons[$0].activity.id) }
            guard !members.isEmpty else { continue }
            let selected = problem.school.timeGrid.slots(in: rule.slots).sorted {
                ($0.day, $0.period) < ($1.day, $1.period)
            }
            var cover: [(slot: Slot, variables: [Variable])] = []
            for slot in selected {
                let variables = members.flatMap { lessonCover[$0][slot] ?? [] }
                cover.append((slot, variables))
            }
            switch rule.kind {
            case .maxOccupied:
                var occupied = LinearExpression()
                for (_, variables) in cover where !variables.isEmpty {
                    let used = try model.addBinary()
                    try model.add(sum(variables) - Double(members.count) * used <= 0)
                    occupied += used
                }
                if occupied.termCount > rule.count {
                    try addHard(
                        LinearExpression(Double(rule.count)) - occupied, atLeast: 0, penalty: options.unplacedPenalty)
                }
            case .maxSimultaneous:
                for (_, variables) in cover where variables.count > rule.count {
                    try model.add(sum(variables) <= Double(rule.count))
                }
            case .minSimultaneous:
                guard rule.count > 0 else { continue }
                for (_, variables) in cover {
                    if rule.allowEmpty == true {
                        guard !variables.isEmpty else { continue }
                        let used = try model.addBinary()
                        try model.add(sum(variables) - Double(members.count) * used <= 0)
                        try addHard(
                            sum(variables) - Double(rule.count) * used, atLeast: 0, penalty: options.unplacedPenalty)
                    } else {
                        try addHard(sum(variables), atLeast: Double(rule.count), penalty: options.unplacedPenalty)
                    }
                }
            }
        }
    }
}

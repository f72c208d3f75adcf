import LinearProgramming
import SchoolModel

/// A possible team block: consecutive teaching periods of one day inside the team's windows,
/// at least the requirement's block length long.
public struct TeamBlockCandidate: Sendable, Hashable {
    public var team: Int
    public var slots: [Slot]
    public var minutes: Int
}

/// Teacher collaboration time. For each team with a requirement:
/// `common[s] ≤ 1 − busy[m, s]` for every member m (everyone free), one binary per possible
/// block `y[b] ≤ common[s]` for its periods, blocks of a team never overlap, and a teacher on
/// several teams is in at most one team block at a time. The minutes of the chosen blocks meet
/// the requirement (hard), or each missing minute costs the team's weight (soft; a missing
/// block below `minBlocks` counts as `minBlockMinutes` missing minutes). A booked meeting is one
/// chosen block no longer than `maxDirectedMinutes`. A teacher's individual planning minutes
/// are the free teaching minutes outside teaching and team blocks.
///
/// In the elastic model every hard team rule has a slack at a large penalty, so that the search
/// can start anywhere and is pushed to meet it.
extension TimetableFormulation {
    /// Penalty per missing minute of a hard team rule in the elastic model.
    var hardMinutePenalty: Double { options.unplacedPenalty / 10 }

    mutating func addTeamRules() throws {
        let teams = problem.school.teams ?? []
        let teacherIndex = Dictionary(
            problem.school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var teamsOfTeacher: [Int: [Int]] = [:]
        var blocksCovering: [Int: [Slot: [Variable]]] = [:]  // teacher → slot → block variables
        for (teamIndex, team) in teams.enumerated() {
            guard let requirement = team.collaboration else { continue }
            let members = team.members.compactMap { teacherIndex[$0] }
            for member in members { teamsOfTeacher[member, default: []].append(teamIndex) }
            let window = problem.window(of: requirement)
            let minimum = max(1, requirement.minBlockMinutes ?? 0)
            var common: [Slot: Variable] = [:]
            var candidates: [(TeamBlockCandidate, Variable)] = []
            for day in problem.grid.days.indices {
                for run in teachingRuns(day) {
                    let inside = run.split { !window.contains($0) }.map(Array.init)
                    for part in inside {
                        for first in part.indices {
                            var minutes = 0
                            for last in first..<part.count {
                                minutes += problem.grid.period(at: part[last]).minutes
                                guard minutes >= minimum else { continue }
                                let slots = Array(part[first...last])
                                let variable = try model.addBinary()
                                candidates.append(
                                    (TeamBlockCandidate(team: teamIndex, slots: slots, minutes: minutes), variable))
                                for slot in slots where common[slot] == nil {
                                    let free = try model.addBinary()
                                    common[slot] = free
                                    for member in members where !(teacherCover[member][slot] ?? []).isEmpty {
                                        try model.add(free + busy(teacherCover[member], slot) <= 1)
                                    }
                                }
                                for slot in slots { try model.add(variable - common[slot]! <= 0) }
                            }
                        }
                    }
                }
            }
            teamBlocks.append(contentsOf: candidates.map(\.0))
            teamBlockVariables.append(contentsOf: candidates.map(\.1))
            // Blocks of one team do not overlap.
            var perSlot: [Slot: [Variable]] = [:]
            for (candidate, variable) in candidates {
                for slot in candidate.slots {
                    perSlot[slot, default: []].append(variable)
                    for member in members { blocksCovering[member, default: [:]][slot, default: []].append(variable) }
                }
            }
            for slot in perSlot.keys.sorted() where perSlot[slot]!.count > 1 { try model.add(sum(perSlot[slot]!) <= 1) }
            var achieved = LinearExpression()
            for (candidate, variable) in candidates { achieved.add(Double(candidate.minutes), variable) }
            let count = sum(candidates.map(\.1))
            if let maximum = requirement.maxBlocks { try model.add(count <= Double(maximum)) }
            let required = Double(requirement.minutes)
            let minBlocks = Double(requirement.minBlocks ?? 0)
            if let weight = requirement.weight {
                let missing = try model.addVariable()
                try model.add(missing + achieved >= required)
                objectiveTerms.add(weight, missing)
                if minBlocks > 0 {
                    let missingBlocks = try model.addVariable()
                    try model.add(missingBlocks + count >= minBlocks)
                    objectiveTerms.add(weight * Double(requirement.minBlockMinutes ?? 0), missingBlocks)
                }
            } else {
                try addHard(achieved, atLeast: required, penalty: hardMinutePenalty)
                if minBlocks > 0 { try addHard(count, atLeast: minBlocks, penalty: options.unplacedPenalty) }
            }
            if requirement.meeting == true {
                let cap = requirement.maxDirectedMinutes ?? .max
                var meetings = LinearExpression()
                for (candidate, variable) in candidates where candidate.minutes <= cap {
                    let meeting = try model.addBinary()
                    try model.add(meeting - variable <= 0)
                    meetings += meeting
                    teamMeetingVariables.append((candidate, meeting))
                }
                try addHard(meetings, atLeast: 1, penalty: options.unplacedPenalty)
                if meetings.termCount > 1 { try model.add(meetings <= 1) }
            }
        }
        // A teacher on several teams is in one team block at a time.
        for (teacher, teamList) in teamsOfTeacher.sorted(by: { $0.key < $1.key }) where teamList.count > 1 {
            for (_, variables) in (blocksCovering[teacher] ?? [:]).sorted(by: { $0.key < $1.key })
            where variables.count > 1 {
                try model.add(sum(variables) <= 1)
            }
        }
        // Individual planning minutes: free teaching minutes outside team blocks.
        let totalMinutes = problem.teachingSlots.reduce(0) { $0 + problem.grid.period(at: $1).minutes }
        for (teacher, record) in problem.school.teachers.enumerated() {
            guard let planning = record.planningMinutes, planning > 0 else { continue }
            var used = LinearExpression()
            for slot in problem.teachingSlots.sorted() {
                used.add(busy(teacherCover[teacher], slot), times: Double(problem.grid.period(at: slot).minutes))
                for variable in blocksCovering[teacher]?[slot] ?? [] {
                    used.add(Double(problem.grid.period(at: slot).minutes), variable)
                }
            }
            // used ≤ total − planning, as: (total − planning) − used ≥ 0.
            try addHard(
                LinearExpression(Double(totalMinutes - planning)) - used, atLeast: 0, penalty: hardMinutePenalty)
        }
    }

    /// `expression ≥ bound`: a constraint, or in the elastic model a constraint with a
    /// penalized slack (recorded in `hardSlacks`).
    mutating func addHard(_ expression: LinearExpression, atLeast bound: Double, penalty: Double) throws {
        if options.elastic {
            let slack = try model.addVariable()
            hardSlacks.append(slack)
            objectiveTerms.add(penalty, slack)
            try model.add(expression + slack >= bound)
        } else {
            try model.add(expression >= bound)
        }
    }

    /// The team blocks chosen in a solution (values of every variable), with the meeting marked.
    public func chosenTeamBlocks(_ values: [Double]) -> [(block: TeamBlockCandidate, meeting: Bool)] {
        let meetings = Set(teamMeetingVariables.filter { values[$0.1.index] > 0.5 }.map(\.0))
        return zip(teamBlocks, teamBlockVariables).filter { values[$1.index] > 0.5 }.map {
            ($0.0, meetings.contains($0.0))
        }
    }
}

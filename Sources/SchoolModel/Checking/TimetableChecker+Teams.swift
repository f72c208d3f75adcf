/// Collaboration time: the plan's team blocks, verified one by one, then the requirements.
extension TimetableChecker {
    mutating func checkTeams(_ placed: [Placed]) {
        let grid = school.timeGrid
        // Busy periods per teacher: (day, period position).
        var busy: [String: Set<[Int]>] = [:]
        for lesson in placed {
            for teacher in lesson.activity.teachers {
                for period in lesson.periods { busy[teacher, default: []].insert([lesson.day, period]) }
            }
        }
        var blockPeriods: [String: Set<[Int]>] = [:]  // teacher → periods in valid team blocks
        let teamsByID = Dictionary((school.teams ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for claimed in teamBlocks where teamsByID[claimed.id]?.collaboration == nil {
            flag(
                "team.block", [claimed.id],
                "the plan gives blocks to '\(claimed.id)', which is no team with a requirement")
        }
        for team in school.teams ?? [] {
            guard let requirement = team.collaboration else { continue }
            let claimed = teamBlocks.first { $0.id == team.id }?.blocks ?? []
            let window = requirement.windows
            var valid: [TeamTime.Block] = []
            var used = Set<[Int]>()
            for block in claimed {
                let label = "\(block.day) \(block.periods.joined(separator: ","))"
                guard let day = grid.days.firstIndex(where: { $0.id == block.day }) else {
                    flag("team.block", [team.id], "team '\(team.id)' has a block on unknown day '\(block.day)'")
                    continue
                }
                let periods = grid.periods(ofDay: day)
                let positions = block.periods.map { id in periods.firstIndex { $0.id == id } }
                guard !positions.isEmpty, positions.allSatisfy({ $0 != nil }) else {
                    flag("team.block", [team.id], "team '\(team.id)' has a block at unknown periods (\(label))")
                    continue
                }
                let indices = positions.map { $0! }
                var problems: [String] = []
                if zip(indices, indices.dropFirst()).contains(where: { $1 != $0 + 1 })
                    || indices.contains(where: { periods[$0].resolvedKind != .teaching })
                {
                    problems.append("is not a run of back-to-back teaching periods")
                }
                if let window, !indices.allSatisfy({ isListed(window, day: day, period: $0) }) {
                    problems.append("leaves the team's windows")
                }
                let minutes = indices.reduce(0) { $0 + periods[$1].minutes }
                if minutes < (requirement.minBlockMinutes ?? 0) {
                    problems.append("is \(minutes) minutes, shorter than \(requirement.minBlockMinutes ?? 0)")
                }
                if minutes != block.minutes { problems.append("claims \(block.minutes) minutes but lasts \(minutes)") }
                for member in team.members {
                    if indices.contains(where: { busy[member]?.contains([day, $0]) == true }) {
                        problems.append("has teacher '\(member)' teaching")
                    }
                    if indices.contains(where: { blockPeriods[member]?.contains([day, $0]) == true }) {
                        problems.append("overlaps another team block of teacher '\(member)'")
                    }
                }
                if indices.contains(where: { used.contains([day, $0]) }) {
                    problems.append("overlaps another block of the team")
                }
                guard problems.isEmpty else {
                    flag(
                        "team.block", [team.id],
                        "team '\(team.id)': the block \(label) \(problems.joined(separator: "; "))")
                    continue
                }
                for index in indices { used.insert([day, index]) }
                valid.append(block)
            }
            for member in team.members {
                for key in used { blockPeriods[member, default: []].insert(key) }
            }
            let achieved = valid.reduce(0) { $0 + $1.minutes }
            teams.append(
                TeamTime(id: team.id, requiredMinutes: requirement.minutes, achievedMinutes: achieved, blocks: valid))
            let missingMinutes = max(0, requirement.minutes - achieved)
            let missingBlocks = max(0, (requirement.minBlocks ?? 0) - valid.count)
            if let weight = requirement.weight {
                score("teamTime", weight * Double(missingMinutes + missingBlocks * (requirement.minBlockMinutes ?? 0)))
            } else {
                if missingMinutes > 0 {
                    flag(
                        "team.minutes", [team.id],
                        "team '\(team.id)' has \(achieved) common minutes in blocks, \(requirement.minutes) required")
                }
                if missingBlocks > 0 {
                    flag(
                        "team.minBlocks", [team.id],
                        "team '\(team.id)' has \(valid.count) blocks, at least \(requirement.minBlocks ?? 0) required")
                }
            }
            if let maximum = requirement.maxBlocks, valid.count > maximum {
                flag(
                    "team.maxBlocks", [team.id],
                    "team '\(team.id)' has \(valid.count) blocks, at most \(maximum) allowed")
            }
            if requirement.meeting == true {
                let cap = requirement.maxDirectedMinutes ?? .max
                let meetings = valid.filter { $0.meeting == true }
                if meetings.count != 1 || meetings.contains(where: { $0.minutes > cap }) {
                    flag(
                        "team.meeting", [team.id],
                        "team '\(team.id)' needs one booked meeting of at most \(requirement.maxDirectedMinutes.map { "\($0)" } ?? "any") minutes in its blocks; the plan has \(meetings.count)"
                    )
                }
            }
        }
        // Individual planning: free teaching minutes outside lessons and team blocks.
        for teacher in school.teachers {
            guard let required = teacher.planningMinutes, required > 0 else { continue }
            var minutes = 0
            for day in grid.days.indices {
                for (index, period) in grid.periods(ofDay: day).enumerated() where period.resolvedKind == .teaching {
                    if busy[teacher.id]?.contains([day, index]) != true
                        && blockPeriods[teacher.id]?.contains([day, index]) != true
                    {
                        minutes += period.minutes
                    }
                }
            }
            planning.append(PlanningTime(teacher: teacher.id, requiredMinutes: required, minutes: minutes))
            if minutes < required {
                flag(
                    "teacher.planning", [teacher.id],
                    "teacher '\(teacher.id)' keeps \(minutes) individual planning minutes, \(required) required")
            }
        }
    }
}

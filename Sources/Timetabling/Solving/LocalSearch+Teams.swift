import SchoolModel

/// Teams' common time counted natively for ``LocalSearch``, as the MIP counts it
/// (``TimetableFormulation/addTeamRules()``): a team's blocks are runs of back-to-back
/// teaching periods inside its windows when every member is free, each at least the
/// requirement's block length; the whole of such a run is the most a team can take there.
/// A hard requirement the members' days meet costs nothing; one they do not meet costs the
/// fewest member-periods to clear (the cheapest blocks, by members busy in them, taken until the
/// minutes and blocks are there), so that each lesson moved out of a good block counts; a
/// missing meeting costs 1. A soft requirement's missing minutes cost its weight. A teacher on two
/// teams and individual planning minutes are left to the MIP's check.
struct TeamDays {
    struct Team {
        var members: [Int]
        /// Per day, runs of positions (in the day's teaching sequence) a block may span.
        var segments: [[[Int]]]
        var minimum: Int
        var required: Int
        var minBlocks: Int
        var maxBlocks: Int?
        /// The longest a booked meeting may be; nil when none is booked.
        var meetingCap: Int?
        var weight: Double?
    }

    /// One day of one team: the minutes of each run the team could take, the blocks they hold,
    /// and whether one of them can be the meeting.
    struct Day: Equatable {
        var runs: [Int] = []
        var blocks = 0
        var meeting = false
        /// Each shortest block of the day: members busy in it, its minutes, its positions.
        var candidates: [Candidate] = []
    }

    struct Candidate: Equatable {
        var busy: Int
        var minutes: Int
        var first: Int
        var last: Int
    }

    let teams: [Team]
    let teamsOfTeacher: [[Int]]
    /// Minutes of each teaching position, by day.
    let minutes: [[Int]]
    let periodMinutes: Double
    var days: [[Day]]

    init(formulation: TimetableFormulation, people: PersonDays) {
        let problem = formulation.problem
        let teacherIndex = Dictionary(
            problem.school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var teams: [Team] = []
        var teamsOfTeacher = [[Int]](repeating: [], count: problem.school.teachers.count)
        for team in problem.school.teams ?? [] {
            guard let requirement = team.collaboration else { continue }
            let members = team.members.compactMap { teacherIndex[$0] }
            let window = problem.window(of: requirement)
            let segments = problem.grid.days.indices.map { day in
                formulation.teachingRuns(day).flatMap { run in
                    run.split { !window.contains($0) }.map { part in part.map { people.position[day][$0.period] } }
                }
            }
            for member in members { teamsOfTeacher[member].append(teams.count) }
            teams.append(
                Team(
                    members: members, segments: segments, minimum: max(1, requirement.minBlockMinutes ?? 0),
                    required: requirement.minutes, minBlocks: requirement.minBlocks ?? 0,
                    maxBlocks: requirement.maxBlocks,
                    meetingCap: requirement.meeting == true ? (requirement.maxDirectedMinutes ?? .max) : nil,
                    weight: requirement.weight))
        }
        self.teams = teams
        self.teamsOfTeacher = teamsOfTeacher
        minutes = problem.teachingPeriods.enumerated().map { day, periods in
            periods.map { problem.grid.periods(ofDay: day)[$0].minutes }
        }
        let all = minutes.flatMap { $0 }
        periodMinutes = Double(max(1, all.isEmpty ? 1 : all.reduce(0, +) / all.count))
        days = teams.map { _ in [Day](repeating: Day(), count: problem.grid.days.count) }
    }

    /// The teams of some teachers.
    func teams(of teachers: [Int]) -> [Int] {
        var result: [Int] = []
        for teacher in teachers {
            for team in teamsOfTeacher[teacher] where !result.contains(team) { result.append(team) }
        }
        return result
    }

    /// A team's day with the members' lessons as `people.busy` has them now.
    func count(_ team: Int, day: Int, people: PersonDays) -> Day {
        let record = teams[team]
        var result = Day()
        let base = day * people.width
        for segment in record.segments[day] {
            // The shortest block from each position, and the members busy in it.
            for start in segment.indices {
                var minutes = 0
                var busy = 0
                for end in start..<segment.count {
                    let index = segment[end]
                    minutes += self.minutes[day][index]
                    for member in record.members where people.busy[member][base + index] > 0 { busy += 1 }
                    if minutes >= record.minimum {
                        result.candidates.append(
                            Candidate(busy: busy, minutes: minutes, first: segment[start], last: index))
                        break
                    }
                }
            }
            var run = 0
            var block = 0
            var first = true
            func close() {
                if run >= record.minimum { result.runs.append(run) }
                run = 0
                block = 0
                first = true
            }
            for index in segment {
                let free = record.members.allSatisfy { people.busy[$0][base + index] == 0 }
                guard free else {
                    close()
                    continue
                }
                run += minutes[day][index]
                block += minutes[day][index]
                if block >= record.minimum {
                    result.blocks += 1
                    if first, let cap = record.meetingCap, block <= cap { result.meeting = true }
                    first = false
                    block = 0
                }
            }
            close()
        }
        return result
    }

    /// The fewest member-periods to clear for the requirement: the cheapest blocks that do not
    /// overlap, taken until their minutes and count are enough (at least 1).
    private func clearing(_ record: Team, _ week: [Day]) -> Int {
        var all: [(day: Int, candidate: Candidate)] = []
        for (day, value) in week.enumerated() { for candidate in value.candidates { all.append((day, candidate)) } }
        all.sort { ($0.candidate.busy, -$0.candidate.minutes) < ($1.candidate.busy, -$1.candidate.minutes) }
        var taken: [(day: Int, candidate: Candidate)] = []
        var minutes = 0
        var cost = 0
        for entry in all {
            if minutes >= record.required && taken.count >= record.minBlocks { break }
            if let maximum = record.maxBlocks, taken.count >= maximum { break }
            let overlaps = taken.contains {
                $0.day == entry.day && $0.candidate.first <= entry.candidate.last
                    && entry.candidate.first <= $0.candidate.last
            }
            guard !overlaps else { continue }
            taken.append(entry)
            minutes += entry.candidate.minutes
            cost += entry.candidate.busy
        }
        let short = max(0, record.required - minutes)
        return max(1, cost + Int((Double(short) / periodMinutes).rounded(.up)) * record.members.count)
    }

    /// A team's hard violation and soft penalty over its week.
    func cost(_ team: Int, days week: [Day]) -> (hard: Double, soft: Double) {
        let record = teams[team]
        var runs = week.flatMap(\.runs)
        var blocks = week.reduce(0) { $0 + $1.blocks }
        if let maximum = record.maxBlocks, runs.count > maximum {
            runs = Array(runs.sorted(by: >).prefix(maximum))
            blocks = min(blocks, maximum)
        }
        let missing = max(0, record.required - runs.reduce(0, +))
        let missingBlocks = max(0, record.minBlocks - blocks)
        let meetingMissing = record.meetingCap != nil && !week.contains(where: \.meeting)
        guard let weight = record.weight else {
            guard missing > 0 || missingBlocks > 0 else { return (meetingMissing ? 1 : 0, 0) }
            return (Double(clearing(record, week)) + (meetingMissing ? 1 : 0), 0)
        }
        return (meetingMissing ? 1 : 0, weight * (Double(missing) + Double(missingBlocks * record.minimum)))
    }
}

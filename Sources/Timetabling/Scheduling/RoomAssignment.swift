import LinearProgramming
import SchoolModel

/// Rooms for a timetable whose times are fixed: one small MIP per day (each lesson one of its
/// candidate rooms, room capacity per period; a lesson needing no room one of its optional
/// rooms or none), minimizing preferred-room misses, periods in avoided room times and room
/// changes between a cohort's back-to-back lessons. The school's room rules bind it too (RoomAssignment+RoomRules.swift);
/// when one of them ties days together (a weekly building-change limit, a set of activities
/// sharing few rooms), the whole week is one MIP.
struct RoomAssignment {
    /// A set of lessons at a slot that need more rooms than their candidates offer: the Hall
    /// violation behind an infeasible day.
    struct Shortage {
        var slot: Slot
        var rooms: Set<Int>
    }

    /// Why rooms cannot be given for these times: a shortage at a slot, or a room rule that
    /// some lessons at their starts cannot satisfy whatever the rest of the school does.
    enum Obstacle {
        case shortage(Shortage)
        /// The lessons (by position) of one room rule (by position in the school's
        /// `roomRules`) whose starts together leave the rule no rooms; with no rule, the
        /// lessons of the days whose rules together (and the rooms) leave no rooms.
        case ruleConflict(rule: Int?, lessons: [Int])

        /// The lessons to unplace so that a search can place them again.
        func lessons(_ problem: SchedulingProblem, starts: [Slot]) -> Set<Int> {
            switch self {
            case .shortage(let shortage):
                Set(problem.lessons.indices.filter { problem.covered($0, from: starts[$0]).contains(shortage.slot) })
            case .ruleConflict(_, let lessons): Set(lessons)
            }
        }

        /// Where it is, for an error message.
        func place(_ problem: SchedulingProblem) -> String {
            switch self {
            case .shortage(let shortage): "\(shortage.slot)"
            case .ruleConflict(let rule?, let lessons):
                "room rule \(rule + 1) (\(lessons.map { problem.lessons[$0].activity.id }.joined(separator: ", ")))"
            case .ruleConflict(nil, let lessons):
                "the room rules of \(lessons.count) lessons together"
            }
        }
    }

    var rooms: [Int?]
    var cost: Double
    var obstacle: Obstacle?

    /// The room MIP of some lessons at their starts: each lesson's choices (a room, or none
    /// for a lesson with optional rooms), room capacity per period, the soft room rules in the
    /// objective, and the room rules of `rules`.
    struct RoomModel {
        var model: Model
        var choice: [Int: [(room: Int, variable: Variable)]] = [:]
        var none: [Int: Variable] = [:]
        var objective = LinearExpression()
    }

    static func assign(_ problem: SchedulingProblem, starts: [Slot], weights: SoftRuleWeights) throws -> RoomAssignment
    {
        var result = RoomAssignment(rooms: Array(repeating: nil, count: starts.count), cost: 0, obstacle: nil)
        guard !problem.school.rooms.isEmpty else { return result }
        let rules = RoomRuleScope.all(problem)
        let days = problem.grid.days.indices
        let blocks = rules.contains { $0.rule.spansDays } ? [Set(days)] : days.map { Set([$0]) }
        for block in blocks {
            let lessons = starts.indices.filter {
                block.contains(starts[$0].day)
                    && (!problem.lessons[$0].activity.takesNoRoom || !problem.lessons[$0].optionalRooms.isEmpty)
            }
            guard !lessons.isEmpty else { continue }
            let built = try roomModel(
                problem, starts: starts, lessons: lessons, weights: weights, rules: rules,
                name: "rooms-day-\(block.min()!)")
            let solution = try built.model.solve()
            guard solution.hasValues else {
                // Without a slot or rule to cut, days whose rooms cannot be given are no plan,
                // never a plan without rooms.
                let blocked = problem.roomBlocked
                if let found = shortage(problem, starts: starts, lessons: lessons, blocked: blocked) {
                    result.obstacle = .shortage(found)
                } else if let conflict = try ruleConflict(problem, starts: starts, lessons: lessons, rules: rules) {
                    result.obstacle = conflict
                } else if !rules.isEmpty {
                    // No rule alone: the rules together, for these days' lessons at these starts.
                    result.obstacle = .ruleConflict(rule: nil, lessons: lessons)
                } else {
                    throw TimetablingError.roomAssignmentFailed(slot: problem.grid.days[block.min()!].id)
                }
                return result
            }
            result.cost += solution.objective ?? 0
            for lesson in lessons {
                result.rooms[lesson] = built.choice[lesson]!.first { (solution[$0.variable] ?? 0) > 0.5 }?.room
            }
        }
        return result
    }

    /// The room MIP of `lessons` at their starts under the room rules `rules`.
    static func roomModel(
        _ problem: SchedulingProblem, starts: [Slot], lessons: [Int], weights: SoftRuleWeights,
        rules: [RoomRuleScope], name: String
    ) throws -> RoomModel {
        let blocked = problem.roomBlocked
        // Avoided room times: a weight per slot of each room.
        var avoided: [Int: [Slot: Double]] = [:]
        for entry in problem.school.avoidedRoomTimes ?? [] {
            guard let room = problem.roomIndex[entry.room] else { continue }
            for slot in problem.grid.slots(in: entry.times) {
                avoided[room, default: [:]][slot, default: 0] += entry.weight
            }
        }
        var built = RoomModel(model: Model(name: name))
        var perRoomSlot: [Int: [Slot: [Variable]]] = [:]
        for lesson in lessons {
            let covered = problem.covered(lesson, from: starts[lesson])
            let optional = !problem.lessons[lesson].optionalRooms.isEmpty
            let usable = (optional ? problem.lessons[lesson].optionalRooms : problem.lessons[lesson].candidateRooms)
                .filter { room in covered.allSatisfy { !blocked[room].contains($0) } }
            var options: [(Int, Variable)] = []
            var none: [Variable] = []
            if optional {
                // No room at all: a preferred-room miss.
                let variable = try built.model.addBinary()
                none.append(variable)
                built.none[lesson] = variable
                built.objective.add(weights.preferredRoom ?? 0, variable)
            }
            for room in usable {
                let variable = try built.model.addBinary()
                options.append((room, variable))
                for slot in covered { perRoomSlot[room, default: [:]][slot, default: []].append(variable) }
                let preferred = problem.lessons[lesson].preferredRooms
                if !preferred.isEmpty && !preferred.contains(room) {
                    built.objective.add(weights.preferredRoom ?? 0, variable)
                }
                if let times = avoided[room] {
                    let cost = covered.reduce(0) { $0 + (times[$1] ?? 0) }
                    if cost > 0 { built.objective.add(cost, variable) }
                }
            }
            built.choice[lesson] = options
            try built.model.add(sum(options.map(\.1) + none) == 1)
        }
        for room in perRoomSlot.keys.sorted() {
            for (_, variables) in perRoomSlot[room]!.sorted(by: { $0.key < $1.key })
            where variables.count > problem.school.rooms[room].resolvedGroups {
                try built.model.add(sum(variables) <= Double(problem.school.rooms[room].resolvedGroups))
            }
        }
        let changeWeight = weights.roomChange ?? 0
        if changeWeight > 0 {
            for (first, second) in transitions(problem, starts: starts, lessons: lessons) {
                let change = try built.model.addVariable(upperBound: 1)
                let secondRooms = Dictionary(
                    built.choice[second]!.map { ($0.room, $0.variable) }, uniquingKeysWith: { a, _ in a })
                for (room, variable) in built.choice[first]! {
                    if let other = secondRooms[room] {
                        try built.model.add(change >= variable - other)
                    } else {
                        try built.model.add(change >= LinearExpression(variable))
                    }
                }
                built.objective.add(changeWeight, change)
            }
        }
        for scope in rules {
            try addRule(scope, to: &built, problem, starts: starts, lessons: lessons)
        }
        try built.model.minimize(built.objective)
        return built
    }

    /// Pairs of lessons of one leaf cohort back to back (the first ends where the second starts).
    static func transitions(_ problem: SchedulingProblem, starts: [Slot], lessons: [Int]) -> [(Int, Int)] {
        var pairs = Set<[Int]>()
        var result: [(Int, Int)] = []
        for first in lessons {
            let end = starts[first].period + problem.lessons[first].duration
            let next = Slot(day: starts[first].day, period: end)
            guard problem.teachingSlots.contains(next),
                problem.grid.contiguousRuns(ofDay: next.day).contains(where: {
                    $0.contains(end) && $0.contains(end - 1)
                })
            else { continue }
            for second in lessons where second != first && starts[second] == next {
                if !Set(problem.lessons[first].leaves).isDisjoint(with: problem.lessons[second].leaves),
                    pairs.insert([first, second]).inserted
                {
                    result.append((first, second))
                }
            }
        }
        return result
    }

    /// Finds a slot where the lessons cannot all get a room (Kuhn's matching on room places)
    /// and the rooms their failed search reached. A lesson keeps one room for all its periods,
    /// so only rooms free in every period it covers are its places.
    static func shortage(
        _ problem: SchedulingProblem, starts: [Slot], lessons: [Int], blocked: [Set<Slot>]
    ) -> Shortage? {
        var slots = Set<Slot>()
        for lesson in lessons { slots.formUnion(problem.covered(lesson, from: starts[lesson])) }
        for slot in slots.sorted() {
            // A lesson that may go without a room (optional rooms) never lacks one.
            let present = lessons.filter {
                problem.lessons[$0].optionalRooms.isEmpty && problem.covered($0, from: starts[$0]).contains(slot)
            }
            var owner: [Int: Int] = [:]  // room place (room * 64 + unit) → lesson
            func usable(_ lesson: Int) -> [Int] {
                let covered = problem.covered(lesson, from: starts[lesson])
                return problem.lessons[lesson].candidateRooms.filter { room in
                    covered.allSatisfy { !blocked[room].contains($0) }
                }
            }
            func places(_ lesson: Int) -> [Int] {
                usable(lesson).flatMap { room in
                    (0..<problem.school.rooms[room].resolvedGroups).map { room * 64 + $0 }
                }
            }
            for lesson in present {
                var visitedPlaces = Set<Int>()
                var visitedLessons = Set<Int>()
                func augment(_ current: Int) -> Bool {
                    visitedLessons.insert(current)
                    for place in places(current) where visitedPlaces.insert(place).inserted {
                        if owner[place] == nil || augment(owner[place]!) {
                            owner[place] = current
                            return true
                        }
                    }
                    return false
                }
                if !augment(lesson) {
                    let rooms = Set(visitedLessons.flatMap(usable))
                    return Shortage(slot: slot, rooms: rooms)
                }
            }
        }
        return nil
    }
}

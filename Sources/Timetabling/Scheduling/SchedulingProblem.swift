import SchoolModel

/// A school made ready for optimization: lessons with their feasible starts, the resources
/// they use and the rooms that can host them, all by position.
///
/// This is the solver's view. The checker (``TimetableChecker``) does not use it: it reads
/// the school and the plan on its own.
public struct SchedulingProblem: Sendable {
    /// One lesson to place.
    public struct Lesson: Sendable {
        public var activity: Activity
        public var duration: Int
        /// Students in it.
        public var size: Int
        /// Teacher positions.
        public var teachers: [Int]
        /// Leaf cohort positions whose students it occupies.
        public var leaves: [Int]
        /// Rooms that can host it (features, seats, allowed list), by position.
        public var candidateRooms: [Int]
        /// Rooms it should use (a soft rule), by position.
        public var preferredRooms: Set<Int>
        /// For a lesson that needs no room but has preferred rooms: those of them that fit. It
        /// takes one when one is free, else none (a preferred-room miss); it counts against no
        /// room's capacity in the timetabling MIP.
        public var optionalRooms: [Int] = []
        /// Feasible starts, in slot order.
        public var starts: [Slot]
        /// Starts it prefers (a soft rule); nil when it has no preference.
        public var preferredStarts: Set<Slot>?
        /// A locked room, by position.
        public var lockedRoom: Int?
    }

    public let school: School
    public let grid: TimeGrid
    public var lessons: [Lesson]
    /// Cohorts with no sub-cohort: the units in which students move.
    public let leafCohorts: [Cohort]
    /// For each slot, whether it is a teaching period.
    public let teachingSlots: Set<Slot>
    /// Teaching periods of each day, in order (the sequence gaps are counted over).
    public let teachingPeriods: [[Int]]
    /// Lessons with no feasible start, or no room that fits: the school cannot be solved.
    public var unplaceable: [(lesson: String, reason: String)] = []
    /// Room positions by id.
    public let roomIndex: [String: Int]
    /// Each leaf cohort and its ancestors, leaf first (the limits on any of them apply to it).
    public let leafLineage: [[Cohort]]
    /// Slots each leaf cohort cannot use: its own and its ancestors' unavailable periods.
    public let leafBlocked: [Set<Slot>]
    /// Slots each teacher cannot use.
    public let teacherBlocked: [Set<Slot>]
    /// Slots each room cannot host anything.
    public let roomBlocked: [Set<Slot>]

    public init(school: School) {
        self.school = school
        let grid = school.timeGrid
        self.grid = grid
        let allCohorts = school.cohorts ?? []
        let parents = Set(allCohorts.compactMap(\.parent))
        let leafCohorts = allCohorts.filter { !parents.contains($0.id) }
        self.leafCohorts = leafCohorts
        teachingSlots = Set(grid.slots(of: .teaching))
        teachingPeriods = grid.days.indices.map { day in
            grid.periods(ofDay: day).indices.filter { grid.periods(ofDay: day)[$0].resolvedKind == .teaching }
        }
        let teacherIndex = Dictionary(school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let roomIndex = Dictionary(school.rooms.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.roomIndex = roomIndex
        let cohortByID = Dictionary(allCohorts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        /// Ancestors of a cohort (itself included), guarding against cycles.
        func lineage(_ id: String) -> [String] {
            var chain: [String] = []
            var next: String? = id
            while let current = next, !chain.contains(current), let cohort = cohortByID[current] {
                chain.append(current)
                next = cohort.parent
            }
            return chain
        }
        var leavesUnder: [String: [Int]] = [:]
        for (index, leaf) in leafCohorts.enumerated() {
            for ancestor in lineage(leaf.id) { leavesUnder[ancestor, default: []].append(index) }
        }
        let leafLineage = leafCohorts.map { leaf in lineage(leaf.id).compactMap { cohortByID[$0] } }
        self.leafLineage = leafLineage
        let leafBlocked: [Set<Slot>] = leafLineage.map { cohorts in
            cohorts.reduce(into: Set<Slot>()) { blocked, cohort in
                blocked.formUnion(grid.slots(in: cohort.unavailable ?? []))
            }
        }
        self.leafBlocked = leafBlocked
        let teacherBlocked = school.teachers.map { grid.slots(in: $0.unavailable ?? []) }
        self.teacherBlocked = teacherBlocked
        let roomBlocked = school.rooms.map { grid.slots(in: $0.unavailable ?? []) }
        self.roomBlocked = roomBlocked

        var lessons: [Lesson] = []
        var unplaceable: [(String, String)] = []
        for activity in school.lessons() {
            let teachers = activity.teachers.compactMap { teacherIndex[$0] }
            let leaves = Array(Set((activity.cohorts ?? []).flatMap { leavesUnder[$0] ?? [] })).sorted()
            let size = activity.students ?? (activity.cohorts ?? []).reduce(0) { $0 + (cohortByID[$1]?.size ?? 0) }
            let features = Set(activity.roomFeatures ?? [])
            let allowed = activity.rooms.map(Set.init)
            var candidates = school.rooms.indices.filter { index in
                let room = school.rooms[index]
                return (allowed?.contains(room.id) ?? true) && features.isSubset(of: Set(room.features ?? []))
                    && room.seats >= size
            }
            var lockedRoom: Int?
            if let locked = activity.locked?.room, let index = roomIndex[locked] {
                lockedRoom = index
                candidates = candidates.contains(index) ? [index] : []
            }
            let preferredIDs =
                activity.preferredRooms
                ?? Array(
                    Set(activity.teachers.flatMap { id in school.teachers.first { $0.id == id }?.preferredRooms ?? [] })
                ).sorted()
            let preferredRooms = Set(preferredIDs.compactMap { roomIndex[$0] })
            let optionalRooms =
                activity.takesNoRoom
                ? Set((activity.preferredRooms ?? []).compactMap { roomIndex[$0] }).sorted().filter { index in
                    features.isSubset(of: Set(school.rooms[index].features ?? [])) && school.rooms[index].seats >= size
                } : []
            var blocked = Set<Slot>()
            for teacher in teachers { blocked.formUnion(teacherBlocked[teacher]) }
            for leaf in leaves { blocked.formUnion(leafBlocked[leaf]) }
            let duration = activity.resolvedDuration
            var starts = Self.starts(duration: duration, grid: grid).filter { start in
                (0..<duration).allSatisfy { !blocked.contains(Slot(day: start.day, period: start.period + $0)) }
            }
            if !candidates.isEmpty {
                // Drop starts at which every candidate room is unavailable.
                starts = starts.filter { start in
                    candidates.contains { room in
                        (0..<duration).allSatisfy {
                            !roomBlocked[room].contains(Slot(day: start.day, period: start.period + $0))
                        }
                    }
                }
            }
            if let allowed = activity.allowedStarts.map({ grid.slots(in: $0) }) {
                starts = starts.filter(allowed.contains)
            }
            if let locked = activity.locked {
                let day = grid.days.firstIndex { $0.id == locked.day }
                let period = day.flatMap { grid.periods(ofDay: $0).firstIndex { $0.id == locked.period } }
                if let day, let period {
                    starts = starts.filter { $0 == Slot(day: day, period: period) }
                } else {
                    starts = []
                }
            }
            if starts.isEmpty {
                unplaceable.append((activity.id, "no start where its teachers, students and rooms are all available"))
            }
            if candidates.isEmpty && !school.rooms.isEmpty && !activity.takesNoRoom {
                unplaceable.append((activity.id, "no room has the features and seats it needs (\(size) students)"))
            }
            let preferredStarts = activity.preferredTimes.map { grid.slots(in: $0) }
            lessons.append(
                Lesson(
                    activity: activity, duration: duration, size: size, teachers: teachers, leaves: leaves,
                    candidateRooms: candidates, preferredRooms: preferredRooms, optionalRooms: optionalRooms,
                    starts: starts, preferredStarts: preferredStarts, lockedRoom: lockedRoom))
        }
        self.lessons = lessons
        self.unplaceable = unplaceable
    }

    /// Starts at which `duration` teaching periods follow each other without a break.
    static func starts(duration: Int, grid: TimeGrid) -> [Slot] {
        var result: [Slot] = []
        for day in grid.days.indices {
            let periods = grid.periods(ofDay: day)
            for run in grid.contiguousRuns(ofDay: day) where run.count >= duration {
                for offset in 0...(run.count - duration) {
                    let covered = run[offset..<(offset + duration)]
                    if covered.allSatisfy({ periods[$0].resolvedKind == .teaching }) {
                        result.append(Slot(day: day, period: run[offset]))
                    }
                }
            }
        }
        return result
    }

    /// The distinct sets of candidate rooms of the lessons that need a room, in a fixed order.
    public var candidateRoomSets: [Set<Int>] {
        Set(lessons.map { Set($0.candidateRooms) }).filter { !$0.isEmpty }
            .sorted { $0.sorted().lexicographicallyPrecedes($1.sorted()) }
    }

    /// Lessons that can only use rooms of `rooms` (a lesson needing no room is in no set):
    /// those that count against the set's capacity.
    public func lessons(confinedTo rooms: Set<Int>) -> [Int] {
        lessons.indices.filter {
            !lessons[$0].candidateRooms.isEmpty && rooms.isSuperset(of: lessons[$0].candidateRooms)
        }
    }

    /// Positions of the teachers `teachers` names and of the leaf cohorts inside the cohorts
    /// `cohorts` names (themselves when they are leaves): whom a rule on people applies to.
    public func people(teachers: [String]?, cohorts: [String]?) -> (teachers: [Int], leaves: [Int]) {
        let named = Set(teachers ?? [])
        let groups = Set(cohorts ?? [])
        return (
            school.teachers.indices.filter { named.contains(school.teachers[$0].id) },
            leafCohorts.indices.filter { leaf in leafLineage[leaf].contains { groups.contains($0.id) } }
        )
    }

    /// The slots a team's common time may use: its windows, or every teaching period.
    public func window(of requirement: CollaborationRequirement) -> Set<Slot> {
        requirement.windows.map { grid.slots(in: $0) } ?? teachingSlots
    }

    /// The slots a lesson covers when it starts at `start`.
    public func covered(_ lesson: Int, from start: Slot) -> [Slot] {
        (0..<lessons[lesson].duration).map { Slot(day: start.day, period: start.period + $0) }
    }

    /// Periods of work: the sum of the lessons' durations.
    public var periodsOfWork: Int { lessons.reduce(0) { $0 + $1.duration } }

    /// Periods of lessons per teacher (by index in the school's teachers), in one pass.
    public var teacherLoads: [Int] {
        var loads = [Int](repeating: 0, count: school.teachers.count)
        for lesson in lessons { for teacher in lesson.teachers { loads[teacher] += lesson.duration } }
        return loads
    }

    /// Periods of lessons per leaf cohort (by index in ``leafCohorts``), in one pass.
    public var leafLoads: [Int] {
        var loads = [Int](repeating: 0, count: leafCohorts.count)
        for lesson in lessons { for leaf in lesson.leaves { loads[leaf] += lesson.duration } }
        return loads
    }
}

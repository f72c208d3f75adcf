extension SchoolValidator {
    mutating func checkTeams() {
        let grid = school.timeGrid
        let teachingSlots = Set(grid.slots(of: .teaching))
        var load: [String: Int] = [:]  // teaching minutes per week from explicit activities
        for activity in school.activities ?? [] {
            let minutes = activity.resolvedDuration * averagePeriodMinutes
            for teacher in activity.teachers { load[teacher, default: 0] += minutes }
        }
        for team in school.teams ?? [] {
            let base = path("teams", team.id)
            checkReferences(team.members, in: teacherIDs, kind: "teacher", at: base, record: team.id, field: "members")
            var seen = Set<String>()
            for (index, member) in team.members.enumerated() where !seen.insert(member).inserted {
                error(
                    "\(base).members[\(index)]", record: team.id, field: "members",
                    "teacher '\(member)' is listed twice")
            }
            if team.members.isEmpty {
                error("\(base).members", record: team.id, field: "members", "a team needs members")
            }
            guard let requirement = team.collaboration else { continue }
            let requirementPath = "\(base).collaboration"
            for (value, field) in [
                (requirement.minutes, "minutes"), (requirement.minBlockMinutes, "minBlockMinutes"),
                (requirement.maxDirectedMinutes, "maxDirectedMinutes"),
            ] {
                if let value, value < 0 {
                    error("\(requirementPath).\(field)", record: team.id, field: field, "\(field) cannot be negative")
                }
            }
            checkRange(
                requirement.minBlocks, requirement.maxBlocks, at: requirementPath, record: team.id,
                names: ("minBlocks", "maxBlocks"))
            checkSlots(requirement.windows, at: requirementPath, record: team.id, field: "windows")
            if let weight = requirement.weight, !(weight >= 0 && weight.isFinite) {
                error(
                    "\(requirementPath).weight", record: team.id, field: "weight",
                    "weight must be a non-negative number")
            }
            // Warnings: no block long enough anywhere in the windows; members too busy.
            let window = requirement.windows.map { grid.slots(in: $0) } ?? Set(grid.allSlots)
            let blockMinutes = requirement.minBlockMinutes ?? 0
            let longest = longestBlockMinutes(within: window.intersection(teachingSlots))
            if longest < max(blockMinutes, 1) {
                warning(
                    "\(requirementPath).minBlockMinutes", record: team.id, field: "minBlockMinutes",
                    "team '\(team.id)' cannot get \(blockMinutes) contiguous minutes: the longest block in its windows is \(longest)"
                )
                continue
            }
            let windowMinutes = window.intersection(teachingSlots).reduce(0) { $0 + grid.period(at: $1).minutes }
            for member in team.members where teacherIDs.contains(member) {
                let free = windowMinutes - (load[member] ?? 0)
                if free < requirement.minutes {
                    warning(
                        "\(requirementPath).minutes", record: team.id, field: "minutes",
                        "team '\(team.id)' needs \(requirement.minutes) common minutes but teacher '\(member)' teaches all but about \(max(0, free)) minutes of its windows"
                    )
                }
            }
        }
    }

    /// Mean length of a teaching period (to turn activity periods into minutes).
    var averagePeriodMinutes: Int {
        let slots = school.timeGrid.slots(of: .teaching)
        guard !slots.isEmpty else { return 0 }
        return slots.reduce(0) { $0 + school.timeGrid.period(at: $1).minutes } / slots.count
    }

    /// Minutes of the longest contiguous block made of `slots`.
    func longestBlockMinutes(within slots: Set<Slot>) -> Int {
        let grid = school.timeGrid
        var best = 0
        for day in grid.days.indices {
            for run in grid.contiguousRuns(ofDay: day) {
                var current = 0
                for period in run {
                    let slot = Slot(day: day, period: period)
                    current = slots.contains(slot) ? current + grid.period(at: slot).minutes : 0
                    best = max(best, current)
                }
            }
        }
        return best
    }

    mutating func checkFlex() {
        guard let flex = school.flex else { return }
        let flexSlots = Set(school.timeGrid.slots(of: .flex))
        if !flex.sessions.isEmpty && flexSlots.isEmpty {
            error(
                "$.flex.sessions", field: "sessions", "flex sessions are offered but the time grid has no flex period")
        }
        for session in flex.sessions {
            let base = path("flex.sessions", session.id)
            checkReference(
                session.teacher, in: teacherIDs, kind: "teacher", at: base, record: session.id, field: "teacher")
            checkReference(session.room, in: roomIDs, kind: "room", at: base, record: session.id, field: "room")
            if let capacity = session.capacity, capacity < 1 {
                error(
                    "\(base).capacity", record: session.id, field: "capacity",
                    "capacity must be at least 1, not \(capacity)")
            }
            checkFlexPeriods(session.periods, flexSlots: flexSlots, at: base, record: session.id)
        }
        checkFlexClashes(flex.sessions, flexSlots: flexSlots)
        for (index, request) in (flex.requests ?? []).enumerated() {
            let base = "$.flex.requests[\(index)]"
            checkReference(request.teacher, in: teacherIDs, kind: "teacher", at: base, record: nil, field: "teacher")
            checkReference(request.student, in: studentIDs, kind: "student", at: base, record: nil, field: "student")
            checkReference(
                request.session, in: sessionIDs, kind: "flex session", at: base, record: nil, field: "session")
            if let priority = request.priority, priority < 1 {
                error("\(base).priority", field: "priority", "priority must be at least 1, not \(priority)")
            }
            checkFlexPeriods(request.periods, flexSlots: flexSlots, at: base, record: request.student)
        }
        for (index, choice) in (flex.choices ?? []).enumerated() {
            let base = "$.flex.choices[\(index)]"
            checkReference(choice.student, in: studentIDs, kind: "student", at: base, record: nil, field: "student")
            checkReferences(
                choice.sessions, in: sessionIDs, kind: "flex session", at: base, record: choice.student,
                field: "sessions")
            checkFlexPeriods(choice.periods, flexSlots: flexSlots, at: base, record: choice.student)
            var seen: Set<String> = []
            for session in choice.sessions where !seen.insert(session).inserted {
                error(
                    "\(base).sessions", record: choice.student, field: "sessions",
                    "flex session '\(session)' is ranked twice")
            }
        }
        if let catchAll = flex.catchAll {
            if catchAll.kind == .session {
                if let session = catchAll.session {
                    checkReference(
                        session, in: sessionIDs, kind: "flex session", at: "$.flex.catchAll", record: nil,
                        field: "session")
                } else {
                    error("$.flex.catchAll.session", field: "session", "a session catch-all names its session")
                }
            }
        }
    }

    /// A teacher runs one session per flex period; a room hosts at most its groups.
    private mutating func checkFlexClashes(_ sessions: [FlexSession], flexSlots: Set<Slot>) {
        let grid = school.timeGrid
        let groups = Dictionary(
            school.rooms.map { ($0.id, $0.resolvedGroups) }, uniquingKeysWith: { first, _ in first })
        var reported: Set<String> = []
        for slot in flexSlots.sorted() {
            let running = sessions.filter { $0.periods.map { grid.slots(in: $0).contains(slot) } ?? true }
            let label = grid.label(of: slot)
            for (teacher, list) in Dictionary(grouping: running, by: \.teacher).sorted(by: { $0.key < $1.key })
            where list.count > 1 {
                guard reported.insert("teacher \(teacher)").inserted else { continue }
                error(
                    path("flex.sessions", list[1].id) + ".teacher", record: list[1].id, field: "teacher",
                    "teacher '\(teacher)' runs \(list.map(\.id).joined(separator: ", ")) at once (\(label))")
            }
            for (room, list) in Dictionary(grouping: running, by: \.room).sorted(by: { $0.key < $1.key })
            where list.count > max(1, groups[room] ?? 1) {
                guard reported.insert("room \(room)").inserted else { continue }
                error(
                    path("flex.sessions", list[1].id) + ".room", record: list[1].id, field: "room",
                    "room '\(room)' hosts \(list.map(\.id).joined(separator: ", ")) at once (\(label)) but holds \(groups[room] ?? 1) group(s)"
                )
            }
        }
    }

    /// Periods named by a flex record must exist and be flex periods.
    private mutating func checkFlexPeriods(
        _ periods: [TimeSlots]?, flexSlots: Set<Slot>, at base: String, record: String
    ) {
        checkSlots(periods, at: base, record: record, field: "periods")
        if !school.timeGrid.slots(in: periods ?? []).isSubset(of: flexSlots) {
            error(
                "\(base).periods", record: record, field: "periods",
                "'\(record)' names periods that are not flex periods")
        }
    }

    mutating func checkWeights() {
        guard let weights = school.weights else { return }
        let named: [(Double?, String)] = [
            (weights.teacherGap, "teacherGap"), (weights.cohortGap, "cohortGap"),
            (weights.preferredTime, "preferredTime"), (weights.preferredRoom, "preferredRoom"),
            (weights.roomChange, "roomChange"), (weights.lateStart, "lateStart"),
            (weights.unevenDays, "unevenDays"), (weights.shortDay, "shortDay"), (weights.unmetRequest, "unmetRequest"),
        ]
        for (value, field) in named {
            if let value, !(value >= 0 && value.isFinite) {
                error("$.weights.\(field)", field: field, "weight \(field) must be a non-negative number")
            }
        }
    }
}

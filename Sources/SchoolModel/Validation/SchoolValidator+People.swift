extension SchoolValidator {
    mutating func checkTeachers() {
        let teachingSlots = Set(school.timeGrid.slots(of: .teaching))
        for teacher in school.teachers {
            let base = path("teachers", teacher.id)
            if let subjectIDs {
                checkReferences(
                    teacher.subjects, in: subjectIDs, kind: "subject", at: base, record: teacher.id, field: "subjects")
            }
            checkSlots(teacher.unavailable, at: base, record: teacher.id, field: "unavailable")
            checkRange(
                teacher.minPeriodsPerWeek, teacher.maxPeriodsPerWeek, at: base, record: teacher.id,
                names: ("minPeriodsPerWeek", "maxPeriodsPerWeek"))
            checkRange(
                teacher.minPeriodsPerDay, teacher.maxPeriodsPerDay, at: base, record: teacher.id,
                names: ("minPeriodsPerDay", "maxPeriodsPerDay"))
            checkRange(nil, teacher.maxMinutesPerWeek, at: base, record: teacher.id, names: ("", "maxMinutesPerWeek"))
            checkRange(nil, teacher.planningMinutes, at: base, record: teacher.id, names: ("", "planningMinutes"))
            checkRange(nil, teacher.maxDaysPerWeek, at: base, record: teacher.id, names: ("", "maxDaysPerWeek"))
            checkRange(nil, teacher.maxGapsPerWeek, at: base, record: teacher.id, names: ("", "maxGapsPerWeek"))
            if let consecutive = teacher.maxConsecutive, consecutive < 1 {
                error(
                    "\(base).maxConsecutive", record: teacher.id, field: "maxConsecutive",
                    "maxConsecutive must be at least 1, not \(consecutive)")
            }
            checkReferences(
                teacher.preferredRooms, in: roomIDs, kind: "room", at: base, record: teacher.id, field: "preferredRooms"
            )
            let unavailable = school.timeGrid.slots(in: teacher.unavailable ?? [])
            if !teachingSlots.isEmpty && teachingSlots.isSubset(of: unavailable) {
                warning(
                    "\(base).unavailable", record: teacher.id, field: "unavailable",
                    "teacher '\(teacher.id)' is never available to teach")
            }
        }
    }

    mutating func checkRooms() {
        for room in school.rooms {
            let base = path("rooms", room.id)
            if room.seats < 0 {
                error("\(base).seats", record: room.id, field: "seats", "seats cannot be negative (\(room.seats))")
            }
            if let groups = room.groups, groups < 1 {
                error(
                    "\(base).groups", record: room.id, field: "groups", "a room hosts at least 1 group, not \(groups)")
            }
            checkSlots(room.unavailable, at: base, record: room.id, field: "unavailable")
        }
        checkRoomFits()
    }

    /// Warnings: a room too small for every activity it could host; an activity no room fits.
    mutating func checkRoomFits() {
        guard !school.rooms.isEmpty else { return }
        var smallestCandidate: [String: Int] = [:]
        for activity in school.activities ?? [] {
            let size = activitySize(activity)
            let candidates = school.rooms.filter { room in
                (activity.rooms.map { $0.contains(room.id) } ?? true)
                    && Set(activity.roomFeatures ?? []).isSubset(of: Set(room.features ?? []))
            }
            for room in candidates { smallestCandidate[room.id] = min(smallestCandidate[room.id] ?? .max, size) }
            if !candidates.isEmpty && !candidates.contains(where: { $0.seats >= size }) {
                warning(
                    "\(path("activities", activity.id))", record: activity.id, field: "roomFeatures",
                    "no room that fits activity '\(activity.id)' seats its \(size) students")
            }
        }
        for course in school.courses ?? [] {
            guard let size = course.maxSectionSize else { continue }
            let candidates = school.rooms.filter { Set(course.roomFeatures ?? []).isSubset(of: Set($0.features ?? [])) }
            for room in candidates { smallestCandidate[room.id] = min(smallestCandidate[room.id] ?? .max, size) }
        }
        for room in school.rooms {
            if let smallest = smallestCandidate[room.id], smallest > room.seats {
                warning(
                    path("rooms", room.id) + ".seats", record: room.id, field: "seats",
                    "room '\(room.id)' (\(room.seats) seats) is too small for every class it could host (smallest \(smallest))"
                )
            }
        }
    }

    /// Students in an activity: its own count, or its cohorts' sizes.
    func activitySize(_ activity: Activity) -> Int {
        activity.students ?? (activity.cohorts ?? []).reduce(0) { $0 + (cohortsByID[$1]?.size ?? 0) }
    }

    mutating func checkCohorts() {
        for cohort in school.cohorts ?? [] {
            let base = path("cohorts", cohort.id)
            if cohort.size < 0 {
                error("\(base).size", record: cohort.id, field: "size", "size cannot be negative (\(cohort.size))")
            }
            checkReference(
                cohort.parent, in: Set(cohortsByID.keys), kind: "cohort", at: base, record: cohort.id, field: "parent")
            checkReference(cohort.homeroom, in: roomIDs, kind: "room", at: base, record: cohort.id, field: "homeroom")
            checkSlots(cohort.unavailable, at: base, record: cohort.id, field: "unavailable")
            // A cohort inside itself, directly or through its parents.
            var seen: Set<String> = [cohort.id]
            var next = cohort.parent
            while let current = next, let parent = cohortsByID[current] {
                if !seen.insert(current).inserted || current == cohort.id {
                    error(
                        "\(base).parent", record: cohort.id, field: "parent",
                        "cohort '\(cohort.id)' is inside itself (\(seen.sorted().joined(separator: " → ")))")
                    break
                }
                next = parent.parent
            }
            if let parent = cohort.parent.flatMap({ cohortsByID[$0] }), cohort.size > parent.size {
                warning(
                    "\(base).size", record: cohort.id, field: "size",
                    "cohort '\(cohort.id)' (\(cohort.size)) is larger than its parent '\(parent.id)' (\(parent.size))")
            }
        }
    }

    mutating func checkStudents() {
        let cohortIDs = Set(cohortsByID.keys)
        for student in school.students ?? [] {
            let base = path("students", student.id)
            checkReference(student.cohort, in: cohortIDs, kind: "cohort", at: base, record: student.id, field: "cohort")
            var requested = Set<String>()
            for (index, request) in (student.requests ?? []).enumerated() {
                let requestPath = "\(base).requests[\(index)]"
                if !courseIDs.contains(request.course) {
                    error(
                        "\(requestPath).course", record: student.id, field: "course",
                        "unknown course '\(request.course)'")
                } else if !requested.insert(request.course).inserted {
                    error(
                        "\(requestPath).course", record: student.id, field: "course",
                        "course '\(request.course)' is requested twice")
                }
                if let weight = request.weight, !(1...99).contains(weight) {
                    error(
                        "\(requestPath).weight", record: student.id, field: "weight", "weight \(weight) is not 1 to 99")
                }
                for (position, alternate) in (request.alternates ?? []).enumerated()
                where !courseIDs.contains(alternate) {
                    error(
                        "\(requestPath).alternates[\(position)]", record: student.id, field: "alternates",
                        "unknown course '\(alternate)'")
                }
            }
            checkReferences(
                student.keepWith, in: studentIDs, kind: "student", at: base, record: student.id, field: "keepWith")
            checkReferences(
                student.keepApartFrom, in: studentIDs, kind: "student", at: base, record: student.id,
                field: "keepApartFrom")
        }
    }
}

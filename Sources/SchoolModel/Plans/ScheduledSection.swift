/// A section with its times and seats, as a timetable places it.
package struct ScheduledSection {
    package var section: CourseSection
    /// Occupied slots, as `day * stride + period`.
    package var slots: Set<Int>
    /// Students it takes: the course's maximum section size, lowered to the seats of any
    /// single-group room a meeting uses.
    package var capacity: Int
}

extension School {
    /// Slot keys (`day * stride + period`) with a stride that fits every day of the grid.
    package var slotStride: Int { max(1, timeGrid.days.indices.map { timeGrid.periods(ofDay: $0).count }.max() ?? 1) }

    /// The day and first-period positions of a placement in the grid, nil when it names a day
    /// or period the grid does not have.
    func position(of placement: Placement) -> (day: Int, period: Int)? {
        guard let day = timeGrid.days.firstIndex(where: { $0.id == placement.day }),
            let period = timeGrid.periods(ofDay: day).firstIndex(where: { $0.id == placement.period })
        else { return nil }
        return (day, period)
    }

    /// The school's sections with the times and rooms of `placements`, and the ids of the
    /// sections left out because a meeting is not placed.
    package func scheduledSections(placements: [Placement]) -> (sections: [ScheduledSection], unplaced: [String]) {
        let stride = slotStride
        let byActivity = Dictionary(placements.map { ($0.activity, $0) }, uniquingKeysWith: { first, _ in first })
        let rooms = Dictionary(self.rooms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let courses = Dictionary((self.courses ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [ScheduledSection] = []
        var unplaced: [String] = []
        sections: for section in courseSections() {
            guard let course = courses[section.course] else { continue }
            var slots = Set<Int>()
            var capacity = course.maxSectionSize ?? Int.max
            for meeting in section.meetings {
                guard let placement = byActivity[meeting], let (day, first) = position(of: placement) else {
                    unplaced.append(section.id)
                    continue sections
                }
                for period in first..<(first + course.resolvedDuration) { slots.insert(day * stride + period) }
                if let id = placement.room, let room = rooms[id], room.resolvedGroups == 1 {
                    capacity = min(capacity, room.seats)
                }
            }
            result.append(ScheduledSection(section: section, slots: slots, capacity: capacity))
        }
        return (result, unplaced)
    }

    /// Slots (`day * stride + period`) in which a student's cohort, or a cohort above it, has
    /// a lesson in `placements`.
    package func cohortBusySlots(placements: [Placement]) -> [String: Set<Int>] {
        guard let cohorts = self.cohorts, !cohorts.isEmpty else { return [:] }
        let stride = slotStride
        let lessons = Dictionary(lessons().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var busy: [String: Set<Int>] = [:]
        for placement in placements {
            guard let activity = lessons[placement.activity], let taught = activity.cohorts,
                let (day, first) = position(of: placement)
            else { continue }
            for cohort in taught {
                for period in first..<(first + activity.resolvedDuration) {
                    busy[cohort, default: []].insert(day * stride + period)
                }
            }
        }
        let parent = Dictionary(cohorts.map { ($0.id, $0.parent) }, uniquingKeysWith: { first, _ in first })
        var result: [String: Set<Int>] = [:]
        for cohort in cohorts {
            var slots = Set<Int>()
            var current: String? = cohort.id
            var seen = Set<String>()
            while let id = current, seen.insert(id).inserted {
                slots.formUnion(busy[id] ?? [])
                current = parent[id] ?? nil
            }
            result[cohort.id] = slots
        }
        return result
    }
}

import LinearProgramming
import SchoolModel

extension TimetableFormulation {
    /// Tag limits: for each teacher named, and each leaf cohort inside a cohort named, the
    /// daily and consecutive limits over the start variables of its lessons with the tag.
    mutating func addTagLimits() throws {
        for limit in problem.school.tagLimits ?? [] {
            let tagged = Set(
                problem.lessons.indices.filter { problem.lessons[$0].activity.tags?.contains(limit.tag) == true })
            guard !tagged.isEmpty else { continue }
            for cover in covers(teachers: limit.teachers, cohorts: limit.cohorts) {
                try addLimits(
                    only(cover, lessons: tagged), perDay: limit.maxPeriodsPerDay, consecutive: limit.maxConsecutive)
            }
        }
    }

    /// `cover` restricted to the start variables of `lessons`.
    func only(_ cover: [Slot: [Variable]], lessons: Set<Int>) -> [Slot: [Variable]] {
        cover.compactMapValues { variables in
            let kept = variables.filter { lessons.contains(startLesson($0)) }
            return kept.isEmpty ? nil : kept
        }
    }
}

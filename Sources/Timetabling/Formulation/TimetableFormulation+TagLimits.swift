import LinearProgramming
import SchoolModel

extension TimetableFormulation {
    /// Tag limits: for each teacher named, and each leaf cohort inside a cohort named, the
    /// daily and consecutive limits over the start variables of its lessons with the tag.
    mutating func addTagLimits() throws {
        let teacherIndex = Dictionary(
            problem.school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for limit in problem.school.tagLimits ?? [] {
            let tagged = Set(
                problem.lessons.indices.filter { problem.lessons[$0].activity.tags?.contains(limit.tag) == true })
            guard !tagged.isEmpty else { continue }
            func only(_ cover: [Slot: [Variable]]) -> [Slot: [Variable]] {
                cover.compactMapValues { variables in
                    let kept = variables.filter { tagged.contains(startLesson($0)) }
                    return kept.isEmpty ? nil : kept
                }
            }
            for teacher in (limit.teachers ?? []).compactMap({ teacherIndex[$0] }) {
                try addLimits(
                    only(teacherCover[teacher]), perDay: limit.maxPeriodsPerDay, consecutive: limit.maxConsecutive)
            }
            let named = Set(limit.cohorts ?? [])
            for leaf in problem.leafCohorts.indices
            where problem.leafLineage[leaf].contains(where: { named.contains($0.id) }) {
                try addLimits(only(leafCover[leaf]), perDay: limit.maxPeriodsPerDay, consecutive: limit.maxConsecutive)
            }
        }
    }
}

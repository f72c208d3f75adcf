import LinearProgramming
import SchoolModel

extension TimetableFormulation {
    /// Soft day limits: for each teacher named and each leaf cohort inside a cohort named, a
    /// binary per day that a day busy in more than the limit's periods switches on, at the
    /// limit's weight (`busy − max ≤ (n − max) · over`, n the periods the day can hold).
    mutating func addSoftDayLimits() throws {
        let teacherIndex = Dictionary(
            problem.school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for limit in problem.school.softDayLimits ?? [] {
            var covers = (limit.teachers ?? []).compactMap { teacherIndex[$0] }.map { teacherCover[$0] }
            let named = Set(limit.cohorts ?? [])
            for leaf in problem.leafCohorts.indices
            where problem.leafLineage[leaf].contains(where: { named.contains($0.id) }) {
                covers.append(leafCover[leaf])
            }
            for cover in covers {
                for sequence in daySequences {
                    let slots = sequence.filter { cover[$0] != nil }
                    guard slots.count > limit.maxPeriodsPerDay else { continue }
                    let over = try model.addBinary()
                    let total = sum(slots.map { busy(cover, $0) })
                    try model.add(
                        total - Double(slots.count - limit.maxPeriodsPerDay) * over <= Double(limit.maxPeriodsPerDay))
                    objectiveTerms.add(limit.weight, over)
                }
            }
        }
    }
}

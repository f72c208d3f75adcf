import Foundation
import LinearProgramming
import SchoolModel

/// The master schedule of a school whose sections meet in the same period on each of their days
/// (a US high school's "Period 3"): one period per section, chosen by one GLPK MIP that sees the
/// students' course requests.
///
/// Variables: `y[s,p]`, section `s` meets in period `p`; `z[T,b]`, team `T` keeps block `b`
/// (contiguous periods) free; and, per group of students with the same requests, `w[g,c,p]`,
/// how many of them take course `c` in period `p` (continuous). Rows: one period per section, at
/// its feasible starts; a teacher's sections in distinct periods, at most their daily maximum,
/// no run above their maximum consecutive periods; per period, the sections confined to a set
/// of rooms no more than its rooms hold (Hall's condition); team members free in their block;
/// and for each group, each course in at most as many periods as it has students, each period
/// holding at most one course per student, and no more students in a course and period than
/// its sections there seat. Maximizing the weighted `w` makes courses that are requested
/// together fall in different periods — the course-conflict matrix in aggregate, exact for
/// whole groups (a group's course–period table with row and column sums at most its size splits
/// into that many individual timetables, by König's theorem); `flexplan load` then seats each
/// student.
struct MasterSchedule {
    let problem: SchedulingProblem
    /// Period positions every day has as teaching periods, in order.
    let periods: [Int]
    let sections: [CourseSection]
    /// Per section: its lessons (indices into `problem.lessons`), in meeting order, and its days.
    let lessons: [[Int]]
    let days: [[Int]]
    /// Per section: the periods (indices into `periods`) at which every meeting can start.
    let allowed: [[Int]]

    /// Why a school cannot use the master schedule, or nil when it can.
    static func unsuitable(_ school: School) -> String? { school.masterScheduleUnsuitability }

    init(problem: SchedulingProblem) {
        self.problem = problem
        let grid = problem.grid
        let dayCount = grid.days.count
        let longest = grid.days.indices.map { grid.periods(ofDay: $0).count }.max() ?? 0
        periods = (0..<longest).filter { period in
            grid.days.indices.allSatisfy { day in
                let all = grid.periods(ofDay: day)
                return period < all.count && all[period].resolvedKind == .teaching
            }
        }
        sections = problem.school.courseSections()
        let lessonIndex = Dictionary(
            problem.lessons.enumerated().map { ($1.activity.id, $0) }, uniquingKeysWith: { first, _ in first })
        let lessons = sections.map { $0.meetings.compactMap { lessonIndex[$0] } }
        let days = sections.map { section in
            let count = section.meetings.count
            return (0..<count).map { $0 * dayCount / max(1, count) }
        }
        let periods = self.periods
        self.lessons = lessons
        self.days = days
        allowed = sections.indices.map { index in
            periods.indices.filter { position in
                lessons[index].count == days[index].count
                    && zip(lessons[index], days[index]).allSatisfy { lesson, day in
                        problem.lessons[lesson].starts.contains(Slot(day: day, period: periods[position]))
                    }
            }
        }
    }

    /// Contiguous runs of `length` pattern periods (no break inside), as positions in `periods`.
    func blocks(length: Int) -> [[Int]] {
        guard length > 0, periods.count >= length else { return [] }
        return (0...(periods.count - length)).compactMap { start in
            let run = Array(start..<(start + length))
            return zip(run, run.dropFirst()).allSatisfy { periods[$1] == periods[$0] + 1 } ? run : nil
        }
    }
}

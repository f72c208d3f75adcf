extension School {
    /// The lessons to place: the explicit activities, plus, for a school with courses, one
    /// activity per meeting of each section.
    ///
    /// Sections are opened at the course's minimum count (its fixed count, or 1) and given
    /// teachers from the course's eligible list, least-loaded first (ties in list order) and
    /// within their weekly maximum where possible; courses with the fewest eligible teachers
    /// (singletons with a named teacher) are staffed first. The result is deterministic. Section `k` of course `C` is `C.k`; its meetings are
    /// `C.k-m1`, `C.k-m2`, … in a split group `C.k` that keeps them on different days.
    public func lessons() -> [Activity] {
        var result = activities ?? []
        guard let courses, !courses.isEmpty else { return result }
        var load: [String: Int] = [:]
        for activity in result {
            for teacher in activity.teachers { load[teacher, default: 0] += activity.resolvedDuration }
        }
        let maximum = Dictionary(
            teachers.map { ($0.id, $0.maxPeriodsPerWeek ?? .max) }, uniquingKeysWith: { a, _ in a })
        func eligibleTeachers(_ course: Course) -> [String] {
            course.teachers ?? teachers.filter { ($0.subjects ?? []).contains(course.subject ?? "") }.map(\.id)
        }
        let staffingOrder = courses.indices.sorted {
            (eligibleTeachers(courses[$0]).count, $0) < (eligibleTeachers(courses[$1]).count, $1)
        }
        var sectionTeachers: [Int: [[String]]] = [:]
        for index in staffingOrder {
            let course = courses[index]
            let eligible = eligibleTeachers(course)
            for _ in 0..<max(0, course.sections?.min ?? 1) {
                var teacherIDs: [String] = []
                // The least-loaded eligible teacher who still has room under their weekly
                // maximum (any least-loaded one when nobody has).
                let meetings = course.meetingsPerWeek * course.resolvedDuration
                let roomy = eligible.filter { (load[$0] ?? 0) + meetings <= (maximum[$0] ?? .max) }
                let pool = roomy.isEmpty ? eligible : roomy
                if let teacher = pool.min(by: {
                    (load[$0] ?? 0, eligible.firstIndex(of: $0)!) < (load[$1] ?? 0, eligible.firstIndex(of: $1)!)
                }) {
                    teacherIDs = [teacher]
                    load[teacher, default: 0] += meetings
                }
                sectionTeachers[index, default: []].append(teacherIDs)
            }
        }
        for (index, course) in courses.enumerated() {
            let sections = course.sections?.min ?? 1
            guard sections > 0 else { continue }
            for section in 1...sections {
                let teacherIDs = sectionTeachers[index]?[section - 1] ?? []
                let group = "\(course.id).\(section)"
                for meeting in 1...max(1, course.meetingsPerWeek) {
                    var activity = Activity(
                        id: "\(group)-m\(meeting)", subject: course.subject, teachers: teacherIDs,
                        duration: course.duration)
                    activity.students = course.maxSectionSize
                    activity.roomFeatures = course.roomFeatures
                    activity.preferredTimes = course.preferredTimes
                    if course.meetingsPerWeek > 1 {
                        activity.splitGroup = group
                        activity.minDaysApart = course.minDaysApart
                    }
                    result.append(activity)
                }
            }
        }
        return result
    }
}

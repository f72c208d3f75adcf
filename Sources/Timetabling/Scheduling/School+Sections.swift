extension School {
    /// The lessons to place: the explicit activities, plus, for a school with courses, one
    /// activity per meeting of each section.
    ///
    /// Sections are opened at the course's minimum count (its fixed count, or 1) and given
    /// teachers from the course's eligible list, least-loaded first (ties in list order), so
    /// that the result is deterministic. Section `k` of course `C` is `C.k`; its meetings are
    /// `C.k-m1`, `C.k-m2`, … in a split group `C.k` that keeps them on different days.
    public func lessons() -> [Activity] {
        var result = activities ?? []
        guard let courses, !courses.isEmpty else { return result }
        var load: [String: Int] = [:]
        for activity in result {
            for teacher in activity.teachers { load[teacher, default: 0] += activity.resolvedDuration }
        }
        for course in courses {
            let sections = course.sections?.min ?? 1
            guard sections > 0 else { continue }
            let eligible =
                course.teachers ?? teachers.filter { ($0.subjects ?? []).contains(course.subject ?? "") }.map(\.id)
            for section in 1...sections {
                var teacherIDs: [String] = []
                if let teacher = eligible.min(by: {
                    (load[$0] ?? 0, eligible.firstIndex(of: $0)!) < (load[$1] ?? 0, eligible.firstIndex(of: $1)!)
                }) {
                    teacherIDs = [teacher]
                    load[teacher, default: 0] += course.meetingsPerWeek * course.resolvedDuration
                }
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

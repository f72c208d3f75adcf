/// One section of a course: its id (`COURSE.k`), the ids of its meetings and its teachers.
public struct CourseSection: Sendable, Equatable, Identifiable {
    public var id: String
    public var course: String
    /// The activity ids of its meetings, `COURSE.k-m1`, `COURSE.k-m2`, …
    public var meetings: [String]
    public var teachers: [String]
}

extension School {
    /// The lessons to place: the explicit activities, plus, for a school with courses, one
    /// activity per meeting of each of ``courseSections()``.
    public func lessons() -> [Activity] {
        var result = activities ?? []
        let coursesByID = Dictionary((courses ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for section in courseSections() {
            guard let course = coursesByID[section.course] else { continue }
            for meeting in section.meetings {
                var activity = Activity(
                    id: meeting, subject: course.subject, teachers: section.teachers, duration: course.duration)
                activity.students = course.maxSectionSize
                activity.roomFeatures = course.roomFeatures
                activity.preferredTimes = course.preferredTimes
                if course.meetingsPerWeek > 1 {
                    activity.splitGroup = section.id
                    activity.minDaysApart = course.minDaysApart
                }
                result.append(activity)
            }
        }
        return result
    }

    /// The sections of the school's courses, in course order.
    ///
    /// Sections are opened at the course's minimum count (its fixed count, or 1) and given
    /// teachers from the course's eligible list, least-loaded first (ties in list order) and
    /// within their weekly maximum where possible; courses with the fewest eligible teachers
    /// (singletons with a named teacher) are staffed first. The result is deterministic.
    /// Section `k` of course `C` is `C.k`; its meetings are `C.k-m1`, `C.k-m2`, … (a split group
    /// `C.k` keeps them on different days).
    public func courseSections() -> [CourseSection] {
        guard let courses, !courses.isEmpty else { return [] }
        var load: [String: Int] = [:]
        for activity in activities ?? [] {
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
        var result: [CourseSection] = []
        for (index, course) in courses.enumerated() {
            let sections = course.sections?.min ?? 1
            guard sections > 0 else { continue }
            for section in 1...sections {
                let id = "\(course.id).\(section)"
                result.append(
                    CourseSection(
                        id: id, course: course.id,
                        meetings: (1...max(1, course.meetingsPerWeek)).map { "\(id)-m\($0)" },
                        teachers: sectionTeachers[index]?[section - 1] ?? []))
            }
        }
        return result
    }
}

extension School {
    /// Why the school cannot be planned as a master schedule (every course meeting in one
    /// period, sections placed whole), or nil when it can.
    public var masterScheduleUnsuitability: String? {
        guard let courses, !courses.isEmpty, courses.allSatisfy({ $0.samePeriod == true }) else {
            return "not every course has samePeriod"
        }
        if !(activities ?? []).isEmpty { return "the school also has activities" }
        if !(activityRelations ?? []).isEmpty { return "the school has activity relations" }
        if courses.contains(where: { $0.meetingsPerWeek > timeGrid.days.count }) {
            return "a course meets more often than the week has days"
        }
        return nil
    }
}

import Testing

@testable import SchoolModel
@testable import Timetabling

@Suite("Limits on school size")
struct LimitsTests {
    @Test("above the student limit a school is refused with a message naming the limit; at it, it validates")
    func students() {
        var school = TinySchools.school("big", teachers: ["T1"], cohorts: ["A"])
        school.students = (0..<SchoolLimits.students).map { Student(id: "S\($0)") }
        #expect(!school.validate().contains { $0.severity == .error && $0.path == "$.students" })
        school.students!.append(Student(id: "one too many"))
        let issue = school.validate().first { $0.path == "$.students" }
        #expect(issue?.severity == .error)
        #expect(issue?.message == "100001 students is above FlexPlan's limit of 100000")
    }

    @Test("too many periods in a day, too many requests for one student")
    func shapes() {
        var school = TinySchools.school("odd", teachers: ["T1"], cohorts: ["A"])
        school.timeGrid.bellSchedules[0].periods = (0..<49).map {
            Period(id: "p\($0)", start: "00:00", minutes: 1)
        }
        var student = Student(id: "S1")
        student.requests = (0..<41).map { CourseRequest(course: "C\($0)") }
        school.students = [student]
        let messages = school.validate().map(\.message)
        #expect(messages.contains("49 periods in a day is above FlexPlan's limit of 48"))
        #expect(messages.contains("41 course requests is above FlexPlan's limit of 40"))
    }
}

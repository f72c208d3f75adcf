/// A student loaded into one section of a course.
public struct SectionAssignment: Codable, Sendable, Equatable, Hashable {
    public var student: String
    public var course: String
    /// The section id, `COURSE.k`.
    public var section: String

    public init(student: String, course: String, section: String) {
        self.student = student
        self.course = course
        self.section = section
    }
}

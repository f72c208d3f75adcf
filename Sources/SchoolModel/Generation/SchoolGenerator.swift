/// Realistic schools of any size, deterministic for a seed: the bundled examples, test
/// schools and benchmark instances come from here (`flexplan generate`).
public struct SchoolGenerator: Sendable {
    /// The kind of school.
    public enum Kind: String, Sendable, CaseIterable {
        /// Cohorts (classes) K–5 with a homeroom teacher and specialists; grade-level teams.
        case primary
        /// Grades 6–8 in cohorts, interdisciplinary grade teams, two flex blocks a week.
        case middle
        /// Grades 9–12 with individual course requests, sections, labs, singletons and
        /// departments acting as PLCs.
        case high
    }

    public var kind: Kind
    public var students: Int
    public var seed: UInt64
    /// Common minutes per week each team needs; the kind's default when nil.
    public var teamMinutes: Int?
    /// Shortest contiguous block that counts, in minutes; the kind's default when nil.
    public var teamBlockMinutes: Int?

    public init(kind: Kind, students: Int, seed: UInt64, teamMinutes: Int? = nil, teamBlockMinutes: Int? = nil) {
        self.kind = kind
        self.students = students
        self.seed = seed
        self.teamMinutes = teamMinutes
        self.teamBlockMinutes = teamBlockMinutes
    }

    /// Sizes the generator accepts.
    public static let studentRange = 20...20_000

    /// The school.
    public func generate() -> School {
        var random = SeededGenerator(seed: seed)
        switch kind {
        case .primary: return generatePrimary(&random)
        case .middle: return generateMiddle(&random)
        case .high: return generateHigh(&random)
        }
    }
}

// MARK: - Shared pieces

extension SchoolGenerator {
    static let firstNames = [
        "Ada", "Ben", "Carmen", "Dev", "Elena", "Farid", "Grace", "Hiro", "Imani", "Jonas", "Kira", "Luis",
        "Maya", "Nikhil", "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Victor", "Wen", "Ximena",
        "Yusuf", "Zoe", "Amara", "Bruno", "Chloe", "Diego", "Esther", "Felix", "Gita", "Hugo", "Ines", "Jamal",
    ]
    static let lastNames = [
        "Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Johnson", "Khan",
        "Lopez", "Martin", "Nguyen", "Okafor", "Patel", "Quist", "Rossi", "Smith", "Tanaka", "Usman", "Vargas",
        "Walsh", "Xu", "Young", "Zhang", "Brooks", "Castro", "Dubois", "Eriksen", "Flores", "Gupta", "Hansen",
    ]

    func name(_ random: inout SeededGenerator) -> String {
        "\(random.pick(Self.firstNames)) \(random.pick(Self.lastNames))"
    }

    /// Teacher `T<number>` with the generators' usual limits: 6 periods a day, 4 in a row.
    func staffTeacher(_ number: Int, subjects: [String], _ random: inout SeededGenerator) -> Teacher {
        var teacher = Teacher(id: Self.id("T", number, width: 2), name: name(&random), subjects: subjects)
        teacher.maxPeriodsPerDay = 6
        teacher.maxConsecutive = 4
        return teacher
    }

    /// Monday to Friday on one bell schedule, or with a second schedule on some days.
    static func week(regular: String, alternate: String? = nil, alternateDays: Set<Int> = []) -> [Day] {
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
        let ids = ["mon", "tue", "wed", "thu", "fri"]
        return (0..<5).map { index in
            Day(
                id: ids[index], name: names[index],
                bellSchedule: alternateDays.contains(index) ? (alternate ?? regular) : regular, weekday: index + 1)
        }
    }

    static func calendar() -> SchoolCalendar {
        SchoolCalendar(
            termStart: "2026-09-01", termEnd: "2027-01-29",
            holidays: ["2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-11-27"]
                + (21...31).map { "2026-12-\($0)" } + ["2027-01-01", "2027-01-18"],
            timeZone: "America/Chicago")
    }

    /// A zero-padded id: `prefix` + number.
    static func id(_ prefix: String, _ number: Int, width: Int) -> String {
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

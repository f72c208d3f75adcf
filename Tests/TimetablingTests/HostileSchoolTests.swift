import Testing

@testable import SchoolModel
@testable import Timetabling

/// Schools with extreme numbers (from a spreadsheet gone wrong): validation either refuses them
/// or they solve; nothing traps on overflow or reaches a GLPK abort.
@Suite("Hostile schools")
struct HostileSchoolTests {
    static let extremes = [Int.min, -1, 0, 1, 7, 1_000_000, Int(Int32.max), Int.max]

    @Test("extreme values in every numeric field of a small school", arguments: 0..<40)
    func extremeValues(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed + 1))
        func pick() -> Int { Self.extremes[random.int(in: 0...(Self.extremes.count - 1))] }
        var school = TinySchools.school("hostile", days: 2, teachers: ["T1", "T2"], cohorts: ["A", "B"])
        school.activities = [
            TinySchools.lesson("a1", "T1", "A"), TinySchools.lesson("a2", "T2", "B", duration: 2),
            TinySchools.lesson("a3", "T1", "B"),
        ]
        switch seed % 8 {
        case 0: school.timeGrid.bellSchedules[0].periods[0].minutes = pick()
        case 1: school.rooms[0].seats = pick()
        case 2: school.activities![1].duration = pick()
        case 3: school.teachers[0].maxPeriodsPerDay = pick()
        case 4: school.cohorts![0].size = pick()
        case 5:
            school.teams = [
                Team(
                    id: "G", members: ["T1", "T2"],
                    collaboration: CollaborationRequirement(minutes: pick(), minBlockMinutes: pick(), minBlocks: pick())
                )
            ]
        case 6: school.rooms[1].groups = pick()
        default: school.activities![0].students = pick()
        }
        let errors = school.validate().filter { $0.severity == .error }
        guard errors.isEmpty else { return }  // refused, with its reason: fine
        var options = TimetableSolveOptions()
        options.iterations = 2
        _ = try? TimetableSolver.solve(school, options: options)
        _ = InfeasibilityExplainer.countingCauses(school)
    }
}

import SchoolModel
import Testing
import Timetabling

/// The relations read from FET, on activities of their own added to the mutation school:
/// teachers T5–T9 (no limits, in no team), cohort Z, no rooms. Each activity is in one
/// relation; the plan meets them all (`1 2 | lunch | 3 4` each day):
///
/// | relation | activities and places |
/// |---|---|
/// | consecutive, across breaks | P1 mon 2 (T5) → P2 mon 3 (T6) |
/// | grouped, across breaks | G3 tue 1 (T5), G1 tue 2 (T5), G2 tue 3 (T6) |
/// | notOverlapping | N1 wed 1 (T5), N2 wed 3–4 (T6) |
/// | sameDay | D1 mon 1 (T5), D2 mon 4 (T6) |
/// | samePeriod | H1 mon 1, H2 wed 1 (T7) |
/// | minGap 3 | M1 mon 1, M2 mon 4 (T8): 3 periods between, lunch included |
/// | orderedIfSameDay | O1 tue 1, O2 tue 2 (T8) |
/// | maxDaysApart 1 | X1 tue 1, X2 wed 3 (T7) |
/// | endsCohortsDay | E1 wed 3 (T9, Z), after E0 wed 1 (T9, Z) |
extension MutationSchool {
    static let relationPlaces: [(String, String, String, Int, String, String)] = [
        ("P1", "T5", "", 1, "mon", "2"), ("P2", "T6", "", 1, "mon", "3"),
        ("G1", "T5", "", 1, "tue", "2"), ("G2", "T6", "", 1, "tue", "3"), ("G3", "T5", "", 1, "tue", "1"),
        ("N1", "T5", "", 1, "wed", "1"), ("N2", "T6", "", 2, "wed", "3"),
        ("D1", "T5", "", 1, "mon", "1"), ("D2", "T6", "", 1, "mon", "4"),
        ("H1", "T7", "", 1, "mon", "1"), ("H2", "T7", "", 1, "wed", "1"),
        ("M1", "T8", "", 1, "mon", "1"), ("M2", "T8", "", 1, "mon", "4"),
        ("O1", "T8", "", 1, "tue", "1"), ("O2", "T8", "", 1, "tue", "2"),
        ("X1", "T7", "", 1, "tue", "1"), ("X2", "T7", "", 1, "wed", "3"),
        ("E0", "T9", "Z", 1, "wed", "1"), ("E1", "T9", "Z", 1, "wed", "3"),
    ]

    static let relations = [
        ActivityRelation(kind: .consecutive, activities: ["P1", "P2"], acrossBreaks: true),
        ActivityRelation(kind: .grouped, activities: ["G1", "G2", "G3"], acrossBreaks: true),
        ActivityRelation(kind: .notOverlapping, activities: ["N1", "N2"]),
        ActivityRelation(kind: .sameDay, activities: ["D1", "D2"]),
        ActivityRelation(kind: .samePeriod, activities: ["H1", "H2"]),
        ActivityRelation(kind: .minGap, activities: ["M1", "M2"], minPeriods: 3),
        ActivityRelation(kind: .orderedIfSameDay, activities: ["O1", "O2"]),
        ActivityRelation(kind: .maxDaysApart, activities: ["X1", "X2"], maxDays: 1),
        ActivityRelation(kind: .endsCohortsDay, activities: ["E1"]),
    ]

    /// The mutation school with the activities and relations above (soft with `weight`).
    static func addRelations(_ school: inout School, weight: Double? = nil) {
        school.teachers += ["T5", "T6", "T7", "T8", "T9"].map { Teacher(id: $0) }
        school.cohorts! += [Cohort(id: "Z", kind: .group, size: 10)]
        for (id, teacher, cohort, duration, _, _) in relationPlaces {
            var activity = Activity(
                id: id, teachers: [teacher], cohorts: cohort.isEmpty ? nil : [cohort],
                duration: duration == 1 ? nil : duration)
            activity.rooms = []
            school.activities!.append(activity)
        }
        school.activityRelations! += relations.map { relation in
            var relation = relation
            relation.weight = weight
            return relation
        }
    }

    static func addRelationPlan(_ plan: inout [Placement]) {
        plan += relationPlaces.map { Placement(activity: $0.0, day: $0.4, period: $0.5, room: nil) }
    }

    /// A mutation on the school with the relations: `change` breaks one of them.
    static func relationMove(_ activity: String, _ day: String, _ period: String) -> Mutation {
        Mutation(
            school: { addRelations(&$0) },
            plan: { plan in
                addRelationPlan(&plan)
                let index = plan.firstIndex { $0.activity == activity }!
                plan[index] = Placement(activity: activity, day: day, period: period, room: nil)
            })
    }

    /// One mutation per relation kind read from FET; each moves an activity of that relation
    /// only, to a period where its teacher is free, breaking the rule by 1 (one pair, one
    /// period, one day).
    static let relationMutations: [String: Mutation] = [
        // G2 leaves G1 (tue 2) for tue 4: period 3 lies between them.
        "relation.grouped": relationMove("G2", "tue", "4"),
        // N1 in wed 4, the second period of N2.
        "relation.notOverlapping": relationMove("N1", "wed", "4"),
        "relation.sameDay": relationMove("D2", "tue", "4"),
        "relation.samePeriod": relationMove("H2", "wed", "2"),
        // M2 in mon 3: periods 2 and lunch between, one short of 3.
        "relation.minGap": relationMove("M2", "mon", "3"),
        "relation.orderedIfSameDay": relationMove("O1", "tue", "3"),
        // X1 on Monday, two days before X2.
        "relation.maxDaysApart": relationMove("X1", "mon", "2"),
        // E0 after E1 on Wednesday.
        "relation.endsCohortsDay": relationMove("E0", "wed", "4"),
    ]
}

@Suite("Checker: relations read from FET")
struct RelationCheckerTests {
    static let rules = MutationSchool.relationMutations.keys.sorted()

    func mutated(_ rule: String, weight: Double? = nil) -> (School, [Placement]) {
        var school = MutationSchool.school
        var plan = MutationSchool.plan
        MutationSchool.relationMutations[rule]!.school(&school)
        MutationSchool.relationMutations[rule]!.plan(&plan)
        if let weight {
            for index in school.activityRelations!.indices.dropFirst(4) {
                school.activityRelations![index].weight = weight
            }
        }
        return (school, plan)
    }

    /// The mutation school and plan with the relations, unbroken.
    var withRelations: (School, [Placement]) {
        var school = MutationSchool.school
        var plan = MutationSchool.plan
        MutationSchool.addRelations(&school)
        MutationSchool.addRelationPlan(&plan)
        return (school, plan)
    }

    @Test("the plan meets every relation; the school is valid")
    func correctPlan() {
        let (school, plan) = withRelations
        #expect(school.validate().filter { $0.severity == .error }.isEmpty, "\(school.validate())")
        #expect(TimetableChecker.check(school, placements: plan, teams: MutationSchool.teams).violations.isEmpty)
    }

    @Test("consecutive across a break holds only with acrossBreaks")
    func consecutiveAcrossBreaks() {
        let (base, plan) = withRelations
        var school = base
        for index in school.activityRelations!.indices { school.activityRelations![index].acrossBreaks = nil }
        let report = TimetableChecker.check(school, placements: plan, teams: MutationSchool.teams)
        #expect(
            Set(report.violations.map(\.rule)) == ["relation.consecutive", "relation.grouped"], "\(report.violations)")
    }

    @Test("a soft relation broken by one unit scores its weight", arguments: rules)
    func softScore(rule: String) {
        let (school, plan) = mutated(rule, weight: 7)
        let report = TimetableChecker.check(school, placements: plan, teams: MutationSchool.teams)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.scores[rule] == 7, "\(report.scores)")
    }

    @Test("the solver meets every relation (hard), and scores soft ones as the checker does")
    func solved() throws {
        var options = TimetableSolveOptions()
        options.iterations = 100
        for weight in [nil, 5.0] {
            var school = MutationSchool.school
            MutationSchool.addRelations(&school, weight: weight)
            let result = try TimetableSolver.solve(school, options: options)
            try expectVerified(result, of: school)
        }
    }
}

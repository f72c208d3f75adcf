import ArgumentParser
import Foundation
import Interchange
import Reports
import SchoolModel
import Timetabling

/// `flexplan compare PLAN.json PLAN.json...`: plans side by side.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare plans side by side: KPIs with their change from the first, and the lessons that moved.",
        discussion: """
            Every figure is measured from the plan by the independent checkers, not taken from \
            the solver: requests met and students fully scheduled (schoolData plans), common minutes \
            per team and the teams meeting their requirement, teacher gaps (idle teaching \
            periods between two lessons of a day), individual planning minutes and the minutes \
            short of the requirement, room use, the plan's objective, bound and gap, hard \
            violations; then how many lessons sit at another time or in another room than in \
            the first plan (listed with --format json or html). Solve seconds are not in plan \
            files (a plan is byte-identical for the same input and seed); `flexplan sweep` \
            reports them.

            Each plan is measured against the school it names (with its scenario), or --school.

            JSON output (--format json): plans ({plan, metrics, movedFromFirst, moves}).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, md, json, html }

    @Argument(help: "Two plans or more (the first is the reference for the changes).")
    var plans: [String]

    @Option(help: "Output: table, md (Markdown), json or html.")
    var format: Format = .table

    @Option(help: "The school for every plan (default: the one each plan records).")
    var school: String?

    @Flag(
        help:
            "Read a .fet school even when it holds hard constraints FlexPlan does not support (a plan made with the flag records it)."
    )
    var ignoreUnsupported = false

    @OptionGroup var log: VerboseFlag

    func validate() throws {
        if plans.count < 2 { throw ValidationError("compare needs two plans or more") }
    }

    func run() throws {
        var columns: [PlanComparison.Column] = []
        var names = plans.map { ($0 as NSString).lastPathComponent }
        if Set(names).count < names.count { names = plans }
        for (path, name) in zip(plans, names) {
            let plan = try PlanFile.read(from: path)
            let schoolPath = school ?? plan.school.path
            let schoolData = try SchoolOptions.read(
                schoolPath, ignoreUnsupported: ignoreUnsupported || plan.school.ignoreUnsupported == true,
                scenario: plan.scenario, verbose: log.verbose)
            try plan.ensureMade(for: schoolData, at: schoolPath, plan: path)
            let metrics = PlanMetrics(
                school: schoolData, placements: plan.placements, teams: plan.teams, sections: plan.sections,
                objective: plan.objective, bound: plan.bound)
            columns.append(PlanComparison.Column(name: name, metrics: metrics, placements: plan.placements))
        }
        let comparison = PlanComparison(columns)
        switch format {
        case .table:
            let (header, rows) = comparison.table()
            TerminalTable.print(header: header, rows: rows)
        case .md:
            print(comparison.markdown())
        case .html:
            print(comparison.html(title: "Plans compared"))
        case .json:
            try JSONOutput.print(
                CompareOutput(
                    plans: zip(plans, zip(columns, comparison.moves)).map { path, pair in
                        .init(plan: path, metrics: pair.0.metrics, movedFromFirst: pair.1.count, moves: pair.1)
                    }))
        }
    }

    struct CompareOutput: Encodable {
        struct Entry: Encodable {
            var plan: String
            var metrics: PlanMetrics
            var movedFromFirst: Int
            var moves: [LessonMove]
        }

        var plans: [Entry]
    }
}

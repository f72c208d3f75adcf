import Plot
import SchoolModel

/// The HTML report of a plan: a folder of self-contained pages (inline CSS, no script, no
/// network) — KPIs and team common time on `index.html`, then a days × periods grid per
/// teacher, cohort, student, room and team.
public struct HTMLReport {
    public let week: PlannedWeek
    public let kpis: PlanKPIs
    /// "FlexPlan x.y.z".
    public let createdBy: String

    public init(week: PlannedWeek, kpis: PlanKPIs, createdBy: String) {
        self.week = week
        self.kpis = kpis
        self.createdBy = createdBy
    }

    private var school: School { week.school }

    /// The pages, by file name.
    public func pages() -> [String: String] {
        var pages: [String: String] = [:]
        for section in sections { pages[section.file] = render(section) }
        return pages
    }

    // MARK: Pages

    private struct Section {
        var file: String
        var title: String
        var content: () -> [Node<HTML.BodyContext>]

        /// A page of one grid per record, with a folded list of links to them first.
        init(
            file: String, title: String, records: [(id: String, name: String?)],
            grids: @escaping () -> [Node<HTML.BodyContext>]
        ) {
            self.file = file
            self.title = title
            content = {
                [
                    .details(
                        .summary(.text("All \(records.count) \(title.lowercased())")),
                        .div(
                            .class("list"),
                            .forEach(records) { record in
                                .a(.href("#" + HTMLReport.anchor(record.id)), .text(record.name ?? record.id))
                            })
                    )
                ] + grids()
            }
        }

        init(file: String, title: String, content: @escaping () -> [Node<HTML.BodyContext>]) {
            self.file = file
            self.title = title
            self.content = content
        }
    }

    private var sections: [Section] {
        var result = [Section(file: "index.html", title: "Overview", content: overview)]
        result.append(
            Section(file: "teachers.html", title: "Teachers", records: school.teachers.map { ($0.id, $0.name) }) {
                school.teachers.map { teacher in
                    entity(
                        id: teacher.id, name: teacher.name,
                        note: "\(week.meetings(ofTeacher: teacher.id).count) lessons",
                        grid: WeekGrid(grid: school.timeGrid, meetings: week.meetings(ofTeacher: teacher.id)),
                        detail: { [$0.cohorts.joined(separator: ", "), $0.room ?? ""] })
                }
            })
        if let cohorts = school.cohorts, !cohorts.isEmpty {
            result.append(
                Section(file: "cohorts.html", title: "Cohorts", records: cohorts.map { ($0.id, $0.name) }) {
                    cohorts.map { cohort in
                        entity(
                            id: cohort.id, name: cohort.name, note: "\(cohort.size) students",
                            grid: WeekGrid(grid: school.timeGrid, meetings: week.meetings(ofCohort: cohort.id)),
                            detail: { [$0.teachers.joined(separator: ", "), $0.room ?? ""] })
                    }
                })
        }
        let students = week.studentsWithTimetables
        if !students.isEmpty {
            result.append(
                Section(file: "students.html", title: "Students", records: students.map { ($0.id, $0.name) }) {
                    students.map { student in
                        entity(
                            id: student.id, name: student.name,
                            note: [student.grade.map { "grade \($0)" }, student.cohort].compactMap { $0 }.joined(
                                separator: ", "),
                            grid: WeekGrid(grid: school.timeGrid, meetings: week.meetings(ofStudent: student)),
                            detail: { [$0.section ?? "", $0.teachers.joined(separator: ", "), $0.room ?? ""] })
                    }
                })
        }
        result.append(
            Section(file: "rooms.html", title: "Rooms", records: school.rooms.map { ($0.id, $0.name) }) {
                school.rooms.map { room in
                    entity(
                        id: room.id, name: room.name,
                        note: "\(room.seats) seats, in use \(Self.percent(kpis.roomUseByRoom[room.id] ?? 0))",
                        grid: WeekGrid(grid: school.timeGrid, meetings: week.meetings(ofRoom: room.id)),
                        detail: { [$0.teachers.joined(separator: ", "), $0.cohorts.joined(separator: ", ")] })
                }
            })
        if let teams = school.teams, !teams.isEmpty {
            result.append(
                Section(file: "teams.html", title: "Teams", records: teams.map { ($0.id, $0.name) }) {
                    teams.map(teamSection)
                })
        }
        return result
    }

    private func render(_ section: Section) -> String {
        let links = sections.map { ($0.file, $0.title) }
        let html = HTML(
            .lang(.english),
            .head(
                .encoding(.utf8), .viewport(.accordingToDevice),
                .element(named: "title", text: "\(school.name) — \(section.title)"), .style(Self.css)),
            .body(
                .header(
                    .h1(.text(school.name)),
                    .p(.text("\(section.title) · \(createdBy) · status \(kpis.solve.status)"))),
                .nav(
                    .forEach(links) { file, title in
                        .a(.href(file), .class(file == section.file ? "here" : ""), .text(title))
                    }),
                .main(.group(section.content())),
                .footer(.text("Made by \(createdBy). Every plan FlexPlan writes has passed its independent checker."))
            ))
        return html.render()
    }

    // MARK: Overview

    private func overview() -> [Node<HTML.BodyContext>] {
        let solve = kpis.solve
        var cards: [(String, String)] = [
            (solve.objective.map { Self.number($0) } ?? "–", "objective (penalty, lower is better)"),
            (solve.bound.map { Self.number($0) } ?? "–", "proven bound: no plan scores below it"),
            (solve.gap.map { Self.percent($0) } ?? "–", "gap between plan and bound"),
            ("\(kpis.lessons)", "lessons placed"),
            (Self.percent(kpis.roomUse), "room use (of rooms × teaching periods)"),
        ]
        if !kpis.teams.isEmpty {
            cards.append(("\(kpis.teamsMeetingRequirement) of \(kpis.teams.count)", "teams with their common time"))
        }
        if let satisfied = kpis.requestsSatisfied { cards.append((Self.percent(satisfied), "Requests Satisfied")) }
        var nodes: [Node<HTML.BodyContext>] = [
            .div(
                .class("cards"),
                .forEach(cards) { value, label in .div(.class("card"), .b(.text(value)), .span(.text(label))) })
        ]
        if !kpis.teams.isEmpty {
            nodes.append(.h2(.text("Team common time")))
            nodes.append(teamTable())
        }
        nodes.append(.h2(.text("Soft rules given up")))
        if kpis.penalties.isEmpty {
            nodes.append(.p(.text("None: every soft rule is met.")))
        } else {
            nodes.append(
                .div(
                    .class("scroll"),
                    .table(
                        .tr(.th(.text("rule")), .th(.text("penalty"))),
                        .forEach(kpis.penalties) { rule, penalty in
                            .tr(.td(.text(rule)), .td(.text(Self.number(penalty))))
                        })))
        }
        return nodes
    }

    private func teamTable() -> Node<HTML.BodyContext> {
        let teams = Dictionary((school.teams ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return .div(
            .class("scroll"),
            .table(
                .tr(
                    .th(.text("team")), .th(.text("members")), .th(.text("minutes")),
                    .th(.text("required")), .th(.text("blocks of common time"))),
                .forEach(kpis.teams) { time in
                    .tr(
                        .class(time.achievedMinutes < time.requiredMinutes ? "short" : ""),
                        .td(.a(.href("teams.html#" + Self.anchor(time.id)), .text(teams[time.id]?.name ?? time.id))),
                        .td(.text((teams[time.id]?.members ?? []).joined(separator: ", "))),
                        .td(.text("\(time.achievedMinutes)")), .td(.text("\(time.requiredMinutes)")),
                        .td(.text(time.blocks.map(Self.describe).joined(separator: "; "))))
                }))
    }

    // MARK: Grids

    private func entity(
        id: String, name: String?, note: String, grid: WeekGrid,
        detail: @escaping (PlannedWeek.Meeting) -> [String]
    ) -> Node<HTML.BodyContext> {
        .section(
            .class("entity"), .id(Self.anchor(id)),
            .h2(.text(name.map { "\($0) (\(id))" } ?? id), .text(" "), .small(.text(note))),
            .div(.class("scroll"), table(grid, detail: detail)))
    }

    private func teamSection(_ team: Team) -> Node<HTML.BodyContext> {
        let time = week.teamTime[team.id]
        let members = team.members.map { week.meetings(ofTeacher: $0) }
        let grid = WeekGrid(grid: school.timeGrid, members: members, time: time)
        let note =
            time.map {
                "\($0.achievedMinutes) of \($0.requiredMinutes) minutes of common time: "
                    + ($0.blocks.isEmpty ? "no block" : $0.blocks.map(Self.describe).joined(separator: "; "))
            } ?? "no collaboration requirement"
        return .section(
            .class("entity"), .id(Self.anchor(team.id)),
            .h2(.text(team.name.map { "\($0) (\(team.id))" } ?? team.id)),
            .p(.text("Members: \(team.members.joined(separator: ", ")). \(note).")),
            .p(
                .class("time"),
                .text("Green: a block of common time (darker: the booked team meeting); elsewhere, members busy.")),
            .div(.class("scroll"), table(grid, detail: { _ in [] })))
    }

    private func table(
        _ grid: WeekGrid, detail: (PlannedWeek.Meeting) -> [String]
    ) -> Node<HTML.BodyContext> {
        .table(
            .class("grid"),
            .thead(.tr(.th(.text("")), .forEach(grid.days) { .th(.text($0)) })),
            .tbody(
                .forEach(grid.rows.indices) { row in
                    .tr(
                        .th(.text(grid.rows[row].period)),
                        .forEach(grid.days.indices) { day in
                            cell(grid.cells[row][day], time: grid.rows[row].times[day], detail: detail)
                        })
                }))
    }

    private func cell(
        _ cell: WeekGrid.Cell, time: String?, detail: (PlannedWeek.Meeting) -> [String]
    ) -> Node<HTML.TableRowContext> {
        switch cell {
        case .none:
            return .td(.class("none"))
        case .pause(let name):
            return .td(.class("pause"), .text(name))
        case .free:
            return .td(.span(.class("time"), .text(time ?? "")))
        case .meetings(let meetings):
            return .td(
                .class("lesson"),
                .forEach(meetings) { meeting in
                    .group(
                        .b(.text(meeting.title)),
                        .text(detail(meeting).filter { !$0.isEmpty }.joined(separator: " · ")))
                },
                .span(.class("time"), .text(time ?? "")))
        case .team(let busy, let total, let common, let meeting):
            if common {
                return .td(
                    .class(meeting ? "common meeting" : "common"), .text(meeting ? "team meeting" : "common time"),
                    .span(.class("time"), .text(time ?? "")))
            }
            return .td(.class("busy"), .text("\(busy) of \(total) busy"), .span(.class("time"), .text(time ?? "")))
        }
    }

    // MARK: Formatting

    /// A record id as an element id and link target (``RecordID/escaped(_:)``: Plot does not
    /// escape attribute values, and ids come from school data).
    static func anchor(_ id: String) -> String { RecordID.escaped(id) }

    static func describe(_ block: TeamTime.Block) -> String {
        "\(block.day) \(block.periods.joined(separator: "–")) (\(block.minutes) min\(block.meeting == true ? ", meeting" : ""))"
    }

    static func percent(_ value: Double) -> String {
        let tenths = (value * 1000).rounded() / 10
        return "\(tenths.formatted0)%"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? "\(Int(value))" : "\(((value * 100).rounded() / 100))"
    }
}

extension Double {
    /// One decimal, without a trailing ".0" for whole numbers.
    fileprivate var formatted0: String {
        self == rounded() ? "\(Int(self))" : "\(self)"
    }
}

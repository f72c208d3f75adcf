import Foundation
import Testing

// The mistakes suite of issue 24: hand-made bad inputs and bad option combinations over every
// reader and every subcommand, each with the exit code the contract gives it (1 no plan or
// violations found, 2 invalid input or usage, never 4) and the fragments that make its message
// "located": the file, and the line or the JSON path (record id and field) or the option.
//
// Each case is plain data: how to build its input in a fresh temporary folder (copies of the
// bundled examples and fixtures, edited line by line), the command line, the exit code, the
// fragments the message must contain. Strings may hold placeholders:
//
//   {case}          the case's temporary folder
//   {repo}          the repository root
//   {tiny}          a shared copy of Tests/flexplanTests/Fixtures/tiny-school.json
//   {tiny-plan}     a plan of {tiny} (solve --iterations 3), made once per run
//   {sample}        a shared copy of the CSV school folder Examples/csv-sample
//   {sample-plan}   a plan of {sample} (solve --iterations 3), made once per run
//
// Where the fragments are looked for: stderr, except for `validate` and `check`, whose report
// (the errors or violations with their paths) is their stdout, and for `--help`. Every case also
// fails on a raw Foundation error dump or on ArgumentParser's "Missing value" for a value that
// was given.
//
// JSON school files (Deliver 1): errors of the JSON itself — syntax, numbers of the wrong kind,
// values of the wrong type, values out of range, unknown fields — name `school.json:LINE` and
// the JSON path with the record id and the field; an unknown field also names the closest known
// field. Errors between records (an unknown reference, min above max) name the file and the path.

/// How a file is changed from its source.
enum MistakeEdit: Sendable {
    /// On the 1-based line, the first `old` becomes `new` (the case fails when the line lacks `old`).
    case line(Int, String, String)
    /// The first `old` anywhere becomes `new` (placeholders expanded in both).
    case replace(String, String)
    /// The file cut off in the middle of this 1-based line (the lines before it kept whole).
    case cut(atLine: Int)
}

/// One thing a case puts into its temporary folder, in order.
enum MistakeInput: Sendable {
    /// A copy of a file or folder (a path with placeholders) at `to`, relative to the case folder.
    case copy(String, to: String, edits: [MistakeEdit] = [])
    /// A file with this text.
    case text(String, String)
    /// A file with these bytes.
    case bytes(String, [UInt8])
    /// An empty folder.
    case folder(String)
    /// A file placed before (e.g. inside a copied folder), edited.
    case edit(String, [MistakeEdit])
    /// A file taken out of a folder placed before.
    case remove(String)
    /// A symbolic link at the first path pointing to the second (as written).
    case symlink(String, to: String)
    /// A zip file (stored entries) of the files of a folder placed before.
    case zip(String, of: String)
}

/// A run of the binary, in a working directory (placeholders expanded) or the test's own.
struct MistakeRun: Sendable {
    var directory: String?
    var arguments: [String]
}

/// What must hold on disk after the command (placeholders expanded).
enum MistakeAfterwards: Sendable {
    case absent(String)
    case present(String)
    case symlink(String)
    case contains(String, String)
}

/// One bad input or bad option combination and what the user must be told.
struct Mistake: Sendable, CustomTestStringConvertible {
    var name: String
    var inputs: [MistakeInput] = []
    var arguments: [String]
    var exit: Int32
    /// Fragments the message must contain.
    var located: [String]
    /// Fragments neither stdout nor stderr may contain.
    var forbidden: [String] = []
    /// Look for `located` in stdout too (commands whose report is their output).
    var searchesStdout = false
    /// Commands run first; each must exit 0.
    var prepare: [MistakeRun] = []
    /// The working directory of the command itself.
    var directory: String? = nil
    var afterwards: [MistakeAfterwards] = []

    var testDescription: String { name }
}

extension Mistake {
    /// Any command on inputs built in the case folder.
    static func run(
        _ name: String, _ inputs: [MistakeInput] = [], _ arguments: [String], exit: Int32 = 2,
        _ located: [String], forbidden: [String] = []
    ) -> Mistake {
        Mistake(
            name: name, inputs: inputs, arguments: arguments, exit: exit, located: located, forbidden: forbidden,
            searchesStdout: ["validate", "check"].contains(arguments.first ?? "") || arguments.contains("--help"))
    }

    /// `validate` of `school.json`, a copy of the CSV sample's JSON twin with `edits` (its
    /// fields one to a line, so that each edit's line is the line the message must name).
    static func json(
        _ name: String, _ edits: [MistakeEdit], _ located: [String], exit: Int32 = 2, forbidden: [String] = []
    ) -> Mistake {
        run(
            name, [.copy(MistakeTable.sampleJSON, to: "school.json", edits: edits)],
            ["validate", "{case}/school.json"],
            exit: exit, located, forbidden: forbidden)
    }

    /// `validate` of `school/`, a copy of the CSV school folder Examples/csv-sample, changed.
    static func csv(_ name: String, _ inputs: [MistakeInput], _ located: [String], exit: Int32 = 2) -> Mistake {
        run(
            name, [.copy("{repo}/Examples/csv-sample", to: "school")] + inputs, ["validate", "{case}/school"],
            exit: exit, located)
    }

    /// `validate` of `roster/`, a copy of Examples/oneroster-sample, changed.
    static func roster(_ name: String, _ inputs: [MistakeInput], _ located: [String], exit: Int32 = 2) -> Mistake {
        run(
            name, [.copy("{repo}/Examples/oneroster-sample", to: "roster")] + inputs, ["validate", "{case}/roster"],
            exit: exit, located)
    }

    /// `validate --ignore-unsupported` of `school.fet`, a copy of the tiny FET fixture with `edits`.
    static func fet(_ name: String, _ edits: [MistakeEdit], _ located: [String], exit: Int32 = 2) -> Mistake {
        run(
            name, [.copy(MistakeTable.tinyFET, to: "school.fet", edits: edits)],
            ["validate", "{case}/school.fet", "--ignore-unsupported"], exit: exit, located)
    }

    /// `flex` of the CSV sample, week 1, with `week.csv` (a valid week's requests) edited.
    static func week(_ name: String, _ edits: [MistakeEdit], _ located: [String], exit: Int32 = 2) -> Mistake {
        run(
            name, [.text("week.csv", MistakeTable.weekCSV), .edit("week.csv", edits)],
            ["flex", "{sample}", "--week", "1", "--requests", "{case}/week.csv"], exit: exit, located)
    }

    /// `validate` of the CSV sample's JSON twin with `s.json`, a valid overlay, edited.
    static func overlay(_ name: String, _ edits: [MistakeEdit], _ located: [String], exit: Int32 = 2) -> Mistake {
        run(
            name, [.text("s.json", MistakeTable.overlayJSON), .edit("s.json", edits)],
            ["validate", MistakeTable.sampleJSON, "--scenario", "{case}/s.json"], exit: exit, located)
    }

    /// `lp solve` of a model file with this text.
    static func lp(
        _ name: String, _ file: String, _ text: String, options: [String] = [], exit: Int32 = 2, _ located: [String],
        forbidden: [String] = []
    ) -> Mistake {
        run(
            name, [.text(file, text)], ["lp", "solve", "{case}/\(file)"] + options, exit: exit, located,
            forbidden: forbidden)
    }
}

// MARK: - The cases

enum MistakeTable {
    static let sampleJSON = "{repo}/Tests/InterchangeTests/Fixtures/csv-sample.json"
    static let tinyFET = "{repo}/Tests/InterchangeTests/Fixtures/tiny-school.fet"
    static let tinyTimetable = "{repo}/Tests/InterchangeTests/Fixtures/tiny-school_activities.xml"

    /// A valid week of flex requests and choices for the CSV sample.
    static let weekCSV = """
        kind,student,session,rank,teacher,priority,hard,periods
        request,S001,F01,,T02,2,true,tue:flex
        choice,S002,F01,1,,,,
        choice,S002,F02,2,,,,
        choice,S003,F02,1,,,,

        """

    /// A valid overlay of the CSV sample; its operation is line 5.
    static let overlayJSON = """
        {
          "formatVersion": 1,
          "name": "more team time",
          "operations": [
            { "op": "set", "path": "teams[id=G7].collaboration.minutes", "value": 150 }
          ]
        }

        """

    /// Makes the tiny school infeasible: its only math teacher is away all Monday.
    static let awayOverlay = """
        {"formatVersion": 1, "name": "T1 away", "operations": [{"op": "set", "path": "teachers[id=T1].unavailable", "value": [{"day": "mon"}]}]}

        """

    /// Fragments no output may contain: a raw Foundation error, or ArgumentParser's "Missing
    /// value" for a value that was given (a negative number read as an option).
    static let neverShown = ["NSCocoaErrorDomain", "Error Domain=", "Missing value for", "Fatal error"]

    /// A plan of the CSV sample whose recorded school is `{case}/school.json` (the sample's JSON
    /// twin, changed by the case), for the commands that read a school through a plan.
    static let planOfCaseSchool = MistakeInput.copy(
        "{sample-plan}", to: "plan.json", edits: [.replace("{sample}", "{case}/school.json")])

    // MARK: FlexPlan JSON school

    /// Numbers of the wrong kind: a fraction or an out-of-range number for a whole number.
    static let jsonNumberKinds: [Mistake] = [
        .json("seats 28.5", [.line(192, "28", "28.5")], ["school.json:192", "$.rooms[id=R1].seats"]),
        .json("seats 1e30", [.line(192, "28", "1e30")], ["school.json:192", "$.rooms[id=R1].seats"]),
        .json("seats 2^63", [.line(192, "28", "9223372036854775808")], ["school.json:192", "$.rooms[id=R1].seats"]),
        .json(
            "seats -2^63-1", [.line(197, "28", "-9223372036854775809")], ["school.json:197", "$.rooms[id=R2].seats"]),
        .json(
            "maxPeriodsPerDay 5.5", [.line(142, "4", "5.5")],
            ["school.json:142", "$.teachers[id=T01].maxPeriodsPerDay"]),
        .json("weekday 1.5", [.line(80, "1", "1.5")], ["school.json:80", "$.timeGrid.days[id=mon].weekday"]),
        .json(
            "period minutes 50.5", [.line(12, "50", "50.5")],
            ["school.json:12", "$.timeGrid.bellSchedules[id=regular].periods[id=1].minutes"]),
        .json("flex priority 2.5", [.line(583, "2", "2.5")], ["school.json:583", "$.flex.requests[0].priority"]),
        .json(
            "profile level 2.5", [.line(270, "2", "2.5")],
            ["school.json:270", "$.students[id=S001].profile.levels.math"]),
        .json(
            "team minutes 100.5", [.line(518, "100", "100.5")],
            ["school.json:518", "$.teams[id=G7].collaboration.minutes"]),
        .json(
            "meetingsPerWeek 4.5", [.line(345, "4", "4.5")], ["school.json:345", "$.courses[id=MATH7].meetingsPerWeek"]),
        .json("sections 2.5", [.line(347, "2", "2.5")], ["school.json:347", "$.courses[id=MATH7].sections"]),
        // Beyond even a Double.
        .json("cohort size 1e400", [.line(231, "48", "1e400")], ["school.json:231", "$.cohorts[id=Y7].size"]),
    ]

    static let jsonTypes: [Mistake] = [
        .json("seats as a string", [.line(192, "28", "\"28\"")], ["school.json:192", "$.rooms[id=R1].seats"]),
        .json("seats null", [.line(192, "28", "null")], ["school.json:192", "$.rooms[id=R1].seats"]),
        .json(
            "meeting \"yes\"", [.line(534, "true", "\"yes\"")],
            ["school.json:534", "$.teams[id=G7].collaboration.meeting"]),
        .json(
            "team weight \"high\"", [.line(536, "5", "\"high\"")],
            ["school.json:536", "$.teams[id=G7].collaboration.weight"]),
        .json("cohort kind grade", [.line(230, "year", "grade")], ["school.json:230", "$.cohorts[id=Y7].kind"]),
        .json("catch-all kind room", [.line(603, "session", "room")], ["school.json:603", "$.flex.catchAll.kind"]),
        .json("formatVersion \"1\"", [.line(2, "1", "\"1\"")], ["school.json:2", "$.formatVersion"]),
        .json("name 42", [.line(3, "\"Maple Street Middle School\"", "42")], ["school.json:3", "$.name"]),
        .json("room groups true", [.line(212, "2", "true")], ["school.json:212", "$.rooms[id=GYM].groups"]),
        .json("team member 1", [.line(513, "\"T01\"", "1")], ["school.json:513", "$.teams[id=G7].members[0]"]),
        .json(
            "needs \"none\"", [.line(301, "[]", "\"none\"")], ["school.json:301", "$.students[id=S002].profile.needs"]),
        .json("sections \"two\"", [.line(347, "2", "\"two\"")], ["school.json:347", "$.courses[id=MATH7].sections"]),
        .json("hard \"true\"", [.line(584, "true", "\"true\"")], ["school.json:584", "$.flex.requests[0].hard"]),
    ]

    /// A misspelled field must never remove a rule: an error naming it, its record, its line and
    /// the closest known field.
    static let jsonUnknownFields: [Mistake] = [
        .json(
            "teacher maxPeriodPerDay", [.line(142, "maxPeriodsPerDay", "maxPeriodPerDay")],
            ["school.json:142", "$.teachers[id=T01].maxPeriodPerDay", "maxPeriodsPerDay"]),
        .json(
            "teacher unavailble", [.line(144, "unavailable", "unavailble")],
            ["school.json:144", "$.teachers[id=T01].unavailble", "unavailable"]),
        .json(
            "collaboration maxDirectMinutes", [.line(535, "maxDirectedMinutes", "maxDirectMinutes")],
            ["school.json:535", "$.teams[id=G7].collaboration.maxDirectMinutes", "maxDirectedMinutes"]),
        .json(
            "weights techerGap", [.line(608, "teacherGap", "techerGap")],
            ["school.json:608", "$.weights.techerGap", "teacherGap"]),
        .json(
            "calendar timezone", [.line(115, "timeZone", "timezone")],
            ["school.json:115", "$.calendar.timezone", "timeZone"]),
        // The lunch break would silently become a teaching period.
        .json(
            "period knd", [.line(23, "\"kind\"", "\"knd\"")],
            ["school.json:23", "$.timeGrid.bellSchedules[id=regular].periods[id=lunch].knd", "kind"]),
        // The lock would silently go.
        .json(
            "activity lockd", [.line(458, "\"locked\"", "\"lockd\"")],
            ["school.json:458", "$.activities[id=7-pe].lockd", "locked"]),
        .json(
            "locked rom", [.line(461, "\"room\"", "\"rom\"")],
            ["school.json:461", "$.activities[id=7-pe].locked.rom", "room"]),
        .json("room seat", [.line(192, "\"seats\"", "\"seat\"")], ["school.json:192", "$.rooms[id=R1].seat", "seats"]),
        .json("top-level nmae", [.line(3, "\"name\"", "\"nmae\"")], ["school.json:3", "$.nmae", "name"]),
        .json(
            "student keepwith", [.line(291, "keepWith", "keepwith")],
            ["school.json:291", "$.students[id=S001].keepwith", "keepWith"]),
        .json(
            "flex session capcity", [.line(555, "capacity", "capcity")],
            ["school.json:555", "$.flex.sessions[id=F01].capcity", "capacity"]),
        .json(
            "course techers", [.line(348, "teachers", "techers")],
            ["school.json:348", "$.courses[id=MATH7].techers", "teachers"]),
        .json(
            "cohort maxPeriodsPerDy", [.line(240, "maxPeriodsPerDay", "maxPeriodsPerDy")],
            ["school.json:240", "$.cohorts[id=7A].maxPeriodsPerDy", "maxPeriodsPerDay"]),
        .json(
            "relation mindays", [.line(503, "minDays", "mindays")],
            ["school.json:503", "$.activityRelations[1].mindays", "minDays"]),
    ]

    static let jsonSyntax: [Mistake] = [
        .json("truncated in line 300", [.cut(atLine: 300)], ["school.json:300"]),
        .json("truncated in line 3", [.cut(atLine: 3)], ["school.json:3"]),
        .run("empty file", [.text("school.json", "")], ["validate", "{case}/school.json"], ["school.json:1"]),
        .run(
            "binary garbage", [.bytes("school.json", [0xFF, 0xFE, 0x00, 0x7B, 0x7D])],
            ["validate", "{case}/school.json"],
            ["school.json:1"]),
        .json("missing comma", [.line(191, "\"Room 1\",", "\"Room 1\"")], ["school.json:192"]),
        .json("extra brace", [.line(193, "},", "}},")], ["school.json:193"]),
        .json("single quotes", [.line(3, "\"name\"", "'name'")], ["school.json:3"]),
        .json("a comment", [.line(2, "\"formatVersion\": 1,", "\"formatVersion\": 1, // v1")], ["school.json:2"]),
        .json("NaN", [.line(192, "28", "NaN")], ["school.json:192"]),
        // A key given twice keeps one value silently.
        .json(
            "seats given twice", [.line(192, "\"seats\": 28", "\"seats\": 28, \"seats\": 10")],
            ["school.json:192", "$.rooms[id=R1].seats"]),
        .run(
            "a JSON array", [.text("school.json", "[]\n")], ["validate", "{case}/school.json"], ["school.json", "$"]),
        .json(
            "missing seats",
            [.line(191, "\"Room 1\",", "\"Room 1\""), .line(192, "\"seats\": 28", "")],
            ["school.json", "$.rooms[id=R1]", "seats"]),
    ]

    /// A value out of its range: the line, the path and the field.
    static let jsonRanges: [Mistake] = [
        .json("seats -1", [.line(192, "28", "-1")], ["school.json:192", "$.rooms[id=R1].seats"]),
        .json(
            "period minutes 0", [.line(12, "50", "0")],
            ["school.json:12", "$.timeGrid.bellSchedules[id=regular].periods[id=1].minutes"]),
        .json("weekday 8", [.line(80, "1", "8")], ["school.json:80", "$.timeGrid.days[id=mon].weekday"]),
        .json(
            "request weight 0", [.line(281, "10", "0")],
            ["school.json:281", "$.students[id=S001].requests[0].weight"]),
        .json("flex capacity -12", [.line(555, "12", "-12")], ["school.json:555", "$.flex.sessions[id=F01].capacity"]),
        .json("course duration 0", [.line(357, "2", "0")], ["school.json:357", "$.courses[id=ROBOT].duration"]),
        .json(
            "activity students -48", [.line(473, "48", "-48")],
            ["school.json:473", "$.activities[id=7-assembly].students"]),
        .json("weight teacherGap -2", [.line(608, "2", "-2")], ["school.json:608", "$.weights.teacherGap"]),
        .json("cohort size -24", [.line(238, "24", "-24")], ["school.json:238", "$.cohorts[id=7A].size"]),
        .json(
            "start 25:00", [.line(11, "08:00", "25:00")],
            ["school.json:11", "$.timeGrid.bellSchedules[id=regular].periods[id=1].start"]),
        .json(
            "termStart month 13", [.line(109, "2026-09-01", "2026-13-01")], ["school.json:109", "$.calendar.termStart"]),
        // Accepted today; the calendars would come out in floating time.
        .json(
            "time zone Mars/Olympus", [.line(115, "America/Chicago", "Mars/Olympus")],
            ["school.json:115", "$.calendar.timeZone"]),
        // Accepted today: 31 November.
        .json(
            "holiday 2026-11-31", [.line(112, "2026-11-26", "2026-11-31")],
            ["school.json:112", "$.calendar.holidays[0]"]),
    ]

    /// Errors between records: the file, the path with the record id, and the field.
    static let jsonReferences: [Mistake] = [
        .json(
            "activity teacher T10", [.line(398, "T01", "T10")],
            ["school.json", "$.activities[id=7A-ela-1].teachers[0]", "T10"]),
        .json(
            "locked period 9", [.line(460, "\"1\"", "\"9\"")],
            ["school.json", "$.activities[id=7-pe].locked.period", "'9'"]),
        .json(
            "relation activity 7B-bio", [.line(494, "7B-sci", "7B-bio")],
            ["school.json", "$.activityRelations[0].activities[1]", "7B-bio"]),
        .json("team member twice", [.line(514, "T02", "T01")], ["school.json", "$.teams[id=G7].members[1]", "T01"]),
        .json("homeroom R9", [.line(239, "R1", "R9")], ["school.json", "$.cohorts[id=7A].homeroom", "R9"]),
        .json("duplicate room id", [.line(195, "R2", "R1")], ["school.json", "$.rooms[1].id", "R1"]),
        .json(
            "sections min above max", [.line(363, "1", "3")], ["school.json", "$.courses[id=ROBOT].sections.min"]),
        .json(
            "term ends before it starts", [.line(110, "2027-01-29", "2026-08-01")],
            ["school.json", "$.calendar.termEnd"]),
        .json("formatVersion 2", [.line(2, "1", "2")], ["school.json", "$.formatVersion"]),
        .json(
            "flex request student S999", [.line(581, "S001", "S999")],
            ["school.json", "$.flex.requests[0].student", "S999"]),
        .json("catch-all session F09", [.line(604, "F02", "F09")], ["school.json", "$.flex.catchAll.session", "F09"]),
        .json(
            "preferred room R7", [.line(167, "R2", "R7")],
            ["school.json", "$.teachers[id=T02].preferredRooms[0]", "R7"]),
        .json(
            "activity cohort 7Z", [.line(401, "7A", "7Z")],
            ["school.json", "$.activities[id=7A-ela-1].cohorts[0]", "7Z"]),
        .json(
            "alternate ART9", [.line(287, "ART7", "ART9")],
            ["school.json", "$.students[id=S001].requests[1].alternates[0]", "ART9"]),
        .json(
            "keepWith S099", [.line(292, "S002", "S099")], ["school.json", "$.students[id=S001].keepWith[0]", "S099"]),
        .json("cohort inside itself", [.line(237, "Y7", "7A")], ["school.json", "$.cohorts[id=7A].parent"]),
    ]

    /// Every command reads the school through the same reader: the same mistake, located the
    /// same way, whatever the command (seats 28.5 on line 192 unless said).
    static let schoolThroughCommands: [Mistake] = {
        let seats = MistakeInput.copy(sampleJSON, to: "school.json", edits: [.line(192, "28", "28.5")])
        let typo = MistakeInput.copy(
            sampleJSON, to: "school.json", edits: [.line(142, "maxPeriodsPerDay", "maxPeriodPerDay")])
        let located = ["school.json:192", "$.rooms[id=R1].seats"]
        return [
            .run("solve: seats 28.5", [seats], ["solve", "{case}/school.json", "--iterations", "3"], located),
            .run(
                "solve: maxPeriodPerDay", [typo], ["solve", "{case}/school.json", "--iterations", "3"],
                ["school.json:142", "$.teachers[id=T01].maxPeriodPerDay", "maxPeriodsPerDay"]),
            .run("explain: seats 28.5", [seats], ["explain", "{case}/school.json", "--iterations", "3"], located),
            .run(
                "sweep: seats 28.5", [seats],
                ["sweep", "{case}/school.json", "--vary", "rooms[id=R2].seats=20,30", "--iterations", "3"], located),
            .run("flex: seats 28.5", [seats], ["flex", "{case}/school.json", "--week", "1"], located),
            .run(
                "load: seats 28.5", [seats, planOfCaseSchool],
                ["load", "{case}/school.json", "{case}/plan.json", "--iterations", "3"], located),
            .run(
                "check: seats 28.5", [seats, planOfCaseSchool], ["check", "{case}/school.json", "{case}/plan.json"],
                located),
            .run(
                "substitutes: seats 28.5", [seats, planOfCaseSchool],
                ["substitutes", "{case}/school.json", "{case}/plan.json", "--team", "G7", "--when", "wed:3"], located),
            // The school is the one the plan records.
            .run(
                "export: seats 28.5", [seats, planOfCaseSchool],
                ["export", "{case}/plan.json", "--to", "csv", "-o", "{case}/out"], located),
            .run(
                "compare --school: seats 28.5", [seats],
                ["compare", "{sample-plan}", "{sample-plan}", "--school", "{case}/school.json"], located),
            .run(
                "validate --format json: seats 28.5", [seats], ["validate", "{case}/school.json", "--format", "json"],
                ["school.json", "$.rooms[id=R1].seats", "\"record\":\"R1\"", "\"field\":\"seats\""]),
            .run(
                "validate --format json: maxPeriodPerDay", [typo],
                ["validate", "{case}/school.json", "--format", "json"],
                ["school.json", "\"valid\":false", "maxPeriodPerDay", "\"record\":\"T01\""]),
            .run(
                "solve: school file missing", [], ["solve", "{case}/nope.json", "--iterations", "3"], ["nope.json"]),
            .run(
                "solve: a README as the school", [],
                ["solve", "{repo}/Examples/csv-sample/README.md", "--iterations", "3"],
                ["README.md"]),
            .run("validate: a folder with no school", [.folder("empty")], ["validate", "{case}/empty"], ["empty"]),
            .run(
                "validate: one CSV file as the school", [], ["validate", "{repo}/Examples/csv-sample/rooms.csv"],
                ["rooms.csv"]),
            .run(
                "validate: a plan as the school", [], ["validate", "{tiny-plan}"], ["tiny-plan.json"]),
        ]
    }()

    // MARK: Scenario overlays

    static let overlays: [Mistake] = [
        .overlay(
            "overlay: unknown record G9", [.line(5, "G7", "G9")], ["s.json", "operations[0]", "G9"]),
        .overlay(
            "overlay: value \"lots\"", [.line(5, "150", "\"lots\"")], ["s.json", "operations[0]", "minutes"]),
        .overlay("overlay: value 150.5", [.line(5, "150", "150.5")], ["s.json", "operations[0]", "minutes"]),
        .overlay("overlay: value 1e30", [.line(5, "150", "1e30")], ["s.json", "operations[0]", "minutes"]),
        .overlay(
            "overlay: field minuts", [.line(5, "minutes", "minuts")], ["s.json", "operations[0]", "minuts", "minutes"]),
        .overlay("overlay: op replace", [.line(5, "\"set\"", "\"replace\"")], ["s.json", "operations[0].op"]),
        .overlay(
            "overlay: bad path", [.line(5, "teams[id=G7]", "teams[id=G7")], ["s.json", "operations[0].path"]),
        .overlay(
            "overlay: set without value", [.line(5, ", \"value\": 150", "")], ["s.json", "operations[0].value"]),
        .overlay(
            "overlay: operation field vaule", [.line(5, "\"value\"", "\"vaule\"")], ["s.json", "vaule", "value"]),
        .overlay(
            "overlay: top field operation", [.line(4, "\"operations\"", "\"operation\"")], ["s.json", "operation"]),
        .overlay(
            "overlay: added teacher's maxPeriodPerDay",
            [
                .line(
                    5, "{ \"op\": \"set\", \"path\": \"teams[id=G7].collaboration.minutes\", \"value\": 150 }",
                    "{ \"op\": \"add\", \"path\": \"teachers\", \"value\": { \"id\": \"T09\", \"maxPeriodPerDay\": 3 } }"
                )
            ], ["s.json", "operations[0]", "maxPeriodPerDay", "maxPeriodsPerDay"]),
        .overlay(
            "overlay: remove unknown room",
            [
                .line(
                    5, "{ \"op\": \"set\", \"path\": \"teams[id=G7].collaboration.minutes\", \"value\": 150 }",
                    "{ \"op\": \"remove\", \"path\": \"rooms[id=R9]\" }")
            ],
            ["s.json", "operations[0]", "R9"]),
        .overlay("overlay: formatVersion 2", [.line(2, "1", "2")], ["s.json", "$.formatVersion"]),
        .overlay("overlay: truncated", [.cut(atLine: 5)], ["s.json:5"]),
        .overlay(
            "overlay: makes seats negative",
            [.line(5, "teams[id=G7].collaboration.minutes\", \"value\": 150", "rooms[id=R1].seats\", \"value\": -5")],
            ["$.rooms[id=R1].seats", "-5"]),
        .run(
            "overlay: a JSON array", [.text("s.json", "[]\n")],
            ["validate", sampleJSON, "--scenario", "{case}/s.json"],
            ["s.json", "$"]),
        // A missing overlay is no invalid school.
        .run(
            "overlay: missing file", [], ["validate", sampleJSON, "--scenario", "{case}/nope.json"], ["nope.json"],
            forbidden: ["is not a valid school"]),
        .run(
            "overlay: a folder", [.folder("overlays")], ["validate", sampleJSON, "--scenario", "{case}/overlays"],
            ["overlays"], forbidden: ["is not a valid school"]),
        .run(
            "solve --scenario: unknown record",
            [.text("s.json", overlayJSON), .edit("s.json", [.line(5, "G7", "G9")])],
            ["solve", "{sample}", "--scenario", "{case}/s.json", "--iterations", "3"],
            ["s.json", "operations[0]", "G9"]),
        .run(
            "explain --scenario: missing file", [],
            ["explain", "{tiny}", "--scenario", "{case}/nope.json", "--iterations", "3"],
            ["nope.json"], forbidden: ["is not a valid school"]),
        .run(
            "sweep --scenario: field minuts",
            [.text("s.json", overlayJSON), .edit("s.json", [.line(5, "minutes", "minuts")])],
            [
                "sweep", "{sample}", "--scenario", "{case}/s.json", "--vary", "rooms[id=R1].seats=28,30",
                "--iterations", "3",
            ],
            ["s.json", "operations[0]", "minuts", "minutes"]),
    ]

    // MARK: CSV school folder

    static let csvSchool: [Mistake] = [
        .csv("rooms.csv seats 28.5", [.edit("school/rooms.csv", [.line(2, "28", "28.5")])], ["rooms.csv:2", "seats"]),
        .csv("rooms.csv seats many", [.edit("school/rooms.csv", [.line(2, "28", "many")])], ["rooms.csv:2", "seats"]),
        .csv(
            "rooms.csv seats 2^63", [.edit("school/rooms.csv", [.line(2, "28", "9223372036854775808")])],
            ["rooms.csv:2", "seats"]),
        .csv(
            "rooms.csv unknown column group", [.edit("school/rooms.csv", [.line(1, "groups", "group")])],
            ["rooms.csv:1", "group"]),
        .csv(
            "rooms.csv 7 fields", [.edit("school/rooms.csv", [.line(3, "R2,Room 2,28,,,", "R2,Room 2,28,,,,x")])],
            ["rooms.csv:3"]),
        .csv(
            "rooms.csv short row", [.edit("school/rooms.csv", [.line(3, "R2,Room 2,28,,,", "R2,Room 2")])],
            ["rooms.csv:3", "seats"]),
        .csv("rooms.csv empty", [.text("school/rooms.csv", "")], ["rooms.csv:1"]),
        // Today the quote swallows the lines up to the next quote: follow-on "unknown teacher" errors.
        .csv(
            "teachers.csv unterminated quote",
            [.edit("school/teachers.csv", [.line(2, "\"Okafor, Ada\"", "\"Okafor, Ada")])], ["teachers.csv:2", "quote"]),
        .csv(
            "teams.csv meeting ja", [.edit("school/teams.csv", [.line(2, "true", "ja")])], ["teams.csv:2", "meeting"]),
        .csv(
            "periods.csv start 8h", [.edit("school/periods.csv", [.line(2, "08:00", "8h")])],
            ["periods.csv:2", "start"]),
        .csv(
            "cohorts.csv kind grade", [.edit("school/cohorts.csv", [.line(2, "year", "grade")])],
            ["cohorts.csv:2", "kind"]),
        .csv(
            "courses.csv sections some", [.edit("school/courses.csv", [.line(3, "1-2", "some")])],
            ["courses.csv:3", "sections"]),
        .csv(
            "requests.csv weight ten", [.edit("school/requests.csv", [.line(2, "10", "ten")])],
            ["requests.csv:2", "weight"]),
        .csv(
            "requests.csv alternate maybe", [.edit("school/requests.csv", [.line(4, "yes", "maybe")])],
            ["requests.csv:4", "alternate"]),
        .csv(
            "school.csv field termstart", [.edit("school/school.csv", [.line(3, "termStart", "termstart")])],
            ["school.csv:3", "termstart", "termStart"]),
        // The field is weights.teacherGap, not the column 'value'.
        .csv(
            "school.csv teacherGap lots", [.edit("school/school.csv", [.line(8, ",2", ",lots")])],
            ["school.csv:8", "teacherGap"]),
        .csv(
            "school.csv termStart 31 September", [.edit("school/school.csv", [.line(3, "2026-09-01", "2026-09-31")])],
            ["school.csv:3", "termStart"]),
        .csv(
            "school.csv time zone Mars/Olympus",
            [.edit("school/school.csv", [.line(6, "America/Chicago", "Mars/Olympus")])],
            ["school.csv:6", "timeZone"]),
        .csv(
            "school.csv catch-all room:F02", [.edit("school/school.csv", [.line(7, "session:F02", "room:F02")])],
            ["school.csv:7", "flexCatchAll"]),
        .csv(
            "students.csv levels math:two", [.edit("school/students.csv", [.line(2, "math:2", "math:two")])],
            ["students.csv:2", "levels"]),
        .csv(
            "activities.csv locked fri", [.edit("school/activities.csv", [.line(5, "fri:1", "fri")])],
            ["activities.csv:5", "locked"]),
        .csv(
            "activity-relations.csv kind same",
            [.edit("school/activity-relations.csv", [.line(2, "sameStart", "same")])],
            ["activity-relations.csv:2", "kind"]),
        .csv(
            "teams.csv minutes 100.5", [.edit("school/teams.csv", [.line(2, ",100,", ",100.5,")])],
            ["teams.csv:2", "minutes"]),
        .csv("periods.csv missing", [.remove("school/periods.csv")], ["periods.csv"]),
        // Today: a school without teachers, then "unknown teacher" for every reference.
        .csv("teachers.csv missing", [.remove("school/teachers.csv")], ["teachers.csv"]),
        .csv(
            "subjects.csv invalid UTF-8",
            [
                .bytes(
                    "school/subjects.csv",
                    Array("id,name\r\nela,".utf8) + [0xC3, 0x28]
                        + Array("\r\nmath,Mathematics\r\nscience,Science\r\npe,PE\r\n".utf8))
            ],
            ["subjects.csv", "UTF-8"]),
        // Errors found after reading name the CSV file, the row's record and the column.
        .csv("rooms.csv seats -3", [.edit("school/rooms.csv", [.line(2, "28", "-3")])], ["rooms.csv", "R1", "seats"]),
        .csv(
            "rooms.csv duplicate id R1", [.edit("school/rooms.csv", [.line(3, "R2,", "R1,")])], ["rooms.csv:3", "R1"]),
        .csv(
            "activities.csv teacher T09", [.edit("school/activities.csv", [.line(2, "T01", "T09")])],
            ["activities.csv", "7A-ela-1", "T09"]),
        .csv(
            "teachers.csv unavailable mon-1", [.edit("school/teachers.csv", [.line(2, "mon:1;mon:2", "mon-1")])],
            ["teachers.csv", "T01", "unavailable"]),
        .csv(
            "flex-sessions.csv capacity -12", [.edit("school/flex-sessions.csv", [.line(2, ",12,", ",-12,")])],
            ["flex-sessions.csv", "F01", "capacity"]),
        .csv(
            "teams.csv member T99", [.edit("school/teams.csv", [.line(2, "T01;T02;T03", "T01;T99;T03")])],
            ["teams.csv", "G7", "T99"]),
    ]

    // MARK: OneRoster folder and zip

    static let oneRoster: [Mistake] = [
        .roster("manifest oneroster 3.0", [.edit("roster/manifest.csv", [.line(3, "1.1", "3.0")])], ["manifest.csv:3"]),
        .roster("users.csv missing", [.remove("roster/users.csv")], ["users.csv"]),
        .roster(
            "enrollment class cl-alg9-9",
            [.edit("roster/enrollments.csv", [.line(2, "cl-alg1-1,org", "cl-alg9-9,org")])],
            ["enrollments.csv:2", "classSourcedId"]),
        .roster(
            "enrollment user t-nobody", [.edit("roster/enrollments.csv", [.line(2, "t-okafor", "t-nobody")])],
            ["enrollments.csv:2", "userSourcedId"]),
        .roster(
            "users.csv sourcedId twice", [.edit("roster/users.csv", [.line(3, "t-lindqvist,", "t-okafor,")])],
            ["users.csv:3", "sourcedId"]),
        .roster(
            "classes.csv column courseId", [.edit("roster/classes.csv", [.line(1, "courseSourcedId", "courseId")])],
            ["classes.csv:1", "courseId"]),
        .roster(
            "requests.csv course ALG9", [.edit("roster/requests.csv", [.line(2, "ALG1", "ALG9")])],
            ["requests.csv:2", "ALG9"]),
        .roster(
            "roster requests.csv weight ten", [.edit("roster/requests.csv", [.line(2, ",10,", ",ten,")])],
            ["requests.csv:2", "weight"]),
        .roster(
            "periods.csv start 8am", [.edit("roster/periods.csv", [.line(2, "08:00", "8am")])],
            ["periods.csv:2", "start"]),
        // Today: the teacher is dropped and follow-on "unknown teacher" errors appear.
        .roster(
            "users.csv role wizard", [.edit("roster/users.csv", [.line(2, ",teacher,", ",wizard,")])],
            ["users.csv:2", "role", "wizard"]),
        .roster(
            "classes.csv unterminated quote", [.edit("roster/classes.csv", [.line(2, "\"09,10\"", "\"09,10")])],
            ["classes.csv:2", "quote"]),
        // The fall term gives the calendar.
        .roster(
            "academicSessions.csv startDate 24/08/2026",
            [.edit("roster/academicSessions.csv", [.line(3, "2026-08-24", "24/08/2026")])],
            ["academicSessions.csv:3", "startDate"]),
        .roster(
            "enrollments.csv primary 'yes please'",
            [.edit("roster/enrollments.csv", [.line(2, ",true,", ",yes please,")])],
            ["enrollments.csv:2", "primary"]),
        .roster(
            "users.csv status alive", [.edit("roster/users.csv", [.line(2, ",active,", ",alive,")])],
            ["users.csv:2", "status"]),
        .roster(
            "teams.csv member t-nobody", [.edit("roster/teams.csv", [.line(2, "t-moreno", "t-nobody")])],
            ["teams.csv", "G9-10", "t-nobody"]),
        .run(
            "zip: not a zip", [.text("roster.zip", "not a zip\n")], ["validate", "{case}/roster.zip"], ["roster.zip"]),
        .run("zip: empty file", [.text("roster.zip", "")], ["validate", "{case}/roster.zip"], ["roster.zip"]),
        .run(
            "zip: no manifest",
            [.folder("files"), .text("files/readme.txt", "hello\n"), .zip("roster.zip", of: "files")],
            ["validate", "{case}/roster.zip"], ["roster.zip", "manifest.csv"]),
        .run(
            "zip: users.csv missing",
            [
                .copy("{repo}/Examples/oneroster-sample", to: "roster"), .remove("roster/users.csv"),
                .zip("roster.zip", of: "roster"),
            ],
            ["validate", "{case}/roster.zip"], ["roster.zip", "users.csv"]),
        .run(
            "zip: enrollment class cl-alg9-9",
            [
                .copy("{repo}/Examples/oneroster-sample", to: "roster"),
                .edit("roster/enrollments.csv", [.line(2, "cl-alg1-1,org", "cl-alg9-9,org")]),
                .zip("roster.zip", of: "roster"),
            ], ["validate", "{case}/roster.zip"], ["roster.zip", "enrollments.csv:2", "classSourcedId"]),
        .run(
            "zip: a folder named roster.zip", [.folder("roster.zip")], ["validate", "{case}/roster.zip"], ["roster.zip"]
        ),
        .run(
            "import: users.csv role wizard",
            [
                .copy("{repo}/Examples/oneroster-sample", to: "roster"),
                .edit("roster/users.csv", [.line(2, ",teacher,", ",wizard,")]),
            ],
            ["import", "{case}/roster", "-o", "{case}/school.json"], ["users.csv:2", "role", "wizard"]),
        .run(
            "import: a CSV school folder is no roster", [],
            ["import", "{repo}/Examples/csv-sample", "-o", "{case}/school.json"],
            ["csv-sample", "roster"]),
        // Today: "not a readable zip file".
        .run(
            "import: a JSON school", [], ["import", "{tiny}", "-o", "{case}/school.json"], ["tiny-school.json", ".fet"]),
    ]

    // MARK: FET

    static let fet: [Mistake] = [
        .run(
            "fet: unsupported hard constraints without --ignore-unsupported", [.copy(tinyFET, to: "school.fet")],
            ["validate", "{case}/school.fet"],
            ["school.fet", "ConstraintActivitiesOccupyMinTimeSlotsFromSelection", "--ignore-unsupported"]),
        .fet("fet: truncated in line 50", [.cut(atLine: 50)], ["school.fet:50"]),
        // Reported at the end of the file today.
        .fet("fet: mismatched tag", [.line(21, "</Name>", "</Nam>")], ["school.fet:21"]),
        .run(
            "fet: empty file", [.text("school.fet", "")], ["validate", "{case}/school.fet", "--ignore-unsupported"],
            ["school.fet"]),
        .fet("fet: Number_of_Days 3 for 2 days", [.line(9, "2", "3")], ["school.fet:9", "Number_of_Days"]),
        .fet("fet: Number_of_Days two", [.line(9, "2", "two")], ["school.fet:9", "Number_of_Days"]),
        .fet(
            "fet: Number_of_Hours 4 for 3 hours", [.line(16, "<Hour><Name>9:00</Name></Hour>", "")],
            ["school.fet:14", "Number_of_Hours"]),
        .fet("fet: unknown students set", [.line(50, "Y1b", "Y9")], ["school.fet:50", "Y9"]),
        .fet(
            "fet: Duration 1.5", [.line(50, "<Duration>1</Duration>", "<Duration>1.5</Duration>")],
            ["school.fet:50", "Duration"]),
        .fet("fet: Capacity lots", [.line(56, "25", "lots")], ["school.fet:56", "Capacity"]),
        .fet("fet: Weight_Percentage 150", [.line(70, "50", "150")], ["school.fet:70", "Weight_Percentage"]),
        .fet("fet: Weight_Percentage half", [.line(70, "50", "half")], ["school.fet:70", "Weight_Percentage"]),
        .fet(
            "fet: Active maybe", [.line(50, "<Active>true</Active>", "<Active>maybe</Active>")],
            ["school.fet:50", "Active"]),
        // Today the constraint is "left out" as if unsupported.
        .fet(
            "fet: Max_Gaps one", [.line(69, "<Max_Gaps>1</Max_Gaps>", "<Max_Gaps>one</Max_Gaps>")],
            ["school.fet:69", "Max_Gaps"]),
        .fet("fet: break on Sun", [.line(61, "Mon", "Sun")], ["school.fet:61", "ConstraintBreakTimes"]),
        .fet(
            "fet: not-available teacher Cy", [.line(63, "<Teacher>Bo</Teacher>", "<Teacher>Cy</Teacher>")],
            ["school.fet:63", "Cy"]),
        .fet(
            "fet: min-days activity 9", [.line(66, "<Activity_Id>5</Activity_Id>", "<Activity_Id>9</Activity_Id>")],
            ["school.fet:66", "9"]),
        .fet(
            "fet: preferred day Fri", [.line(67, "<Preferred_Day>Tue", "<Preferred_Day>Fri")],
            ["school.fet:67", "Preferred"]),
        .fet("fet: mode Block_Planning", [.line(5, "Official", "Block_Planning")], ["school.fet:5", "Block_Planning"]),
        .fet(
            "fet: root element timetable",
            [.line(4, "<fet version=\"6.8.5\">", "<timetable>"), .line(77, "</fet>", "</timetable>")],
            ["school.fet:4", "timetable"]),
        // Today: "unknown activity 2" at line 66.
        .fet("fet: activity Id 1 twice", [.line(48, "<Id>2</Id>", "<Id>1</Id>")], ["school.fet:48", "Id"]),
        // Today: "unknown teacher 'Bo'" at line 63.
        .fet("fet: teacher Ann twice", [.line(28, "Bo", "Ann")], ["school.fet:28", "Ann"]),
        // Errors found after reading name the .fet line, not a JSON path of the import.
        .fet(
            "fet: activity teacher Zed", [.line(47, "<Teacher>Ann</Teacher>", "<Teacher>Zed</Teacher>")],
            ["school.fet:47", "Zed"]),
        .fet(
            "fet: Duration 0", [.line(50, "<Duration>1</Duration>", "<Duration>0</Duration>")],
            ["school.fet:50", "Duration"]),
        .run(
            "solve: fet truncated", [.copy(tinyFET, to: "school.fet", edits: [.cut(atLine: 50)])],
            ["solve", "{case}/school.fet", "--ignore-unsupported", "--iterations", "3"], ["school.fet:50"]),
        .run(
            "import: fet truncated", [.copy(tinyFET, to: "school.fet", edits: [.cut(atLine: 50)])],
            ["import", "{case}/school.fet", "--ignore-unsupported", "-o", "{case}/school.json"], ["school.fet:50"]),
        .run("import: fet missing", [], ["import", "{case}/nope.fet", "-o", "{case}/school.json"], ["nope.fet"]),
        .run(
            "check: FET timetable truncated",
            [
                .copy(tinyFET, to: "school.fet"),
                .copy(tinyTimetable, to: "school_activities.xml", edits: [.cut(atLine: 7)]),
            ],
            ["check", "{case}/school.fet", "{case}/school_activities.xml", "--ignore-unsupported"],
            ["school_activities.xml:7"]),
    ]

    // MARK: Weekly flex requests CSV

    static let flexWeek: [Mistake] = [
        .week("week: kind ask", [.line(2, "request", "ask")], ["week.csv:2", "kind"]),
        .week("week: student S999", [.line(2, "S001", "S999")], ["week.csv:2", "S999"]),
        .week("week: choice session F09", [.line(3, "F01", "F09")], ["week.csv:3", "F09"]),
        .week("week: request session F09 without teacher", [.line(2, ",F01,,T02", ",F09,,")], ["week.csv:2", "F09"]),
        .week("week: rank 0", [.line(3, ",1,", ",0,")], ["week.csv:3", "rank"]),
        .week("week: rank first", [.line(3, ",1,", ",first,")], ["week.csv:3", "rank"]),
        .week("week: rank 1 twice", [.line(4, ",2,", ",1,")], ["week.csv:4", "rank"]),
        .week("week: choice with a teacher", [.line(3, ",1,,", ",1,T02,")], ["week.csv:3", "teacher"]),
        .week("week: request with a rank", [.line(2, ",,T02", ",1,T02")], ["week.csv:2", "rank"]),
        .week("week: hard ja", [.line(2, "true", "ja")], ["week.csv:2", "hard"]),
        .week("week: priority 0", [.line(2, ",2,", ",0,")], ["week.csv:2", "priority"]),
        .week("week: priority 2.5", [.line(2, ",2,", ",2.5,")], ["week.csv:2", "priority"]),
        .week("week: periods tue-flex", [.line(2, "tue:flex", "tue-flex")], ["week.csv:2", "periods"]),
        .week("week: periods tue:9", [.line(2, "tue:flex", "tue:9")], ["week.csv:2", "periods"]),
        .week("week: column must", [.line(1, "hard", "must")], ["week.csv:1", "must"]),
        .week("week: no kind column", [.line(1, "kind,", "type,")], ["week.csv:1", "type"]),
        .week("week: unterminated quote", [.line(3, "choice,S002", "choice,\"S002")], ["week.csv:3", "quote"]),
        .week("week: 9 fields", [.line(3, ",,,", ",,,,x")], ["week.csv:3"]),
        .week("week: teacher T99", [.line(2, "T02", "T99")], ["week.csv:2", "T99"]),
        .run(
            "week: missing file", [], ["flex", "{sample}", "--week", "1", "--requests", "{case}/nope.csv"], ["nope.csv"]
        ),
        .run(
            "week: a folder", [.folder("weeks")], ["flex", "{sample}", "--week", "1", "--requests", "{case}/weeks"],
            ["weeks"]),
        .run(
            "week: empty file", [.text("week.csv", "")],
            ["flex", "{sample}", "--week", "1", "--requests", "{case}/week.csv"],
            ["week.csv:1"]),
    ]

    // MARK: Plan files

    static let plans: [Mistake] = [
        .run("check: plan missing", [], ["check", "{tiny}", "{case}/nope.json"], ["nope.json"]),
        .run("check: a folder as the plan", [.folder("plans")], ["check", "{tiny}", "{case}/plans"], ["plans"]),
        .run(
            "check: plan truncated", [.copy("{tiny-plan}", to: "plan.json", edits: [.cut(atLine: 20)])],
            ["check", "{tiny}", "{case}/plan.json"], ["plan.json:20"]),
        .run(
            "check: plan formatVersion 7",
            [
                .copy(
                    "{tiny-plan}", to: "plan.json", edits: [.replace("\"formatVersion\" : 1", "\"formatVersion\" : 7")])
            ],
            ["check", "{tiny}", "{case}/plan.json"], ["plan.json", "$.formatVersion"]),
        .run(
            "check: plan room 2",
            [.copy("{tiny-plan}", to: "plan.json", edits: [.replace("\"room\" : \"R", "\"room\" : 2, \"x\" : \"R")])],
            ["check", "{tiny}", "{case}/plan.json"], ["plan.json", "$.placements[0].room"]),
        .run(
            "check: plan seed -1",
            [.copy("{tiny-plan}", to: "plan.json", edits: [.replace("\"seed\" : 1", "\"seed\" : -1")])],
            ["check", "{tiny}", "{case}/plan.json"], ["plan.json", "$.seed"]),
        .run(
            "check: plan objective three",
            [
                .copy(
                    "{tiny-plan}", to: "plan.json", edits: [.replace("\"objective\" : 3", "\"objective\" : \"three\"")])
            ],
            ["check", "{tiny}", "{case}/plan.json"], ["plan.json", "$.objective"]),
        .run(
            "check: plan field placement",
            [.copy("{tiny-plan}", to: "plan.json", edits: [.replace("\"placements\"", "\"placement\"")])],
            ["check", "{tiny}", "{case}/plan.json"], ["plan.json", "placements"]),
        // A loading under a misspelled key would go unchecked.
        .run(
            "check: plan field sectons",
            [.copy("{tiny-plan}", to: "plan.json", edits: [.replace("\"seed\" :", "\"sectons\" : [], \"seed\" :")])],
            ["check", "{tiny}", "{case}/plan.json"], ["plan.json", "sectons", "sections"]),
        .run(
            "check: a CSV file as the plan", [], ["check", "{tiny}", "{repo}/Examples/csv-sample/teams.csv"],
            ["teams.csv:1"]),
        .run("check: plan and school swapped", [], ["check", "{tiny-plan}", "{tiny}"], ["tiny-plan.json"]),
        // A plan names no activity of the school: violations (exit 1), each named.
        .run(
            "check: plan places Z-none",
            [.copy("{tiny-plan}", to: "plan.json", edits: [.replace("\"A-math-1\"", "\"Z-none\"")])],
            ["check", "{tiny}", "{case}/plan.json"], exit: 1, ["Z-none"]),
        .run(
            "check: plan of another school", [], ["check", "{sample}", "{tiny-plan}"],
            ["tiny-plan.json", "different school"]),
        .run(
            "load: plan of another school", [], ["load", "{sample}", "{tiny-plan}", "--iterations", "3"],
            ["tiny-plan.json", "different school"]),
        .run(
            "export --school: plan of another school", [],
            ["export", "{tiny-plan}", "--to", "csv", "-o", "{case}/out", "--school", "{sample}"],
            ["tiny-plan.json", "different school"]),
        .run("compare: one plan", [], ["compare", "{tiny-plan}"], ["two plans"]),
        .run("compare: plan missing", [], ["compare", "{tiny-plan}", "{case}/nope.json"], ["nope.json"]),
        .run(
            "compare: plan truncated", [.copy("{tiny-plan}", to: "plan.json", edits: [.cut(atLine: 20)])],
            ["compare", "{tiny-plan}", "{case}/plan.json"], ["plan.json:20"]),
        .run(
            "substitutes: plan truncated", [.copy("{sample-plan}", to: "plan.json", edits: [.cut(atLine: 20)])],
            ["substitutes", "{sample}", "{case}/plan.json", "--team", "G7", "--when", "wed:3"], ["plan.json:20"]),
        .run(
            "flex --previous: not a flex plan", [], ["flex", "{sample}", "--week", "2", "--previous", "{tiny-plan}"],
            ["tiny-plan.json", "flex"]),
        .run(
            "flex --previous: missing", [], ["flex", "{sample}", "--week", "2", "--previous", "{case}/nope.json"],
            ["nope.json"]),
        .run(
            "export: the plan's school is gone",
            [.copy("{tiny-plan}", to: "plan.json", edits: [.replace("{tiny}", "{case}/gone.json")])],
            ["export", "{case}/plan.json", "--to", "csv", "-o", "{case}/out"], ["gone.json"]),
        .run(
            "check: plan school as a string",
            [
                .copy(
                    "{tiny-plan}", to: "plan.json", edits: [.replace("\"school\" : {", "\"school\" : \"x\", \"y\" : {")]
                )
            ],
            ["check", "{tiny}", "{case}/plan.json"], ["plan.json", "$.school"]),
        .run(
            "export: plan missing", [], ["export", "{case}/nope.json", "--to", "csv", "-o", "{case}/out"], ["nope.json"]
        ),
    ]

    // MARK: LP and MPS models

    static let models: [Mistake] = [
        .run("lp: missing file", [], ["lp", "solve", "{case}/nope.lp"], ["nope.lp"]),
        .lp("lp: dangling term", "bad.lp", "Minimize\n obj: x +\nSubject To\n c: x >= \nEnd\n", ["bad.lp:3"]),
        .lp(
            "lp: bad bound", "bound.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1\nBounds\n x <= 0.5.5\nEnd\n",
            ["bound.lp:7"]),
        .lp("lp: empty file", "empty.lp", "", ["empty.lp"]),
        .lp(
            "mps: number zz", "bad.mps",
            "NAME x\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 zz\nRHS\n rhs c1 1\nENDATA\n",
            ["bad.mps:6", "zz"]),
        .lp("lp: .txt extension", "model.txt", "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n", ["model.txt"]),
        .run("lp: a folder named .lp", [.folder("dir.lp")], ["lp", "solve", "{case}/dir.lp"], ["dir.lp"]),
        .lp(
            "lp: constraint c1 twice", "dup.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1\n c1: x <= 5\nEnd\n",
            ["dup.lp:5", "c1"]),
        .lp("lp: constant 1e400", "huge.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1e400\nEnd\n", ["huge.lp:4"]),
        .lp(
            "lp: Bounds after Generals", "order.lp",
            "Minimize\n obj: x\nSubject To\n c1: x >= 1\nGenerals\n x\nBounds\n x <= 0.5\nEnd\n", ["order.lp:7"]),
        .run(
            "lp: binary garbage", [.bytes("bin.lp", [0xFF, 0xFE, 0x00, 0x67])], ["lp", "solve", "{case}/bin.lp"],
            ["bin.lp:1"]),
        .lp(
            "lp: --time-limit -5", "ok.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n",
            options: ["--time-limit", "-5"],
            ["--time-limit", "-5"]),
        .lp(
            "lp: --time-limit 0", "ok.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n",
            options: ["--time-limit", "0"],
            ["--time-limit"]),
        .lp(
            "lp: --time-limit abc", "ok.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n",
            options: ["--time-limit", "abc"],
            ["--time-limit", "abc"]),
        .lp(
            "lp: --format xml", "ok.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n",
            options: ["--format", "xml"],
            ["--format", "xml"]),
        .lp(
            "lp: extra argument", "ok.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n", options: ["extra"],
            ["extra"]),
        .run(
            "lp: unbounded is unbounded", [.text("u.lp", "Maximize\n obj: x + y\nSubject To\n c1: x - y <= 1\nEnd\n")],
            ["lp", "solve", "{case}/u.lp", "--format", "json"], exit: 1, ["unbounded"]),
        .run(
            "lp: infeasible", [], ["lp", "solve", "{repo}/Tests/flexplanTests/Fixtures/infeasible.lp"], exit: 1,
            ["infeasible"]),
        .run("lp sovle", [], ["lp", "sovle", "{case}/x.lp"], ["sovle"]),
    ]

    // MARK: Options

    static let options: [Mistake] = [
        .run("solve --seed -1", [], ["solve", "{tiny}", "--seed", "-1", "--iterations", "3"], ["--seed", "-1"]),
        .run("solve --seed abc", [], ["solve", "{tiny}", "--seed", "abc", "--iterations", "3"], ["--seed", "abc"]),
        .run("solve --seed 1.5", [], ["solve", "{tiny}", "--seed", "1.5", "--iterations", "3"], ["--seed", "1.5"]),
        .run("solve --time-limit -5", [], ["solve", "{tiny}", "--time-limit", "-5"], ["--time-limit", "-5"]),
        .run("solve --time-limit 0", [], ["solve", "{tiny}", "--time-limit", "0"], ["--time-limit"]),
        .run("solve --time-limit nan", [], ["solve", "{tiny}", "--time-limit", "nan"], ["--time-limit"]),
        .run("solve --time-limit inf", [], ["solve", "{tiny}", "--time-limit", "inf"], ["--time-limit"]),
        .run("solve --iterations 0", [], ["solve", "{tiny}", "--iterations", "0"], ["--iterations"]),
        .run("solve --iterations -3", [], ["solve", "{tiny}", "--iterations", "-3"], ["--iterations", "-3"]),
        .run(
            "solve --iterations 10^20", [], ["solve", "{tiny}", "--iterations", "99999999999999999999"],
            ["--iterations", "99999999999999999999"]),
        .run("solve --threads 0", [], ["solve", "{tiny}", "--threads", "0", "--iterations", "3"], ["--threads"]),
        .run(
            "solve --threads -2", [], ["solve", "{tiny}", "--threads", "-2", "--iterations", "3"], ["--threads", "-2"]),
        .run(
            "solve --format xml", [], ["solve", "{tiny}", "--format", "xml", "--iterations", "3"], ["--format", "xml"]),
        .run("solve without a school", [], ["solve", "--iterations", "3"], ["<school>"]),
        .run("solve with two schools", [], ["solve", "{tiny}", "{tiny}", "--iterations", "3"], ["tiny-school.json"]),
        .run("solve --bogus", [], ["solve", "{tiny}", "--iterations", "3", "--bogus"], ["--bogus"]),
        .run(
            "solve --write-model model.txt", [],
            ["solve", "{tiny}", "--iterations", "3", "--write-model", "{case}/model.txt"],
            ["model.txt", "--write-model"]),
        .run("sovle", [], ["sovle", "{tiny}"], ["sovle"]),
        .run("validate --format xml", [], ["validate", "{tiny}", "--format", "xml"], ["--format", "xml"]),
        .run("validate without a school", [], ["validate"], ["<school>"]),
        .run(
            "generate --kind huge", [], ["generate", "--kind", "huge", "--students", "30", "-o", "{case}/g.json"],
            ["--kind", "huge"]),
        .run(
            "generate --students 0", [], ["generate", "--kind", "primary", "--students", "0", "-o", "{case}/g.json"],
            ["--students", "0"]),
        .run(
            "generate --students -5", [], ["generate", "--kind", "primary", "--students", "-5", "-o", "{case}/g.json"],
            ["--students", "-5"]),
        .run(
            "generate --students 10^8", [],
            ["generate", "--kind", "primary", "--students", "100000000", "-o", "{case}/g.json"],
            ["--students", "100000000"]),
        .run("generate without -o", [], ["generate", "--kind", "primary", "--students", "30"], ["--output"]),
        // Today it writes a school that validate rejects.
        .run(
            "generate --team-block 100000", [],
            ["generate", "--kind", "primary", "--students", "30", "--team-block", "100000", "-o", "{case}/g.json"],
            ["--team-block", "100000"]),
        .run(
            "generate --team-minutes -1", [],
            ["generate", "--kind", "primary", "--students", "30", "--team-minutes", "-1", "-o", "{case}/g.json"],
            ["--team-minutes", "-1"]),
        .run(
            "generate --seed -1", [],
            ["generate", "--kind", "primary", "--students", "30", "--seed", "-1", "-o", "{case}/g.json"],
            ["--seed", "-1"]),
        .run("schema extra", [], ["schema", "extra"], ["extra"]),
        .run("schema --format json", [], ["schema", "--format", "json"], ["--format"]),
        .run("flex --week 0", [], ["flex", "{sample}", "--week", "0"], ["--week"]),
        .run("flex --week -1", [], ["flex", "{sample}", "--week", "-1"], ["--week", "-1"]),
        .run("flex --week abc", [], ["flex", "{sample}", "--week", "abc"], ["--week", "abc"]),
        .run("flex --week 99", [], ["flex", "{sample}", "--week", "99"], ["csv-sample", "99"]),
        .run("flex without --week", [], ["flex", "{sample}"], ["--week"]),
        .run(
            "flex --stability -1", [], ["flex", "{sample}", "--week", "1", "--stability", "-1"], ["--stability", "-1"]),
        .run("flex --fairness nan", [], ["flex", "{sample}", "--week", "1", "--fairness", "nan"], ["--fairness"]),
        .run(
            "flex --student without --explain", [], ["flex", "{sample}", "--week", "1", "--student", "S001"],
            ["--student", "--explain"]),
        // Today: exit 0 and an empty table.
        .run(
            "flex --explain --student S999", [], ["flex", "{sample}", "--week", "1", "--explain", "--student", "S999"],
            ["--student", "S999"]),
        .run("flex: a school without flex", [], ["flex", "{tiny}", "--week", "1"], ["tiny-school.json", "flex"]),
        .run(
            "explain --check-time-limit 0", [], ["explain", "{tiny}", "--check-time-limit", "0"], ["--check-time-limit"]
        ),
        .run("explain --iterations 0", [], ["explain", "{tiny}", "--iterations", "0"], ["--iterations"]),
        .run("explain --time-limit -1", [], ["explain", "{tiny}", "--time-limit", "-1"], ["--time-limit", "-1"]),
        .run(
            "compare --format xml", [], ["compare", "{tiny-plan}", "{tiny-plan}", "--format", "xml"],
            ["--format", "xml"]),
        .run(
            "compare --school missing", [], ["compare", "{tiny-plan}", "{tiny-plan}", "--school", "{case}/nope.json"],
            ["nope.json"]),
        .run("load --iterations 0", [], ["load", "{sample}", "{sample-plan}", "--iterations", "0"], ["--iterations"]),
        .run(
            "load --time-limit -1", [], ["load", "{sample}", "{sample-plan}", "--time-limit", "-1"],
            ["--time-limit", "-1"]),
        .run(
            "load: a school without requests", [], ["load", "{tiny}", "{tiny-plan}", "--iterations", "3"],
            ["tiny-school.json", "requests"]),
        .run("sweep without --vary", [], ["sweep", "{tiny}", "--iterations", "3"], ["--vary"]),
        .run(
            "sweep --vary without =", [], ["sweep", "{tiny}", "--vary", "rooms[id=R1].seats", "--iterations", "3"],
            ["--vary", "rooms[id=R1].seats"]),
        .run(
            "sweep --vary without values", [],
            ["sweep", "{tiny}", "--vary", "rooms[id=R1].seats=", "--iterations", "3"], ["--vary"]),
        .run(
            "sweep --vary unknown record R9", [],
            ["sweep", "{tiny}", "--vary", "rooms[id=R9].seats=20,30", "--iterations", "3"],
            ["--vary", "R9"]),
        .run(
            "sweep --vary field seat", [],
            ["sweep", "{tiny}", "--vary", "rooms[id=R1].seat=20,30", "--iterations", "3"],
            ["--vary", "seat", "seats"]),
        .run(
            "sweep --vary value many", [],
            ["sweep", "{tiny}", "--vary", "rooms[id=R1].seats=20,many", "--iterations", "3"],
            ["--vary", "many"]),
        .run(
            "sweep --vary value 30.5", [],
            ["sweep", "{tiny}", "--vary", "rooms[id=R1].seats=20,30.5", "--iterations", "3"],
            ["--vary", "30.5"]),
        .run(
            "sweep --vary bad path", [], ["sweep", "{tiny}", "--vary", "rooms[id=R1.seats=20,30", "--iterations", "3"],
            ["--vary", "rooms[id=R1.seats"]),
        .run(
            "sweep without a limit", [], ["sweep", "{tiny}", "--vary", "rooms[id=R1].seats=20,30"],
            ["--time-limit", "--iterations"]),
        .run(
            "sweep --threads 0", [],
            ["sweep", "{tiny}", "--vary", "rooms[id=R1].seats=20,30", "--iterations", "3", "--threads", "0"],
            ["--threads"]),
        .run(
            "sweep --load-time-limit 0", [],
            ["sweep", "{tiny}", "--vary", "rooms[id=R1].seats=20,30", "--iterations", "3", "--load-time-limit", "0"],
            ["--load-time-limit"]),
        .run(
            "sweep --vary seats -5", [],
            ["sweep", "{tiny}", "--vary", "rooms[id=R1].seats=-5,30", "--iterations", "3"],
            ["$.rooms[id=R1].seats", "-5"]),
        .run(
            "substitutes --max-covers -1", [],
            ["substitutes", "{tiny}", "{tiny-plan}", "--team", "X", "--when", "mon:1", "--max-covers", "-1"],
            ["--max-covers", "-1"]),
        .run(
            "substitutes --when tue:1", [], ["substitutes", "{tiny}", "{tiny-plan}", "--team", "X", "--when", "tue:1"],
            ["--when", "tue:1"]),
        .run(
            "substitutes --when mon", [], ["substitutes", "{tiny}", "{tiny-plan}", "--team", "X", "--when", "mon"],
            ["--when", "mon"]),
        .run(
            "substitutes --when mon:9", [], ["substitutes", "{tiny}", "{tiny-plan}", "--team", "X", "--when", "mon:9"],
            ["--when", "mon:9"]),
        .run(
            "substitutes --when mon:4-1", [],
            ["substitutes", "{tiny}", "{tiny-plan}", "--team", "X", "--when", "mon:4-1"],
            ["--when", "mon:4-1"]),
        .run(
            "substitutes --team X", [], ["substitutes", "{sample}", "{sample-plan}", "--team", "X", "--when", "wed:3"],
            ["csv-sample", "'X'"]),
        .run("import without -o", [], ["import", "{repo}/Examples/oneroster-sample"], ["--output"]),
        .run("import: source missing", [], ["import", "{case}/nope", "-o", "{case}/school.json"], ["nope"]),
        .run("export --to pdf", [], ["export", "{tiny-plan}", "--to", "pdf", "-o", "{case}/out"], ["--to", "pdf"]),
        // Today the message names neither the school nor its file.
        .run(
            "export --to ics without a calendar", [], ["export", "{tiny-plan}", "--to", "ics", "-o", "{case}/out"],
            ["tiny-school.json", "calendar"]),
    ]

    // MARK: Output paths

    /// Output paths are checked before any work: exit 2 naming the path. `afile` is a regular
    /// file, `adir` a folder.
    static let outputs: [Mistake] = {
        let file = MistakeInput.text("afile", "not a folder\n")
        let folder = MistakeInput.folder("adir")
        return [
            .run(
                "solve -o under a file", [file],
                ["solve", "{tiny}", "--iterations", "3", "-o", "{case}/afile/plan.json"], ["afile"]),
            .run(
                "solve -o a folder", [folder], ["solve", "{tiny}", "--iterations", "3", "-o", "{case}/adir"], ["adir"]),
            .run(
                "solve --out a file", [file], ["solve", "{tiny}", "--iterations", "3", "--out", "{case}/afile"],
                ["afile"]),
            .run(
                "solve --out under a file", [file],
                ["solve", "{tiny}", "--iterations", "3", "--out", "{case}/afile/out"], ["afile"]),
            // The plan would replace the school it was made from.
            .run(
                "solve -o the school itself", [.copy("{tiny}", to: "school.json")],
                ["solve", "{case}/school.json", "--iterations", "3", "-o", "{case}/school.json"], ["school.json"]),
            .run(
                "solve --write-model under a file", [file],
                ["solve", "{tiny}", "--iterations", "3", "--write-model", "{case}/afile/m.lp"], ["afile"]),
            .run(
                "load -o under a file", [file],
                ["load", "{sample}", "{sample-plan}", "--iterations", "3", "-o", "{case}/afile/p.json"],
                ["afile"]),
            .run(
                "load --out a file", [file],
                ["load", "{sample}", "{sample-plan}", "--iterations", "3", "--out", "{case}/afile"],
                ["afile"]),
            .run(
                "flex -o under a file", [file], ["flex", "{sample}", "--week", "1", "-o", "{case}/afile/f.json"],
                ["afile"]),
            .run("flex --out a file", [file], ["flex", "{sample}", "--week", "1", "--out", "{case}/afile"], ["afile"]),
            .run(
                "flex --out under a file", [file], ["flex", "{sample}", "--week", "1", "--out", "{case}/afile/out"],
                ["afile"]),
            .run(
                "sweep --out a file", [file],
                [
                    "sweep", "{tiny}", "--vary", "rooms[id=R1].seats=20,30", "--iterations", "3", "--out",
                    "{case}/afile",
                ], ["afile"]),
            .run(
                "sweep --out under a file", [file],
                [
                    "sweep", "{tiny}", "--vary", "rooms[id=R1].seats=20,30", "--iterations", "3", "--out",
                    "{case}/afile/out",
                ],
                ["afile"]),
            .run(
                "export --to csv -o a file", [file], ["export", "{tiny-plan}", "--to", "csv", "-o", "{case}/afile"],
                ["afile"]),
            .run(
                "export --to html -o a file", [file], ["export", "{tiny-plan}", "--to", "html", "-o", "{case}/afile"],
                ["afile"]),
            .run(
                "export --to html -o under a file", [file],
                ["export", "{tiny-plan}", "--to", "html", "-o", "{case}/afile/out"],
                ["afile"]),
            .run(
                "export --to ics -o a file", [file], ["export", "{sample-plan}", "--to", "ics", "-o", "{case}/afile"],
                ["afile"]),
            .run(
                "export --to fet -o a folder", [folder], ["export", "{tiny-plan}", "--to", "fet", "-o", "{case}/adir"],
                ["adir"]),
            .run(
                "export --to fet -o under a file", [file],
                ["export", "{tiny-plan}", "--to", "fet", "-o", "{case}/afile/x.fet"],
                ["afile"]),
            .run(
                "import -o under a file", [file],
                ["import", "{repo}/Examples/oneroster-sample", "-o", "{case}/afile/s.json"],
                ["afile"]),
            .run(
                "import -o a folder", [folder], ["import", "{repo}/Examples/oneroster-sample", "-o", "{case}/adir"],
                ["adir"]),
            .run(
                "generate -o under a file", [file],
                ["generate", "--kind", "primary", "--students", "30", "-o", "{case}/afile/g.json"],
                ["afile"]),
            .run(
                "generate -o a folder", [folder],
                ["generate", "--kind", "primary", "--students", "30", "-o", "{case}/adir"], ["adir"]),
        ]
    }()

    // MARK: The issue's own findings (output lost, stale, mixed, or contradicting itself)

    static let findings: [Mistake] = [
        // A folder used before holds one run's files: no calendars of the CSV sample beside the tiny school's plan.
        Mistake(
            name: "solve --out into a folder used before",
            arguments: ["solve", "{tiny}", "--iterations", "3", "--out", "{case}/out"],
            exit: 0, located: [],
            prepare: [MistakeRun(arguments: ["solve", "{sample}", "--iterations", "3", "--out", "{case}/out"])],
            afterwards: [.present("{case}/out/plan.json"), .absent("{case}/out/calendars")]),
        // -o writes through a symbolic link.
        Mistake(
            name: "solve -o onto a symlink",
            inputs: [.text("real.json", "{}\n"), .symlink("link.json", to: "real.json")],
            arguments: ["solve", "{tiny}", "--iterations", "3", "-o", "{case}/link.json"], exit: 0, located: [],
            afterwards: [.symlink("{case}/link.json"), .contains("{case}/real.json", "placements")]),
        // A plan made with a relative school path works from another working directory.
        Mistake(
            name: "export from another directory", inputs: [.copy("{tiny}", to: "a/school.json"), .folder("b")],
            arguments: ["export", "{case}/a/plan.json", "--to", "csv", "-o", "{case}/out"], exit: 0, located: [],
            prepare: [
                MistakeRun(
                    directory: "{case}/a", arguments: ["solve", "school.json", "--iterations", "3", "-o", "plan.json"])
            ],
            directory: "{case}/b", afterwards: [.present("{case}/out/lessons.csv")]),
        Mistake(
            name: "check from another directory", inputs: [.copy("{tiny}", to: "a/school.json"), .folder("b")],
            arguments: ["check", "{case}/a/school.json", "{case}/a/plan.json"], exit: 0, located: [],
            prepare: [
                MistakeRun(
                    directory: "{case}/a", arguments: ["solve", "school.json", "--iterations", "3", "-o", "plan.json"])
            ],
            directory: "{case}/b"),
        // No checker line or team table without a plan.
        .run(
            "solve with no plan: no checker line", [.text("away.json", awayOverlay)],
            ["solve", "{tiny}", "--scenario", "{case}/away.json", "--iterations", "3"], exit: 1, ["infeasible"],
            forbidden: ["0 hard violations"]),
        .run(
            "solve --format json with no plan: no team table", [.text("away.json", awayOverlay)],
            ["solve", "{tiny}", "--scenario", "{case}/away.json", "--iterations", "3", "--format", "json"], exit: 1,
            ["infeasible"], forbidden: ["\"hardViolations\":0", "\"teams\":[]"]),
        // Run as given, explain must see the same school.
        .run(
            "solve's explain hint keeps --scenario", [.text("away.json", awayOverlay)],
            ["solve", "{tiny}", "--scenario", "{case}/away.json", "--iterations", "3"], exit: 1,
            ["flexplan explain", "--scenario", "away.json"]),
        .run("solve --help lists every input kind", [], ["solve", "--help"], exit: 0, [".fet", "OneRoster"]),
        .run("check --help lists every input kind", [], ["check", "--help"], exit: 0, [".fet", "OneRoster"]),
        .run("validate --help lists every input kind", [], ["validate", "--help"], exit: 0, [".fet", "OneRoster"]),
        .run("schema --verbose", [], ["schema", "--verbose"], exit: 0, []),
        .run("compare --verbose", [], ["compare", "{tiny-plan}", "{tiny-plan}", "--verbose"], exit: 0, []),
        .run(
            "lp solve --verbose", [.text("ok.lp", "Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n")],
            ["lp", "solve", "{case}/ok.lp", "--verbose"], exit: 0, []),
        // Operations people read names, not only ids.
        Mistake(
            name: "CSV schedules have names beside ids",
            arguments: ["export", "{sample-plan}", "--to", "csv", "-o", "{case}/out"],
            exit: 0, located: [],
            afterwards: [
                .contains("{case}/out/teacher-schedules.csv", "Okafor"),
                .contains("{case}/out/student-schedules.csv", "Ava Adams"),
            ]),
        // An exit 4 reachable from input: releasing a team that teaches nothing then.
        .run(
            "substitutes with nothing to cover", [],
            ["substitutes", "{sample}", "{sample-plan}", "--team", "G7", "--when", "mon:1"],
            exit: 0, []),
    ]

    static let groups: [(name: String, cases: [Mistake])] = [
        ("JSON number kinds", jsonNumberKinds), ("JSON types", jsonTypes), ("JSON unknown fields", jsonUnknownFields),
        ("JSON syntax", jsonSyntax), ("JSON ranges", jsonRanges), ("JSON references", jsonReferences),
        ("school through every command", schoolThroughCommands), ("overlays", overlays), ("CSV school", csvSchool),
        ("OneRoster", oneRoster), ("FET", fet), ("flex week CSV", flexWeek), ("plans", plans), ("LP and MPS", models),
        ("options", options), ("outputs", outputs), ("findings", findings),
    ]

    static var all: [Mistake] { groups.flatMap(\.cases) }
}

// MARK: - Running a case

/// Paths of what several cases share, made once per run (copies, so that no case depends on
/// the working directory).
enum SharedMistakeInputs {
    struct Paths: Sendable {
        var tiny: String
        var tinyPlan: String
        var sample: String
        var samplePlan: String
    }

    static let paths: Paths = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flexplan-mistakes-\(UUID())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let paths = Paths(
            tiny: folder + "/tiny-school.json", tinyPlan: folder + "/tiny-plan.json", sample: folder + "/csv-sample",
            samplePlan: folder + "/sample-plan.json")
        let root = repositoryRoot.path
        try? FileManager.default.copyItem(
            atPath: root + "/Tests/flexplanTests/Fixtures/tiny-school.json", toPath: paths.tiny)
        try? FileManager.default.copyItem(atPath: root + "/Examples/csv-sample", toPath: paths.sample)
        _ = try? runFlexplan(["solve", paths.tiny, "--iterations", "3", "-o", paths.tinyPlan])
        _ = try? runFlexplan(["solve", paths.sample, "--iterations", "3", "-o", paths.samplePlan])
        return paths
    }()
}

/// What a case's command did, and what went wrong around it (setup, preparation, files afterwards).
struct MistakeOutcome {
    var command: String
    var status: Int32
    var stdout: String
    var stderr: String
    var located: [String]
    var forbidden: [String]
    var problems: [String]
}

/// A verdict on one expectation of a case.
struct MistakeVerdict {
    var passed: Bool
    var message: String
}

enum MistakeRunner {
    static func expand(_ text: String, caseFolder: String) -> String {
        var text = text.replacingOccurrences(of: "{case}", with: caseFolder)
            .replacingOccurrences(of: "{repo}", with: repositoryRoot.path)
        if text.contains("{tiny") || text.contains("{sample") {
            let shared = SharedMistakeInputs.paths
            text = text.replacingOccurrences(of: "{tiny-plan}", with: shared.tinyPlan)
                .replacingOccurrences(of: "{tiny}", with: shared.tiny)
                .replacingOccurrences(of: "{sample-plan}", with: shared.samplePlan)
                .replacingOccurrences(of: "{sample}", with: shared.sample)
        }
        return text
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    /// The lines of a text split at LF only, a CR kept at the end of its line (in Swift, CR LF
    /// is one Character, so splitting the String at "\n" would not split CRLF files).
    static func lines(of text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    static func apply(_ edits: [MistakeEdit], to text: String, expand: (String) -> String) throws -> String {
        var text = text
        for edit in edits {
            switch edit {
            case .line(let number, let old, let new):
                var lines = lines(of: text)
                guard lines.indices.contains(number - 1), let range = lines[number - 1].range(of: old) else {
                    throw SetupError(description: "line \(number) has no '\(old)'")
                }
                lines[number - 1].replaceSubrange(range, with: new)
                text = lines.joined(separator: "\n")
            case .replace(let old, let new):
                guard let range = text.range(of: expand(old)) else {
                    throw SetupError(description: "no '\(expand(old))'")
                }
                text.replaceSubrange(range, with: expand(new))
            case .cut(let number):
                let lines = lines(of: text)
                guard lines.indices.contains(number - 1), lines[number - 1].count >= 2 else {
                    throw SetupError(description: "line \(number) is too short to cut")
                }
                let line = lines[number - 1]
                text = (lines[..<(number - 1)] + [String(line.prefix(line.count / 2))]).joined(separator: "\n")
            }
        }
        return text
    }

    static func place(_ input: MistakeInput, in folder: String, expand: (String) -> String) throws {
        let files = FileManager.default
        func path(_ name: String) -> String { folder + "/" + name }
        func makeParent(_ name: String) throws {
            try files.createDirectory(
                atPath: (path(name) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        func readText(_ file: String) throws -> String {
            guard let data = files.contents(atPath: file) else { throw SetupError(description: "cannot read \(file)") }
            return String(decoding: data, as: UTF8.self)
        }
        switch input {
        case .copy(let source, let name, let edits):
            try makeParent(name)
            let source = expand(source)
            if edits.isEmpty {
                try files.copyItem(atPath: source, toPath: path(name))
            } else {
                try Data(apply(edits, to: readText(source), expand: expand).utf8).write(
                    to: URL(fileURLWithPath: path(name)))
            }
        case .text(let name, let text):
            try makeParent(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        case .bytes(let name, let bytes):
            try makeParent(name)
            try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
        case .folder(let name):
            try files.createDirectory(atPath: path(name), withIntermediateDirectories: true)
        case .edit(let name, let edits):
            try Data(apply(edits, to: readText(path(name)), expand: expand).utf8).write(
                to: URL(fileURLWithPath: path(name)))
        case .remove(let name):
            try files.removeItem(atPath: path(name))
        case .symlink(let name, let target):
            try makeParent(name)
            try files.createSymbolicLink(atPath: path(name), withDestinationPath: target)
        case .zip(let name, let source):
            let names = try files.contentsOfDirectory(atPath: path(source)).sorted()
            let entries = try names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: path(source) + "/" + $0))) }
            try storedZip(entries).write(to: URL(fileURLWithPath: path(name)))
        }
    }

    /// A zip archive with the files stored uncompressed.
    static func storedZip(_ entries: [(name: String, data: Data)]) -> Data {
        var table = [UInt32](repeating: 0, count: 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            table[index] = value
        }
        func crc32(_ data: Data) -> UInt32 {
            ~data.reduce(~UInt32(0)) { table[Int(($0 ^ UInt32($1)) & 0xFF)] ^ ($0 >> 8) }
        }
        func little16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
        func little32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        var archive = Data(), directory = Data()
        for (name, data) in entries {
            let offset = UInt32(archive.count), crc = crc32(data), size = UInt32(data.count)
            let nameBytes = Array(name.utf8)
            // Version 2.0, no flags, stored, 1980-01-01 00:00.
            let common =
                little16(20) + little16(0) + little16(0) + little16(0) + little16(0x21) + little32(crc)
                + little32(size) + little32(size) + little16(nameBytes.count) + little16(0)
            archive.append(contentsOf: little32(0x0403_4B50) + common + nameBytes)
            archive.append(data)
            directory.append(
                contentsOf: little32(0x0201_4B50) + little16(20) + common + little16(0) + little16(0) + little16(0)
                    + little32(0) + little32(offset) + nameBytes)
        }
        let directoryOffset = UInt32(archive.count)
        archive.append(directory)
        archive.append(
            contentsOf: little32(0x0605_4B50) + little16(0) + little16(0) + little16(entries.count)
                + little16(entries.count) + little32(UInt32(directory.count)) + little32(directoryOffset) + little16(0))
        return archive
    }

    /// Runs the binary in `directory` (created when missing), or where the tests run.
    static func run(
        _ arguments: [String], in directory: String?
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        guard let directory else { return try runFlexplan(arguments) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = flexplanExecutable()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }

    /// Builds the case's inputs in a fresh temporary folder, runs it, and checks the files it
    /// must leave; the folder is removed at the end.
    static func perform(_ mistake: Mistake) throws -> MistakeOutcome {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expand = { (text: String) in Self.expand(text, caseFolder: folder.path) }
        var problems: [String] = []
        do {
            for input in mistake.inputs { try place(input, in: folder.path, expand: expand) }
        } catch {
            problems.append("setup failed: \(error)")
        }
        for step in mistake.prepare {
            let arguments = step.arguments.map(expand)
            let result = try run(arguments, in: step.directory.map(expand))
            if result.status != 0 {
                problems.append(
                    "preparation `flexplan \(arguments.joined(separator: " "))` exited \(result.status): \(result.stderr)"
                )
            }
        }
        let arguments = mistake.arguments.map(expand)
        let result = try run(arguments, in: mistake.directory.map(expand))
        let files = FileManager.default
        for expectation in mistake.afterwards {
            switch expectation {
            case .absent(let path):
                if files.fileExists(atPath: expand(path)) { problems.append("\(expand(path)) should not exist") }
            case .present(let path):
                if !files.fileExists(atPath: expand(path)) { problems.append("\(expand(path)) should exist") }
            case .symlink(let path):
                let type = (try? files.attributesOfItem(atPath: expand(path)))?[.type] as? FileAttributeType
                if type != .typeSymbolicLink { problems.append("\(expand(path)) should still be a symbolic link") }
            case .contains(let path, let text):
                let content = files.contents(atPath: expand(path)).map { String(decoding: $0, as: UTF8.self) }
                if content?.contains(text) != true { problems.append("\(expand(path)) should contain '\(text)'") }
            }
        }
        return MistakeOutcome(
            command: "flexplan " + arguments.joined(separator: " "), status: result.status, stdout: result.stdout,
            stderr: result.stderr, located: mistake.located.map(expand),
            forbidden: (mistake.forbidden + MistakeTable.neverShown).map(expand), problems: problems)
    }

    static func verdicts(_ mistake: Mistake, _ outcome: MistakeOutcome) -> [MistakeVerdict] {
        let shown = "\(outcome.command)\nstderr: \(outcome.stderr.prefix(1500))\nstdout: \(outcome.stdout.prefix(600))"
        var verdicts = outcome.problems.map { MistakeVerdict(passed: false, message: "\($0)\n\(shown)") }
        verdicts.append(
            MistakeVerdict(
                passed: outcome.status == mistake.exit,
                message: "exit \(outcome.status), expected \(mistake.exit)\n\(shown)"))
        let searched = mistake.searchesStdout ? outcome.stderr + "\n" + outcome.stdout : outcome.stderr
        for fragment in outcome.located {
            verdicts.append(
                MistakeVerdict(
                    passed: searched.contains(fragment), message: "the message lacks '\(fragment)'\n\(shown)"))
        }
        for fragment in outcome.forbidden {
            verdicts.append(
                MistakeVerdict(
                    passed: !(outcome.stderr + outcome.stdout).contains(fragment),
                    message: "the output shows '\(fragment)'\n\(shown)"))
        }
        return verdicts
    }
}

// MARK: - The tests

@Suite("Mistakes: every bad input gets a located error (issue 24)")
struct MistakesTests {
    private func expectLocated(_ mistake: Mistake) throws {
        let outcome = try MistakeRunner.perform(mistake)
        for verdict in MistakeRunner.verdicts(mistake, outcome) {
            #expect(verdict.passed, "\(mistake.name): \(verdict.message)")
        }
    }

    @Test("the suite: at least 170 cases, each named once")
    func size() {
        let names = MistakeTable.all.map(\.name)
        #expect(names.count >= 170)
        #expect(Set(names).count == names.count, "duplicate names")
    }

    @Test("the shared plans are made")
    func sharedPlans() {
        let shared = SharedMistakeInputs.paths
        #expect(FileManager.default.fileExists(atPath: shared.tinyPlan))
        #expect(FileManager.default.fileExists(atPath: shared.samplePlan))
    }

    @Test("JSON school: numbers of the wrong kind", arguments: MistakeTable.jsonNumberKinds)
    func jsonNumberKinds(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("JSON school: values of the wrong type", arguments: MistakeTable.jsonTypes)
    func jsonTypes(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("JSON school: unknown fields", arguments: MistakeTable.jsonUnknownFields)
    func jsonUnknownFields(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("JSON school: syntax", arguments: MistakeTable.jsonSyntax)
    func jsonSyntax(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("JSON school: values out of range", arguments: MistakeTable.jsonRanges)
    func jsonRanges(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("JSON school: references between records", arguments: MistakeTable.jsonReferences)
    func jsonReferences(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("a bad school through every command", arguments: MistakeTable.schoolThroughCommands)
    func schoolThroughCommands(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("scenario overlays", arguments: MistakeTable.overlays)
    func overlays(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("CSV school folder", arguments: MistakeTable.csvSchool)
    func csvSchool(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("OneRoster folder and zip", arguments: MistakeTable.oneRoster)
    func oneRoster(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("FET files", arguments: MistakeTable.fet)
    func fet(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("weekly flex requests CSV", arguments: MistakeTable.flexWeek)
    func flexWeek(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("plan files", arguments: MistakeTable.plans)
    func plans(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("LP and MPS models", arguments: MistakeTable.models)
    func models(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("options", arguments: MistakeTable.options)
    func options(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("output paths", arguments: MistakeTable.outputs)
    func outputs(_ mistake: Mistake) throws { try expectLocated(mistake) }

    @Test("the issue's findings: output lost, stale, mixed or contradicting itself", arguments: MistakeTable.findings)
    func findings(_ mistake: Mistake) throws { try expectLocated(mistake) }
}

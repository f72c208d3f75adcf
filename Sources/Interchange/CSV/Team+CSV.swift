import SchoolModel

extension Team {
    /// A team from a row of `teams.csv` (a CSV school folder's, or the one beside a OneRoster
    /// roster): `id`, `name`, `kind`, `members` (`;`-separated teacher ids) and the
    /// collaboration requirement's columns, which need `minutes` (an error at the row and
    /// column otherwise).
    init(csv record: CSVRecord) throws {
        self.init(
            id: try record.required("id"), name: record.text("name"), kind: try record.choice("kind", Team.Kind.self),
            members: record.list("members") ?? [])
        if let minutes = try record.int("minutes") {
            collaboration = CollaborationRequirement(
                minutes: minutes, minBlockMinutes: try record.int("minBlockMinutes"),
                minBlocks: try record.int("minBlocks"), maxBlocks: try record.int("maxBlocks"),
                windows: try record.timeSlots("windows"), meeting: try record.bool("meeting"),
                maxDirectedMinutes: try record.int("maxDirectedMinutes"), weight: try record.double("weight"))
        } else {
            for column in [
                "minBlockMinutes", "minBlocks", "maxBlocks", "windows", "meeting", "maxDirectedMinutes", "weight",
            ] where record.text(column) != nil {
                throw record.error(column, "a collaboration requirement needs minutes")
            }
        }
    }
}

/// The sizes FlexPlan accepts: beyond them a school is refused by name, before any model is
/// built (memory grows with students × requests and lessons × periods).
public enum SchoolLimits {
    public static let students = 100_000
    public static let teachers = 10_000
    public static let rooms = 10_000
    public static let cohorts = 10_000
    /// Activities plus course sections' meetings.
    public static let lessons = 100_000
    public static let requestsPerStudent = 40
    /// FET's own maximum (MAX_DAYS_PER_WEEK), so every FET file's week fits.
    public static let days = 35
    public static let periodsPerDay = 48
    public static let flexSessions = 5_000
}

import SchoolModel

/// Choices in how the timetabling MIP is written; each is measured in `benchmarks/`.
public struct FormulationOptions: Sendable, Hashable {
    /// One row per resource and period summing every start that covers it (a clique of the
    /// conflict graph), instead of one row per conflicting pair of starts.
    public var cliqueConflicts = true
    /// Room capacity as counts per set of candidate rooms and period (exact when the sets are
    /// nested or disjoint), so that rooms are assigned after the times without failing.
    public var aggregatedRooms = true
    /// Orders interchangeable lessons of a split group by day.
    public var symmetryBreaking = true
    /// Lets a lesson stay unplaced at a penalty of ``unplacedPenalty`` (an elastic "once"
    /// row), so that every partial timetable, even the empty one, is a feasible point: the
    /// large-neighbourhood search starts there and inserts lessons.
    public var elastic = false
    /// Whether the soft rules are in the model. Without them the model is much smaller: the
    /// search places lessons in it first, then improves the penalties in the full model.
    public var softRules = true
    /// The penalty of an unplaced lesson in the elastic model; larger than any soft penalty
    /// placing a lesson can cause.
    public var unplacedPenalty = 1000.0

    public init() {}
}

/// A simplex basis: the status of every constraint (its row's auxiliary variable) and of every
/// variable. A vertex of an LP corresponds to one; handing a good one to the simplex (see
/// ``Model/solve(_:startingBasis:)``) skips the iterations that would find it.
///
/// A valid basis has exactly as many basic entries as the model has constraints, and the basic
/// columns form a nonsingular matrix; non-basic entries sit at a bound.
public struct Basis: Sendable, Equatable {
    /// Where a row or variable stands.
    public enum Status: Sendable, Equatable {
        /// In the basis.
        case basic
        /// Non-basic at its lower bound.
        case atLower
        /// Non-basic at its upper bound.
        case atUpper
        /// Non-basic and free (no bounds), at zero.
        case free
        /// Non-basic and fixed (equal bounds).
        case fixed
    }

    /// Per constraint, in the order they were added.
    public var constraints: [Status]
    /// Per variable, in the order they were added.
    public var variables: [Status]

    public init(constraints: [Status], variables: [Status]) {
        self.constraints = constraints
        self.variables = variables
    }

    /// How many entries are basic.
    public var basicCount: Int {
        constraints.count(where: { $0 == .basic }) + variables.count(where: { $0 == .basic })
    }
}

/// The domain of a decision variable.
public enum VariableKind: String, Sendable, Codable {
    /// Any real number between the bounds.
    case continuous
    /// Any integer between the bounds.
    case integer
    /// 0 or 1.
    case binary
}

/// A decision variable of one ``Model``: its position and the identity of its model.
///
/// Using a variable in another model throws ``LinearProgrammingError/foreignVariable(variable:context:)``.
public struct Variable: Sendable, Hashable, CustomStringConvertible {
    let model: UInt64
    /// Position of the variable in its model, from 0.
    public let index: Int

    public var description: String { "#\(index)" }
}

extension Model {
    /// The LP relaxation: the same model with every integer and binary variable continuous
    /// (bounds kept). Its optimum bounds the MIP's optimum.
    public func relaxed() -> Model {
        var copy = self
        copy.variableKinds = variableKinds.map { _ in .continuous }
        return copy
    }
}

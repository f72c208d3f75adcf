/// A small deterministic random number generator (SplitMix64), so that a seed gives the same
/// school on every machine and Swift version.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    public mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, by multiply-shift (no dependence on the standard library's
    /// algorithms, which may change between Swift versions).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// An element of a non-empty array.
    public mutating func pick<T>(_ elements: [T]) -> T {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// `count` distinct elements in random order (all of them when there are fewer).
    public mutating func sample<T>(_ elements: [T], _ count: Int) -> [T] {
        var pool = elements
        var result: [T] = []
        while result.count < count && !pool.isEmpty {
            result.append(pool.remove(at: int(in: 0...(pool.count - 1))))
        }
        return result
    }

    /// The elements in random order.
    public mutating func shuffled<T>(_ elements: [T]) -> [T] { sample(elements, elements.count) }
}

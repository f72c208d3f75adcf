import Foundation
import Plot

/// The trade-off of a sweep as an SVG line chart: the varied value across, one measure on the
/// left axis (requests met, or the objective when nothing is loaded) and teacher gaps on the
/// right, one line per combination of the other varied values. Built as XML nodes with Plot.
public struct FrontierChart {
    /// One solved variant.
    public struct Point: Sendable {
        public var x: Double
        /// The other varied values, naming the line the point belongs to ("" for one line).
        public var series: String
        public var left: Double?
        public var right: Double?

        public init(x: Double, series: String, left: Double?, right: Double?) {
            self.x = x
            self.series = series
            self.left = left
            self.right = right
        }
    }

    public var title: String
    public var xLabel: String
    public var leftLabel: String
    public var rightLabel: String
    /// Left-axis values are fractions, shown as percentages.
    public var leftIsFraction: Bool
    public var points: [Point]

    public init(
        title: String, xLabel: String, leftLabel: String, rightLabel: String, leftIsFraction: Bool, points: [Point]
    ) {
        self.title = title
        self.xLabel = xLabel
        self.leftLabel = leftLabel
        self.rightLabel = rightLabel
        self.leftIsFraction = leftIsFraction
        self.points = points
    }

    private static let width = 720.0
    private static let height = 420.0
    private static let plot = (left: 80.0, right: 640.0, top: 60.0, bottom: 340.0)
    private static let leftColour = "#1f5f9e"
    private static let rightColour = "#c0392b"
    private static let dashes = ["", "6,4", "2,3", "10,3,2,3"]

    /// The chart as an SVG document.
    public func svg() -> String {
        let xs = points.map(\.x)
        let lefts = points.compactMap(\.left)
        let rights = points.compactMap(\.right)
        let xRange = Self.range(xs)
        let leftRange = Self.range(lefts)
        let rightRange = Self.range(rights, from: 0)
        let box = Self.plot
        func xPosition(_ x: Double) -> Double {
            box.left + (x - xRange.low) / (xRange.high - xRange.low) * (box.right - box.left)
        }
        func yPosition(_ y: Double, _ range: (low: Double, high: Double)) -> Double {
            box.bottom - (y - range.low) / (range.high - range.low) * (box.bottom - box.top)
        }
        var nodes: [Node<XML.DocumentContext>] = [
            Self.element(
                "rect",
                [
                    "x": "0", "y": "0", "width": Self.text(Self.width), "height": Self.text(Self.height),
                    "fill": "#ffffff",
                ]),
            Self.label(title, x: Self.width / 2, y: 28, anchor: "middle", size: 16, weight: "bold"),
            Self.element(
                "rect",
                [
                    "x": Self.text(box.left), "y": Self.text(box.top), "width": Self.text(box.right - box.left),
                    "height": Self.text(box.bottom - box.top), "fill": "none", "stroke": "#c8d0da",
                ]),
        ]
        for tick in Self.ticks(xRange) {
            let x = xPosition(tick)
            nodes.append(Self.line(x, box.bottom, x, box.bottom + 5, colour: "#5b6878"))
            nodes.append(Self.label(Self.number(tick), x: x, y: box.bottom + 20, anchor: "middle"))
        }
        for tick in Self.ticks(leftRange) {
            let y = yPosition(tick, leftRange)
            nodes.append(Self.line(box.left, y, box.right, y, colour: "#eef1f5"))
            nodes.append(
                Self.label(
                    leftIsFraction ? Self.number(tick * 100) + "%" : Self.number(tick), x: box.left - 8, y: y + 4,
                    anchor: "end", colour: Self.leftColour))
        }
        for tick in Self.ticks(rightRange) {
            nodes.append(
                Self.label(
                    Self.number(tick), x: box.right + 8, y: yPosition(tick, rightRange) + 4, anchor: "start",
                    colour: Self.rightColour))
        }
        nodes.append(Self.label(xLabel, x: (box.left + box.right) / 2, y: box.bottom + 44, anchor: "middle"))
        nodes.append(
            Self.label(
                leftLabel, x: 20, y: (box.top + box.bottom) / 2, anchor: "middle", colour: Self.leftColour,
                rotate: true))
        nodes.append(
            Self.label(
                rightLabel, x: Self.width - 20, y: (box.top + box.bottom) / 2, anchor: "middle",
                colour: Self.rightColour, rotate: true))
        let series = Array(Set(points.map(\.series))).sorted()
        for (index, name) in series.enumerated() {
            let members = points.filter { $0.series == name }.sorted { $0.x < $1.x }
            let dash = Self.dashes[index % Self.dashes.count]
            for (values, range, colour) in [
                (members.compactMap { point in point.left.map { (point.x, $0) } }, leftRange, Self.leftColour),
                (members.compactMap { point in point.right.map { (point.x, $0) } }, rightRange, Self.rightColour),
            ] {
                let coordinates = values.map { (xPosition($0.0), yPosition($0.1, range)) }
                var attributes = [
                    "points": coordinates.map { "\(Self.text($0.0)),\(Self.text($0.1))" }.joined(separator: " "),
                    "fill": "none", "stroke": colour, "stroke-width": "2",
                ]
                if !dash.isEmpty { attributes["stroke-dasharray"] = dash }
                nodes.append(Self.element("polyline", attributes))
                for (x, y) in coordinates {
                    nodes.append(
                        Self.element("circle", ["cx": Self.text(x), "cy": Self.text(y), "r": "4", "fill": colour]))
                }
            }
            if !name.isEmpty {
                nodes.append(
                    Self.label(
                        "\(dash.isEmpty ? "solid" : "dashed \(index)"): \(name)", x: box.left + Double(index) * 170,
                        y: box.top - 10, anchor: "start", size: 11))
            }
        }
        let svg = XML(
            .element(
                named: "svg",
                nodes: [
                    .attribute(named: "xmlns", value: "http://www.w3.org/2000/svg"),
                    .attribute(named: "width", value: Self.text(Self.width)),
                    .attribute(named: "height", value: Self.text(Self.height)),
                    .attribute(named: "viewBox", value: "0 0 \(Self.text(Self.width)) \(Self.text(Self.height))"),
                    .attribute(named: "font-family", value: "system-ui, sans-serif"),
                ] + nodes))
        return svg.render(indentedBy: .spaces(1)) + "\n"
    }

    // MARK: Drawing

    private static func element(_ name: String, _ attributes: [String: String]) -> Node<XML.DocumentContext> {
        .element(
            named: name,
            nodes: attributes.sorted { $0.key < $1.key }.map { .attribute(named: $0.key, value: $0.value) })
    }

    private static func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, colour: String
    ) -> Node<XML.DocumentContext> {
        element("line", ["x1": text(x1), "y1": text(y1), "x2": text(x2), "y2": text(y2), "stroke": colour])
    }

    private static func label(
        _ content: String, x: Double, y: Double, anchor: String, size: Double = 12, weight: String = "normal",
        colour: String = "#1d2733", rotate: Bool = false
    ) -> Node<XML.DocumentContext> {
        var nodes: [Node<XML.DocumentContext>] = [
            .attribute(named: "x", value: text(x)), .attribute(named: "y", value: text(y)),
            .attribute(named: "text-anchor", value: anchor), .attribute(named: "font-size", value: text(size)),
            .attribute(named: "font-weight", value: weight), .attribute(named: "fill", value: colour),
        ]
        if rotate { nodes.append(.attribute(named: "transform", value: "rotate(-90 \(text(x)) \(text(y)))")) }
        nodes.append(.text(content))
        return .element(named: "text", nodes: nodes)
    }

    // MARK: Scales

    /// The values' range, widened so that a single value or a flat line still has height.
    static func range(_ values: [Double], from floor: Double? = nil) -> (low: Double, high: Double) {
        var low = values.min() ?? 0
        let high = values.max() ?? 1
        if let floor { low = min(low, floor) }
        if high - low < 1e-9 {
            let pad = max(1, abs(high) * 0.1)
            return (low - (floor == nil ? pad : 0), high + pad)
        }
        let pad = (high - low) * 0.08
        return (floor.map { _ in low } ?? low - pad, high + pad)
    }

    /// Four or five round tick values inside the range.
    static func ticks(_ range: (low: Double, high: Double)) -> [Double] {
        let span = range.high - range.low
        let raw = span / 4
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var tick = (range.low / step).rounded(.up) * step
        var result: [Double] = []
        while tick <= range.high + 1e-9 {
            result.append(tick)
            tick += step
        }
        return result
    }

    static func number(_ value: Double) -> String {
        abs(value - value.rounded()) < 1e-9 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    static func text(_ value: Double) -> String { String(format: "%.1f", value) }
}

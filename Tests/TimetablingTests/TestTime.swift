import Foundation

/// Time limits in tests that expect a plan within them, stretched by `FLEXPLAN_TEST_TIME_SCALE`
/// (set by `make sanitize`: the suite runs several times slower under a sanitizer).
func testSeconds(_ seconds: Double) -> Double {
    seconds * (ProcessInfo.processInfo.environment["FLEXPLAN_TEST_TIME_SCALE"].flatMap(Double.init) ?? 1)
}

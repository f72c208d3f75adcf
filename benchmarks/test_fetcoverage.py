"""Tests of the FET coverage entry's pure logic (benchmarks/fetcoverage.py): reading the lines
`flexplan validate` prints, classifying a file, and the counts. Canned text only, no flexplan
run: `python3 -m unittest discover -s benchmarks -p 'test_*.py'`."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fetcoverage  # noqa: E402

PATH = "/usr/share/doc/fet-data/examples/FET-5-official/Italy/2007/difficult/high: school.fet"

# `flexplan validate PATH --ignore-unsupported --verbose`, as the release binary prints it.
RELAXED = """\
warning: {p}: hard FET constraint left out: ConstraintStudentsEarlyMaxBeginningsAtSecondHour ×1 hard
warning: {p}: hard FET constraint left out: ConstraintStudentsSetMinHoursDaily ×12 hard
warning: {p}: hard FET constraint left out: virtual room ×2 hard
warning: {p}: FET constraint left out: ConstraintStudentsEarlyMaxBeginningsAtSecondHour ×1 (1 hard)
warning: {p}: FET constraint left out: ConstraintStudentsSetMinHoursDaily ×12 (12 hard)
warning: {p}: FET constraint left out: ConstraintTeacherHomeRoom ×5 (3 hard)
warning: {p}: FET constraint left out: ConstraintTeachersMaxHoursDaily ×2
warning: {p}: FET constraint left out: virtual room ×2 (2 hard)
warning: soft preferred starting times all weigh as the heaviest of them (98%): FlexPlan has one weight for the rule
{p}: read 37 teachers, 8 rooms, 21 cohorts, 479 activities
{p}: valid (0 warnings)
""".format(p=PATH)

STRICT_UNSUPPORTED = """\
flexplan: {p} is not a valid school
error: {p}: unsupported hard constraints: ConstraintStudentsSetMinHoursDaily ×12 (12 hard), \
ConstraintTeachersMaxHoursDaily ×2; --ignore-unsupported imports the file without them
{p}: 1 error, 0 warnings
""".format(p=PATH)

STRICT_DUPLICATE = """\
flexplan: {p} is not a valid school
error: {p}:260: subject 'MAIR 13' twice (first at line 148)
error: {p}:332: subject 'CEIR 11' twice (first at line 324)
{p}: 2 errors, 0 warnings
""".format(p=PATH)

RELAXED_INVALID = """\
warning: {p}: hard FET constraint left out: ConstraintTeacherMinHoursDaily ×1 hard
error: $.timeGrid.days: 33 timeGrid.days is above FlexPlan's limit of 31
{p}: 1 error, 0 warnings
""".format(p=PATH)


class ParseTests(unittest.TestCase):
    def test_left_out_lines(self):
        left = fetcoverage.parse_left_out(RELAXED)
        self.assertEqual(set(left), {"ConstraintStudentsEarlyMaxBeginningsAtSecondHour",
                                     "ConstraintStudentsSetMinHoursDaily", "ConstraintTeacherHomeRoom",
                                     "ConstraintTeachersMaxHoursDaily", "virtual room"})
        self.assertEqual(left["ConstraintStudentsSetMinHoursDaily"], {"count": 12, "hard": 12, "soft": 0})
        self.assertEqual(left["ConstraintTeacherHomeRoom"], {"count": 5, "hard": 3, "soft": 2})
        self.assertEqual(left["ConstraintTeachersMaxHoursDaily"], {"count": 2, "hard": 0, "soft": 2})
        self.assertEqual(left["virtual room"], {"count": 2, "hard": 2, "soft": 0})

    def test_hard_lines_alone(self):
        # Without --verbose only the hard lines are printed: they still count.
        left = fetcoverage.parse_left_out(RELAXED_INVALID)
        self.assertEqual(left, {"ConstraintTeacherMinHoursDaily": {"count": 1, "hard": 1, "soft": 0}})

    def test_nothing_left_out(self):
        self.assertEqual(fetcoverage.parse_left_out("%s: valid (0 warnings)\n" % PATH), {})

    def test_error_lines_drop_the_path(self):
        self.assertEqual(fetcoverage.error_lines(STRICT_DUPLICATE, PATH),
                         ["line 260: subject 'MAIR 13' twice (first at line 148)",
                          "line 332: subject 'CEIR 11' twice (first at line 324)"])
        self.assertEqual(fetcoverage.error_lines(RELAXED_INVALID, PATH),
                         ["$.timeGrid.days: 33 timeGrid.days is above FlexPlan's limit of 31"])


class ClassifyTests(unittest.TestCase):
    def test_clean(self):
        r = fetcoverage.classify(PATH, 0, "valid", 0, "%s: valid (0 warnings)" % PATH)
        self.assertEqual((r["status"], r["leftOut"]), ("clean", {}))

    def test_soft_only_left_out(self):
        relaxed = "warning: %s: FET constraint left out: ConstraintSubjectPreferredRoom ×18\n" % PATH
        r = fetcoverage.classify(PATH, 0, "valid", 0, relaxed)
        self.assertEqual(r["status"], "soft-dropped")

    def test_hard_dropped(self):
        r = fetcoverage.classify(PATH, 2, STRICT_UNSUPPORTED, 0, RELAXED)
        self.assertEqual(r["status"], "hard-dropped")
        self.assertNotIn("relaxedErrors", r)

    def test_hard_dropped_and_invalid_without_them(self):
        r = fetcoverage.classify(PATH, 2, STRICT_UNSUPPORTED, 2, RELAXED_INVALID)
        self.assertEqual(r["status"], "hard-dropped")
        self.assertEqual(r["relaxedErrors"], ["$.timeGrid.days: 33 timeGrid.days is above FlexPlan's limit of 31"])

    def test_refused_for_another_reason(self):
        r = fetcoverage.classify(PATH, 2, STRICT_DUPLICATE, 2, STRICT_DUPLICATE)
        self.assertEqual(r["status"], "refused")
        self.assertEqual(len(r["errors"]), 2)

    def test_killed(self):
        r = fetcoverage.classify(PATH, None, "", None, "")
        self.assertEqual((r["status"], r["errors"]), ("refused", ["exit None (killed)"]))


class SummaryTests(unittest.TestCase):
    def records(self):
        return [
            fetcoverage.classify("a.fet", 0, "", 0, ""),
            fetcoverage.classify("b.fet", 0, "", 0, "w: b.fet: FET constraint left out: ConstraintX ×4\n"),
            fetcoverage.classify(PATH, 2, STRICT_UNSUPPORTED, 0, RELAXED),
            fetcoverage.classify("c.fet", 2, "error: c.fet: unsupported hard constraints: ConstraintX ×1 (1 hard)", 0,
                                 "w: c.fet: FET constraint left out: ConstraintX ×1 (1 hard)\n"
                                 "w: c.fet: FET constraint left out: ConstraintTeacherHomeRoom ×1 (1 hard)\n"),
            fetcoverage.classify(PATH, 2, STRICT_DUPLICATE, 2, STRICT_DUPLICATE),
        ]

    def test_counts(self):
        s = fetcoverage.summarize(self.records())
        self.assertEqual((s["files"], s["noHardDropped"], s["noRuleDropped"], s["hardDropped"]), (5, 2, 1, 2))
        self.assertEqual([r["file"] for r in s["refused"]], [PATH])

    def test_types_by_file_count_hard_and_soft_apart(self):
        s = fetcoverage.summarize(self.records())
        first = s["types"][:2]
        self.assertEqual(first, [
            {"type": "ConstraintTeacherHomeRoom", "files": 2, "hardFiles": 2, "softFiles": 1},
            {"type": "ConstraintX", "files": 2, "hardFiles": 1, "softFiles": 1}])
        self.assertEqual(len(s["types"]), 6)

    def test_lines_and_table(self):
        s = fetcoverage.summarize(self.records())
        text = "\n".join(fetcoverage.summary_lines(s))
        self.assertIn("no hard rule dropped (`flexplan validate FILE` passes): 2 of 5 (40%)", text)
        self.assertIn("no rule dropped at all (no soft rule left out either): 1 of 5 (20%)", text)
        self.assertIn("line 260: subject 'MAIR 13' twice", text)
        head, rows = fetcoverage.types_table(s, limit=1)
        self.assertEqual(rows, [["ConstraintTeacherHomeRoom", "2", "2", "1"]])

    def test_relative_paths(self):
        self.assertEqual(fetcoverage.relative(PATH), PATH.split("examples/")[1])
        self.assertEqual(fetcoverage.relative("/tmp/x.fet"), "/tmp/x.fet")


if __name__ == "__main__":
    unittest.main()

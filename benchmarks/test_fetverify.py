"""Tests of the FET verification entry's pure logic (benchmarks/fetverify.py and the fet-cl
helpers of fetpeer.py): switching soft constraints off in a .fet file, reading fet-cl's
result.txt, the verdicts, table and totals. Canned inputs only, no fet-cl or flexplan run:
`python3 -m unittest discover -s benchmarks -p 'test_*.py'`."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fetpeer  # noqa: E402
import fetverify  # noqa: E402

FET = """\
<?xml version="1.0" encoding="UTF-8"?>
<fet version="5.41.0">
<Activities_List>
<Activity>
\t<Id>1</Id>
\t<Active>true</Active>
</Activity>
</Activities_List>
<Time_Constraints_List>
<ConstraintBasicCompulsoryTime>
\t<Weight_Percentage>100</Weight_Percentage>
\t<Active>true</Active>
\t<Comments></Comments>
</ConstraintBasicCompulsoryTime>
<ConstraintTeachersMaxGapsPerWeek>
\t<Weight_Percentage>95</Weight_Percentage>
\t<Max_Gaps>3</Max_Gaps>
\t<Active>true</Active>
\t<Comments></Comments>
</ConstraintTeachersMaxGapsPerWeek>
<ConstraintActivityPreferredTimeSlots>
\t<Weight_Percentage>99.5</Weight_Percentage>
\t<Activity_Id>1</Activity_Id>
\t<Preferred_Time_Slot>
\t\t<Preferred_Day>Mon</Preferred_Day>
\t\t<Preferred_Hour>1</Preferred_Hour>
\t</Preferred_Time_Slot>
\t<Comments></Comments>
</ConstraintActivityPreferredTimeSlots>
<ConstraintActivityPreferredStartingTime>
\t<Weight_Percentage>100</Weight_Percentage>
\t<Activity_Id>1</Activity_Id>
\t<Permanently_Locked>true</Permanently_Locked>
\t<Active>true</Active>
</ConstraintActivityPreferredStartingTime>
<ConstraintTeacherNotAvailableTimes>
\t<Weight_Percentage>0</Weight_Percentage>
\t<Active>false</Active>
</ConstraintTeacherNotAvailableTimes>
</Time_Constraints_List>
</fet>
"""


class SwitchOffSoftTests(unittest.TestCase):
    def test_soft_constraints_made_inactive_hard_ones_kept(self):
        text, count = fetverify.switch_off_soft(FET)
        self.assertEqual(count, 3)          # 95, 99.5 (no <Active>: one added), 0
        blocks = text.split("<Constraint")
        by = {b.split(">")[0]: b for b in blocks[1:] if not b.startswith("s")}
        self.assertIn("<Active>true</Active>", by["BasicCompulsoryTime"])
        self.assertIn("<Active>true</Active>", by["ActivityPreferredStartingTime"])
        self.assertIn("<Active>false</Active>", by["TeachersMaxGapsPerWeek"])
        self.assertNotIn("<Active>true</Active>", by["TeachersMaxGapsPerWeek"])
        self.assertIn("\t<Weight_Percentage>99.5</Weight_Percentage>\n\t<Active>false</Active>\n",
                      by["ActivityPreferredTimeSlots"])
        self.assertIn("<Active>false</Active>", by["TeacherNotAvailableTimes"])

    def test_nothing_else_changes(self):
        text, _ = fetverify.switch_off_soft(FET)
        before, after = FET.splitlines(), text.splitlines()
        inserted = after.index("\t<Active>false</Active>", after.index("\t<Weight_Percentage>99.5</Weight_Percentage>"))
        del after[inserted]
        changed = [(b, a) for b, a in zip(before, after) if b != a]
        self.assertEqual(changed, [("\t<Active>true</Active>", "\t<Active>false</Active>")])
        # The activity's own <Active> is untouched.
        self.assertEqual(after[:8], before[:8])

    def test_crlf_and_unclosed(self):
        crlf = FET.replace("\n", "\r\n")
        text, count = fetverify.switch_off_soft(crlf)
        self.assertEqual(count, 3)
        self.assertNotIn("\n\t<Active>false</Active>\n", text)
        self.assertIn("\r\n\t<Active>false</Active>\r\n", text)
        cut = "<ConstraintX>\n\t<Weight_Percentage>50</Weight_Percentage>\n"
        self.assertEqual(fetverify.switch_off_soft(cut), (cut, 0))

    def test_no_constraints(self):
        self.assertEqual(fetverify.switch_off_soft("<fet>\n</fet>\n"), ("<fet>\n</fet>\n", 0))


RESULT_OK = """This file contains the result (log) of last operation

FET command line simulation started on 12/3/26 1:25 PM

Starting timetable generation...
Simulation successful
"""
RESULT_TIME = RESULT_OK.replace("Simulation successful", "Time exceeded")
RESULT_WRONG = RESULT_OK.replace("Starting timetable generation...\nSimulation successful",
                                 "Cannot precompute - data is wrong - aborting")


class FetclOutcomeTests(unittest.TestCase):
    def test_outcomes(self):
        self.assertEqual(fetpeer.fetcl_outcome(RESULT_OK), (True, "Simulation successful"))
        self.assertEqual(fetpeer.fetcl_outcome(RESULT_TIME), (False, "Time exceeded"))
        self.assertEqual(fetpeer.fetcl_outcome(RESULT_WRONG),
                         (False, "Cannot precompute - data is wrong - aborting"))
        self.assertEqual(fetpeer.fetcl_outcome(""), (False, None))


def record(example, **kw):
    r = {"example": example, "limit": 30, "imports": True, "fetSolved": True, "fetSeconds": 1.0,
         "fetResult": "Simulation successful"}
    r.update(kw)
    return r


RECORDS = [
    record("a.fet", checkedRules="all", fetHardViolations=0, fetViolations=[], flexplanPlan=True,
           flexplanStatus="optimal", flexplanSeconds=0.5, lockedAccepted=True, lockedSeconds=0.1,
           lockedResult="Simulation successful"),
    record("b.fet", imports=False, importProblem="unsupported", checkedRules="supported only",
           fetHardViolations=2, fetViolations=[{"rule": "teacherGaps", "message": "T1 has 3 gaps"},
                                               {"rule": "roomClash", "message": "R1 twice"}]),
    record("c.fet", fetSolved=False, fetResult="Time exceeded", flexplanPlan=True, flexplanStatus="feasible",
           lockedAccepted=False, lockedResult="killed after 90 s"),
    record("d.fet", fetSolved=False, fetResult="Time exceeded", flexplanPlan=False, flexplanStatus="noSolution"),
    {"example": "e.fet", "limit": 30, "error": "not in fet-data"},
]


class ReportTests(unittest.TestCase):
    def test_totals(self):
        t = fetverify.totals(RECORDS)
        self.assertEqual(t, {"files": 5, "fetSolved": 2, "fetChecked": 2, "fetCheckedClean": 1,
                             "fetCheckedAllRules": 1, "fetCheckedAllRulesClean": 1, "imports": 3,
                             "flexplanPlans": 2, "lockedGiven": 2, "lockedAccepted": 1})

    def test_disagreements_name_file_and_violation(self):
        lines = fetverify.disagreements(RECORDS)
        self.assertEqual(len(lines), 2)
        self.assertIn("b.fet: FlexPlan's checker finds 2 hard violations", lines[0])
        self.assertIn("teacherGaps: T1 has 3 gaps", lines[0])
        self.assertIn("c.fet: fet-cl does not accept", lines[1])
        self.assertIn("killed after 90 s", lines[1])

    def test_table(self):
        head, rows = fetverify.table(RECORDS)
        self.assertEqual(len(head), len(rows[0]))
        self.assertEqual(rows[0][1:], ["yes", "solved", "1", "0 hard", "yes", "0.50", "accepted", "0.10"])
        self.assertEqual(rows[1][1], "no: unsupported hard rules")
        self.assertEqual(rows[1][4], "2 hard (supported rules)")
        self.assertEqual(rows[2][7], "REFUSED (killed after 90 s)")
        self.assertEqual(rows[3][5], "no (noSolution)")
        self.assertEqual(rows[4], ["e.fet"] + ["-"] * 8)

    def test_summary(self):
        text = "\n".join(fetverify.summary(RECORDS))
        self.assertIn("fet-cl accepts 1 of the 2 given to it as locked originals", text)
        self.assertIn("Disagreements:", text)
        self.assertEqual(fetverify.summary(RECORDS[:1])[-1], "No disagreement.")

    def test_violation_text_is_cut(self):
        many = [{"rule": "r", "message": str(i)} for i in range(5)]
        self.assertEqual(fetverify.violation_text(many), "r: 0; r: 1; r: 2 (+2 more)")


if __name__ == "__main__":
    unittest.main()

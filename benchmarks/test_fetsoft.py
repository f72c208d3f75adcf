import unittest

import fetsoft

FILE = """<fet>
<Time_Constraints_List>
<ConstraintTeachersMaxHoursDaily>
	<Weight_Percentage>50</Weight_Percentage>
	<Maximum_Hours_Daily>4</Maximum_Hours_Daily>
	<Active>true</Active>
</ConstraintTeachersMaxHoursDaily>
<ConstraintMinDaysBetweenActivities>
	<Weight_Percentage>95</Weight_Percentage>
	<Active>true</Active>
</ConstraintMinDaysBetweenActivities>
<ConstraintBasicCompulsoryTime>
	<Weight_Percentage>100</Weight_Percentage>
</ConstraintBasicCompulsoryTime>
</Time_Constraints_List>
<Space_Constraints_List>
</Space_Constraints_List>
</fet>
"""


class FETSoftTests(unittest.TestCase):
    def test_keeps_only_the_named_soft_types(self):
        text = fetsoft.keep_soft(FILE, {"ConstraintTeachersMaxHoursDaily"})
        daily = text.split("<ConstraintTeachersMaxHoursDaily>")[1].split("</ConstraintTeachersMaxHoursDaily>")[0]
        gaps = text.split("<ConstraintMinDaysBetweenActivities>")[1].split("</ConstraintMinDaysBetweenActivities>")[0]
        self.assertIn("<Active>true</Active>", daily)
        self.assertIn("<Active>false</Active>", gaps)
        self.assertNotIn("Active", text.split("<ConstraintBasicCompulsoryTime>")[1].split("</")[0])

    def test_adds_room_rules_to_space_and_others_to_time(self):
        text = fetsoft.add_constraints(
            FILE, "<ConstraintRoomNotAvailableTimes><Weight_Percentage>70</Weight_Percentage>"
            "</ConstraintRoomNotAvailableTimes><ConstraintStudentsMaxHoursContinuously>"
            "<Weight_Percentage>40</Weight_Percentage></ConstraintStudentsMaxHoursContinuously>")
        space = text.split("<Space_Constraints_List>")[1]
        time = text.split("<Time_Constraints_List>")[1].split("</Time_Constraints_List>")[0]
        self.assertIn("ConstraintRoomNotAvailableTimes", space)
        self.assertIn("ConstraintStudentsMaxHoursContinuously", time)
        self.assertNotIn("ConstraintRoomNotAvailableTimes", time)


if __name__ == "__main__":
    unittest.main()

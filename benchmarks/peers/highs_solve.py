"""Solve an MPS/LP file with HiGHS (pip highspy); print one JSON object like `flexplan lp solve`.
Usage: python highs_solve.py FILE [--max] [--time-limit S]"""
import json, sys, time
import highspy

path, maximize, limit = sys.argv[1], "--max" in sys.argv, None
if "--time-limit" in sys.argv:
    limit = float(sys.argv[sys.argv.index("--time-limit") + 1])
h = highspy.Highs()
h.setOptionValue("output_flag", False)
if limit:
    h.setOptionValue("time_limit", limit)
start = time.perf_counter()
h.readModel(path)
if maximize:
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
h.run()
seconds = time.perf_counter() - start
status = h.getModelStatus()
info = h.getInfo()
has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
names = {highspy.HighsModelStatus.kOptimal: ("optimal", "solved"),
         highspy.HighsModelStatus.kInfeasible: ("infeasible", "solved"),
         highspy.HighsModelStatus.kTimeLimit: ("feasible" if has_solution else "noSolution", "timeLimit")}
state, stop = names.get(status, ("feasible" if has_solution else "noSolution", "solved"))
print(json.dumps({
    "status": state, "stopReason": stop,
    "objective": info.objective_function_value if has_solution else None,
    "bound": info.mip_dual_bound, "gap": info.mip_gap, "seconds": seconds,
    "nodes": info.mip_node_count, "iterations": info.simplex_iteration_count,
    "version": highspy.Highs().version() if hasattr(highspy.Highs, "version") else None}))

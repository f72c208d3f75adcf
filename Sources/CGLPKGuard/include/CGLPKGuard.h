// CGLPKGuard: every fallible GLPK call, wrapped so that a GLPK error returns a code instead of
// aborting the process.
//
// GLPK reports invalid arguments and internal failures through glp_error, which calls the hook
// set by glp_error_hook and then calls abort(). Each function here installs a hook that
// longjmp()s back into the same C function, frees the (thread-local) GLPK environment as the
// manual requires, and returns FPG_GLPK_ERROR. The longjmp never crosses a Swift frame: Swift
// calls these functions, never GLPK directly, and the only Swift code GLPK can reach from here
// (log and progress sinks) makes no GLPK call.
//
// Freeing the environment frees every GLPK problem of the calling thread. The thread's
// environment generation (fpg_environment_generation) is incremented each time, so that
// owners of problems created earlier know their handles are dead.
//
// Indices are 0-based here; GLPK's 1-based arrays with their unused [0] slot stay in guard.c.

#ifndef CGLPK_GUARD_H
#define CGLPK_GUARD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct glp_prob fpg_problem;

enum {
    FPG_OK = 0,
    FPG_GLPK_ERROR = -1,
    FPG_OUT_OF_MEMORY = -2,
};

enum { FPG_CONTINUOUS = 0, FPG_INTEGER = 1 };

enum { FPG_PRIMAL = 1, FPG_DUAL_THEN_PRIMAL = 2, FPG_DUAL = 3, FPG_INTERIOR = 4 };

enum { FPG_STOP_NONE = 0, FPG_STOP_TIME_LIMIT = 1, FPG_STOP_INTERRUPTED = 2, FPG_STOP_NODE_LIMIT = 3 };

enum { FPG_SOLUTION_SIMPLEX = 0, FPG_SOLUTION_INTERIOR = 1, FPG_SOLUTION_MIP = 2 };

/// Incremented on this thread each time a guarded GLPK error freed the environment.
unsigned long fpg_environment_generation(void);

/// The text GLPK printed most recently on this thread (at most the last 4 KiB), e.g. the
/// message of the last guarded error. Valid until the next guarded call on this thread.
const char *fpg_last_output(void);

/// Routes GLPK's terminal output on this thread to `sink` (NULL: swallow it).
void fpg_set_log_sink(void (*sink)(void *context, const char *text), void *context);

/// glp_free_env for this thread (its problems die with it): a thread that used GLPK calls it
/// before it ends, or GLPK's thread-local environment leaks.
void fpg_release_environment(void);

int fpg_create_problem(fpg_problem **problem);
int fpg_delete_problem(fpg_problem *problem);

/// A whole problem in arrays: rows in compressed sparse row form, 0-based.
typedef struct {
    int rows;
    int columns;
    int maximize;
    double objective_constant;
    const double *objective;      // [columns]
    const double *column_lower;   // [columns]; -HUGE_VAL for none
    const double *column_upper;   // [columns]; +HUGE_VAL for none
    const int *column_kind;       // [columns]; FPG_CONTINUOUS or FPG_INTEGER
    const double *row_lower;      // [rows]
    const double *row_upper;      // [rows]
    const int *row_start;         // [rows + 1]
    const int *entry_column;      // [row_start[rows]]
    const double *entry_value;    // [row_start[rows]]
    const char *column_names;     // NULL, or `columns` NUL-terminated strings back to back
    const char *row_names;        // NULL, or `rows` NUL-terminated strings back to back
    const char *problem_name;     // NULL or a name
} fpg_problem_data;

/// Loads `data` into an empty problem.
int fpg_load_problem(fpg_problem *problem, const fpg_problem_data *data);

typedef struct {
    int method;            // FPG_PRIMAL, FPG_DUAL_THEN_PRIMAL, FPG_DUAL or FPG_INTERIOR
    int presolve;          // simplex only
    int message_level;     // GLP_MSG_OFF ... GLP_MSG_ALL
    double time_limit;     // seconds; <= 0: none
    int iteration_limit;   // <= 0: none
} fpg_lp_parameters;

/// glp_simplex or glp_interior. `glpk_return` receives the routine's return code.
int fpg_solve_lp(fpg_problem *problem, const fpg_lp_parameters *parameters, int *glpk_return);

typedef struct {
    double seconds;
    int has_incumbent;
    double incumbent;
    int has_bound;
    double bound;
    int nodes;          // subproblems created so far
    int active_nodes;
    int iterations;     // simplex iterations so far
} fpg_mip_progress;

typedef struct {
    int message_level;
    int presolve;
    double time_limit;              // seconds from `start_time`; <= 0: none
    int node_limit;                 // branch-and-bound nodes; <= 0: none (a deterministic limit)
    double start_time;              // seconds, monotonic clock (fpg_now)
    double relative_gap;
    int gomory_cuts, mir_cuts, cover_cuts, clique_cuts;
    int feasibility_pump;
    int proximity_search;
    double proximity_time_limit;    // seconds
    int branching;                  // GLP_BR_*
    int backtracking;               // GLP_BT_*
    const double *warm_start;       // NULL, or [columns] values handed to glp_ios_heur_sol
    const int *cancel_flag;         // NULL, or a flag set (atomically) to stop the search
    double bound_interval;          // seconds between reads of the best bound
    void (*progress)(void *context, const fpg_mip_progress *progress);
    void *context;
} fpg_mip_parameters;

typedef struct {
    int glpk_return;
    int stop_reason;            // FPG_STOP_*: why the callback terminated the search
    int warm_start_accepted;    // 1 if glp_ios_heur_sol took the warm start
    fpg_mip_progress last;      // the state when the search ended
} fpg_mip_outcome;

/// glp_intopt with a callback that polls the incumbent, reads the best bound at most every
/// `bound_interval` seconds, enforces the time limit, honours the cancel flag and hands over
/// the warm start at the first heuristic request.
int fpg_solve_mip(fpg_problem *problem, const fpg_mip_parameters *parameters,
                  fpg_mip_outcome *outcome);

/// Seconds on a monotonic clock.
double fpg_now(void);

/// Reads a flag written by another thread.
int fpg_flag_get(const int *flag);
/// Writes a flag read by another thread.
void fpg_flag_set(int *flag, int value);

typedef struct {
    int status;             // GLP_OPT, GLP_FEAS, ... of the chosen solution
    int primal_status;      // simplex only
    int dual_status;        // simplex only
    double objective;
    int iterations;
} fpg_solution_summary;

/// Reads a solution. Each array may be NULL; rows and columns are 0-based.
int fpg_read_solution(fpg_problem *problem, int kind, fpg_solution_summary *summary,
                      double *column_values, double *column_duals,
                      double *row_values, double *row_duals);

/// Sets the simplex basis: a GLP_BS/NL/NU/NF/NS status per row and column (0-based arrays).
/// glp_simplex checks it (GLP_EBADB, GLP_ESING) when it runs without the presolver.
int fpg_set_basis(fpg_problem *problem, const int *row_status, const int *column_status);
/// Replaces the basis by the standard one (every row basic) with glp_std_basis.
int fpg_standard_basis(fpg_problem *problem);
/// Reads the current basis statuses into 0-based arrays.
int fpg_read_basis(fpg_problem *problem, int *row_status, int *column_status);

int fpg_set_column_bounds(fpg_problem *problem, int column, double lower, double upper);
int fpg_set_row_bounds(fpg_problem *problem, int row, double lower, double upper);
int fpg_set_objective_coefficient(fpg_problem *problem, int column, double value);
int fpg_set_objective_constant(fpg_problem *problem, double value);
int fpg_set_maximize(fpg_problem *problem, int maximize);

/// CPLEX LP and free MPS through glp_write_lp / glp_write_mps; `glpk_return` is 0 on success.
int fpg_write_lp(fpg_problem *problem, const char *path, int *glpk_return);
int fpg_write_mps(fpg_problem *problem, const char *path, int *glpk_return);
int fpg_read_lp(fpg_problem *problem, const char *path, int *glpk_return);
int fpg_read_mps(fpg_problem *problem, const char *path, int *glpk_return);

/// Sizes of a problem, e.g. one read from a file.
int fpg_problem_size(fpg_problem *problem, int *rows, int *columns, int *nonzeros);

/// Copies a problem out into caller-allocated arrays sized by fpg_problem_size (names not
/// included: see fpg_row_name and fpg_column_name).
typedef struct {
    int maximize;
    double objective_constant;
    double *objective, *column_lower, *column_upper;
    int *column_kind;
    double *row_lower, *row_upper;
    int *row_start, *entry_column;
    double *entry_value;
} fpg_problem_extract;

int fpg_extract_problem(fpg_problem *problem, fpg_problem_extract *out);

/// A name, or NULL when unnamed; the pointer is GLPK's and valid while the problem lives.
const char *fpg_row_name(fpg_problem *problem, int row);
const char *fpg_column_name(fpg_problem *problem, int column);

#ifdef __cplusplus
}
#endif

#endif

// The only place where FlexPlan calls GLPK, and the only place that knows GLPK's 1-based
// arrays. See include/CGLPKGuard.h for the contract.

#include "CGLPKGuard.h"

#include <float.h>
#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// MARK: - The guard

#define OUTPUT_CAPACITY 4096

static _Thread_local jmp_buf *current_jump = NULL;
static _Thread_local unsigned long generation = 0;
static _Thread_local char output[OUTPUT_CAPACITY + 1];
static _Thread_local size_t output_length = 0;
static _Thread_local void (*log_sink)(void *, const char *) = NULL;
static _Thread_local void *log_context = NULL;

unsigned long fpg_environment_generation(void) { return generation; }

const char *fpg_last_output(void) {
    output[output_length] = '\0';
    return output;
}

void fpg_set_log_sink(void (*sink)(void *context, const char *text), void *context) {
    log_sink = sink;
    log_context = context;
}

// Keeps the tail of GLPK's output (for error messages) and forwards it to the log sink.
static int term_hook(void *info, const char *text) {
    (void)info;
    size_t length = strlen(text);
    if (length >= OUTPUT_CAPACITY) {
        text += length - OUTPUT_CAPACITY;
        length = OUTPUT_CAPACITY;
    }
    if (output_length + length > OUTPUT_CAPACITY) {
        size_t drop = output_length + length - OUTPUT_CAPACITY;
        memmove(output, output + drop, output_length - drop);
        output_length -= drop;
    }
    memcpy(output + output_length, text, length);
    output_length += length;
    if (log_sink != NULL) log_sink(log_context, text);
    return 1;  // printed here, not on stdout
}

static void error_hook(void *info) {
    (void)info;
    longjmp(*current_jump, 1);
}

// Every guarded function is written as
//     GUARD_BEGIN; ...GLPK calls...; GUARD_END; return FPG_OK;
// A GLPK error jumps back to GUARD_BEGIN, which frees the environment and returns.
#define GUARD_BEGIN                                  \
    jmp_buf jump_;                                   \
    jmp_buf *previous_jump_ = current_jump;          \
    if (setjmp(jump_) != 0) {                        \
        current_jump = previous_jump_;               \
        guard_failed();                              \
        return FPG_GLPK_ERROR;                       \
    }                                                \
    current_jump = &jump_;                           \
    output_length = 0;                               \
    glp_term_hook(term_hook, NULL);                  \
    glp_error_hook(error_hook, NULL)

// A nested guarded call (which the header forbids from callbacks) leaves the outer guard's
// hook in place rather than none.
#define GUARD_END                                    \
    current_jump = previous_jump_;                   \
    if (current_jump == NULL) glp_error_hook(NULL, NULL)

static void guard_failed(void) {
    // The manual: after a longjmp out of the error hook the environment must be freed.
    glp_free_env();
    generation += 1;
}

void fpg_release_environment(void) {
    // Frees every problem of this thread too: they become dead (a new generation).
    glp_free_env();
    generation += 1;
}

// MARK: - Problems

int fpg_create_problem(fpg_problem **problem) {
    GUARD_BEGIN;
    *problem = glp_create_prob();
    GUARD_END;
    return FPG_OK;
}

int fpg_delete_problem(fpg_problem *problem) {
    GUARD_BEGIN;
    glp_delete_prob(problem);
    GUARD_END;
    return FPG_OK;
}

static int bound_type(double lower, double upper) {
    int has_lower = isfinite(lower), has_upper = isfinite(upper);
    if (has_lower && has_upper) return lower == upper ? GLP_FX : GLP_DB;
    if (has_lower) return GLP_LO;
    if (has_upper) return GLP_UP;
    return GLP_FR;
}

static double finite_or_zero(double value) { return isfinite(value) ? value : 0.0; }

int fpg_load_problem(fpg_problem *problem, const fpg_problem_data *data) {
    int nonzeros = data->rows > 0 ? data->row_start[data->rows] : 0;
    int *ia = malloc(sizeof(int) * ((size_t)nonzeros + 1));
    int *ja = malloc(sizeof(int) * ((size_t)nonzeros + 1));
    double *ar = malloc(sizeof(double) * ((size_t)nonzeros + 1));
    if (ia == NULL || ja == NULL || ar == NULL) {
        free(ia); free(ja); free(ar);
        return FPG_OUT_OF_MEMORY;
    }
    for (int i = 0; i < data->rows; i++) {
        for (int k = data->row_start[i]; k < data->row_start[i + 1]; k++) {
            ia[k + 1] = i + 1;
            ja[k + 1] = data->entry_column[k] + 1;
            ar[k + 1] = data->entry_value[k];
        }
    }
    jmp_buf jump_;
    jmp_buf *previous_jump_ = current_jump;
    if (setjmp(jump_) != 0) {
        current_jump = previous_jump_;
        guard_failed();
        free(ia); free(ja); free(ar);
        return FPG_GLPK_ERROR;
    }
    current_jump = &jump_;
    output_length = 0;
    glp_term_hook(term_hook, NULL);
    glp_error_hook(error_hook, NULL);

    if (data->problem_name != NULL && data->problem_name[0] != '\0')
        glp_set_prob_name(problem, data->problem_name);
    glp_set_obj_dir(problem, data->maximize ? GLP_MAX : GLP_MIN);
    glp_set_obj_coef(problem, 0, data->objective_constant);
    if (data->rows > 0) glp_add_rows(problem, data->rows);
    if (data->columns > 0) glp_add_cols(problem, data->columns);
    const char *name = data->column_names;
    for (int j = 0; j < data->columns; j++) {
        double lower = data->column_lower[j], upper = data->column_upper[j];
        if (data->column_kind[j] == FPG_INTEGER) glp_set_col_kind(problem, j + 1, GLP_IV);
        glp_set_col_bnds(problem, j + 1, bound_type(lower, upper), finite_or_zero(lower),
                         finite_or_zero(upper));
        if (data->objective[j] != 0.0) glp_set_obj_coef(problem, j + 1, data->objective[j]);
        if (name != NULL) {
            if (name[0] != '\0') glp_set_col_name(problem, j + 1, name);
            name += strlen(name) + 1;
        }
    }
    name = data->row_names;
    for (int i = 0; i < data->rows; i++) {
        double lower = data->row_lower[i], upper = data->row_upper[i];
        glp_set_row_bnds(problem, i + 1, bound_type(lower, upper), finite_or_zero(lower),
                         finite_or_zero(upper));
        if (name != NULL) {
            if (name[0] != '\0') glp_set_row_name(problem, i + 1, name);
            name += strlen(name) + 1;
        }
    }
    if (nonzeros > 0) glp_load_matrix(problem, nonzeros, ia, ja, ar);
    GUARD_END;
    free(ia); free(ja); free(ar);
    return FPG_OK;
}

// MARK: - LP

int fpg_solve_lp(fpg_problem *problem, const fpg_lp_parameters *parameters, int *glpk_return) {
    GUARD_BEGIN;
    if (parameters->method == FPG_INTERIOR) {
        glp_iptcp control;
        glp_init_iptcp(&control);
        control.msg_lev = parameters->message_level;
        *glpk_return = glp_interior(problem, &control);
    } else {
        glp_smcp control;
        glp_init_smcp(&control);
        control.msg_lev = parameters->message_level;
        control.meth = parameters->method;
        control.presolve = parameters->presolve ? GLP_ON : GLP_OFF;
        if (parameters->time_limit > 0) {
            double ms = ceil(parameters->time_limit * 1000.0);
            control.tm_lim = ms < INT_MAX ? (int)ms : INT_MAX;
        }
        if (parameters->iteration_limit > 0) control.it_lim = parameters->iteration_limit;
        *glpk_return = glp_simplex(problem, &control);
    }
    GUARD_END;
    return FPG_OK;
}

int fpg_set_basis(fpg_problem *problem, const int *row_status, const int *column_status) {
    GUARD_BEGIN;
    int rows = glp_get_num_rows(problem), columns = glp_get_num_cols(problem);
    for (int i = 0; i < rows; i++) glp_set_row_stat(problem, i + 1, row_status[i]);
    for (int j = 0; j < columns; j++) glp_set_col_stat(problem, j + 1, column_status[j]);
    GUARD_END;
    return FPG_OK;
}

int fpg_standard_basis(fpg_problem *problem) {
    GUARD_BEGIN;
    glp_std_basis(problem);
    GUARD_END;
    return FPG_OK;
}

int fpg_read_basis(fpg_problem *problem, int *row_status, int *column_status) {
    GUARD_BEGIN;
    int rows = glp_get_num_rows(problem), columns = glp_get_num_cols(problem);
    for (int i = 0; i < rows; i++) row_status[i] = glp_get_row_stat(problem, i + 1);
    for (int j = 0; j < columns; j++) column_status[j] = glp_get_col_stat(problem, j + 1);
    GUARD_END;
    return FPG_OK;
}

// MARK: - MIP

double fpg_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
}

int fpg_flag_get(const int *flag) { return __atomic_load_n(flag, __ATOMIC_ACQUIRE); }

void fpg_flag_set(int *flag, int value) { __atomic_store_n(flag, value, __ATOMIC_RELEASE); }

typedef struct {
    const fpg_mip_parameters *parameters;
    fpg_mip_outcome *outcome;
    double *warm_start;         // 1-based copy, or NULL
    int warm_start_tried;
    double last_bound_read;
} mip_state;

// glp_ios_best_node scans the active nodes: called at most every bound_interval seconds,
// when the incumbent changes and when the search stops.
static void read_bound(glp_tree *tree, mip_state *state) {
    int best = glp_ios_best_node(tree);
    if (best == 0) return;
    double bound = glp_ios_node_bound(tree, best);
    if (fabs(bound) < 0.5 * DBL_MAX) {
        state->outcome->last.has_bound = 1;
        state->outcome->last.bound = bound;
    }
}

static void stop_search(glp_tree *tree, mip_state *state, int reason) {
    read_bound(tree, state);
    state->outcome->stop_reason = reason;
    glp_ios_terminate(tree);
}

static void mip_callback(glp_tree *tree, void *info) {
    mip_state *state = info;
    const fpg_mip_parameters *parameters = state->parameters;
    fpg_mip_progress *last = &state->outcome->last;
    if (state->outcome->stop_reason != FPG_STOP_NONE) return;
    double now = fpg_now();
    last->seconds = now - parameters->start_time;

    int active = 0, current = 0, total = 0;
    glp_ios_tree_size(tree, &active, &current, &total);
    last->nodes = total;
    last->active_nodes = active;
    glp_prob *problem = glp_ios_get_prob(tree);
    last->iterations = glp_get_it_cnt(problem);

    if (parameters->cancel_flag != NULL && fpg_flag_get(parameters->cancel_flag)) {
        stop_search(tree, state, FPG_STOP_INTERRUPTED);
        return;
    }
    if (parameters->time_limit > 0 && last->seconds >= parameters->time_limit) {
        stop_search(tree, state, FPG_STOP_TIME_LIMIT);
        return;
    }
    if (parameters->node_limit > 0 && total > parameters->node_limit) {
        stop_search(tree, state, FPG_STOP_NODE_LIMIT);
        return;
    }
    if (glp_ios_reason(tree) == GLP_IHEUR && state->warm_start != NULL &&
        !state->warm_start_tried) {
        state->warm_start_tried = 1;
        state->outcome->warm_start_accepted = glp_ios_heur_sol(tree, state->warm_start) == 0;
    }

    int changed = 0;
    // Incumbents found by GLPK's own heuristics raise no GLP_IBINGO: poll the objective.
    if (glp_mip_status(problem) == GLP_FEAS) {
        double incumbent = glp_mip_obj_val(problem);
        if (!last->has_incumbent || incumbent != last->incumbent) {
            last->has_incumbent = 1;
            last->incumbent = incumbent;
            changed = 1;
        }
    }
    if (changed || now - state->last_bound_read >= parameters->bound_interval) {
        int had_bound = last->has_bound;
        double old_bound = last->bound;
        read_bound(tree, state);
        state->last_bound_read = now;
        if (last->has_bound && (!had_bound || last->bound != old_bound)) changed = 1;
    }
    if (changed && parameters->progress != NULL) parameters->progress(parameters->context, last);
}

int fpg_solve_mip(fpg_problem *problem, const fpg_mip_parameters *parameters,
                  fpg_mip_outcome *outcome) {
    memset(outcome, 0, sizeof *outcome);
    mip_state state = {parameters, outcome, NULL, 0, -INFINITY};
    if (parameters->warm_start != NULL) {
        int columns = glp_get_num_cols(problem);
        state.warm_start = malloc(sizeof(double) * ((size_t)columns + 1));
        if (state.warm_start == NULL) return FPG_OUT_OF_MEMORY;
        state.warm_start[0] = 0;
        memcpy(state.warm_start + 1, parameters->warm_start, sizeof(double) * (size_t)columns);
    }
    jmp_buf jump_;
    jmp_buf *previous_jump_ = current_jump;
    if (setjmp(jump_) != 0) {
        current_jump = previous_jump_;
        guard_failed();
        free(state.warm_start);
        return FPG_GLPK_ERROR;
    }
    current_jump = &jump_;
    output_length = 0;
    glp_term_hook(term_hook, NULL);
    glp_error_hook(error_hook, NULL);

    glp_iocp control;
    glp_init_iocp(&control);
    control.msg_lev = parameters->message_level;
    control.presolve = parameters->presolve ? GLP_ON : GLP_OFF;
    control.mip_gap = parameters->relative_gap;
    control.gmi_cuts = parameters->gomory_cuts ? GLP_ON : GLP_OFF;
    control.mir_cuts = parameters->mir_cuts ? GLP_ON : GLP_OFF;
    control.cov_cuts = parameters->cover_cuts ? GLP_ON : GLP_OFF;
    control.clq_cuts = parameters->clique_cuts ? GLP_ON : GLP_OFF;
    control.fp_heur = parameters->feasibility_pump ? GLP_ON : GLP_OFF;
    control.ps_heur = parameters->proximity_search ? GLP_ON : GLP_OFF;
    if (parameters->proximity_time_limit > 0) {
        double ms = ceil(parameters->proximity_time_limit * 1000.0);
        control.ps_tm_lim = ms < INT_MAX ? (int)ms : INT_MAX;
    }
    control.br_tech = parameters->branching;
    control.bt_tech = parameters->backtracking;
    if (parameters->time_limit > 0) {
        // The callback stops the search at the limit (reading a fresh bound); GLPK's own limit,
        // half a second later, is the backstop for stretches without callbacks.
        double remaining = parameters->time_limit - (fpg_now() - parameters->start_time);
        double ms = ceil(fmax(remaining, 0.0) * 1000.0) + 500.0;
        control.tm_lim = ms < INT_MAX ? (int)ms : INT_MAX;
    }
    control.cb_func = mip_callback;
    control.cb_info = &state;
    outcome->glpk_return = glp_intopt(problem, &control);
    GUARD_END;
    free(state.warm_start);
    return FPG_OK;
}

// MARK: - Solutions

int fpg_read_solution(fpg_problem *problem, int kind, fpg_solution_summary *summary,
                      double *column_values, double *column_duals,
                      double *row_values, double *row_duals) {
    GUARD_BEGIN;
    int rows = glp_get_num_rows(problem), columns = glp_get_num_cols(problem);
    summary->iterations = glp_get_it_cnt(problem);
    summary->primal_status = 0;
    summary->dual_status = 0;
    switch (kind) {
    case FPG_SOLUTION_INTERIOR:
        summary->status = glp_ipt_status(problem);
        summary->objective = glp_ipt_obj_val(problem);
        for (int j = 0; j < columns; j++) {
            if (column_values) column_values[j] = glp_ipt_col_prim(problem, j + 1);
            if (column_duals) column_duals[j] = glp_ipt_col_dual(problem, j + 1);
        }
        for (int i = 0; i < rows; i++) {
            if (row_values) row_values[i] = glp_ipt_row_prim(problem, i + 1);
            if (row_duals) row_duals[i] = glp_ipt_row_dual(problem, i + 1);
        }
        break;
    case FPG_SOLUTION_MIP:
        summary->status = glp_mip_status(problem);
        summary->objective = glp_mip_obj_val(problem);
        for (int j = 0; j < columns; j++) {
            if (column_values) column_values[j] = glp_mip_col_val(problem, j + 1);
        }
        for (int i = 0; i < rows; i++) {
            if (row_values) row_values[i] = glp_mip_row_val(problem, i + 1);
        }
        break;
    default:
        summary->status = glp_get_status(problem);
        summary->primal_status = glp_get_prim_stat(problem);
        summary->dual_status = glp_get_dual_stat(problem);
        summary->objective = glp_get_obj_val(problem);
        for (int j = 0; j < columns; j++) {
            if (column_values) column_values[j] = glp_get_col_prim(problem, j + 1);
            if (column_duals) column_duals[j] = glp_get_col_dual(problem, j + 1);
        }
        for (int i = 0; i < rows; i++) {
            if (row_values) row_values[i] = glp_get_row_prim(problem, i + 1);
            if (row_duals) row_duals[i] = glp_get_row_dual(problem, i + 1);
        }
        break;
    }
    GUARD_END;
    return FPG_OK;
}

// MARK: - Changes in place

int fpg_set_column_bounds(fpg_problem *problem, int column, double lower, double upper) {
    GUARD_BEGIN;
    glp_set_col_bnds(problem, column + 1, bound_type(lower, upper), finite_or_zero(lower),
                     finite_or_zero(upper));
    GUARD_END;
    return FPG_OK;
}

int fpg_set_row_bounds(fpg_problem *problem, int row, double lower, double upper) {
    GUARD_BEGIN;
    glp_set_row_bnds(problem, row + 1, bound_type(lower, upper), finite_or_zero(lower),
                     finite_or_zero(upper));
    GUARD_END;
    return FPG_OK;
}

int fpg_set_objective_coefficient(fpg_problem *problem, int column, double value) {
    GUARD_BEGIN;
    glp_set_obj_coef(problem, column + 1, value);
    GUARD_END;
    return FPG_OK;
}

int fpg_set_objective_constant(fpg_problem *problem, double value) {
    GUARD_BEGIN;
    glp_set_obj_coef(problem, 0, value);
    GUARD_END;
    return FPG_OK;
}

int fpg_set_maximize(fpg_problem *problem, int maximize) {
    GUARD_BEGIN;
    glp_set_obj_dir(problem, maximize ? GLP_MAX : GLP_MIN);
    GUARD_END;
    return FPG_OK;
}

// MARK: - Files

int fpg_write_lp(fpg_problem *problem, const char *path, int *glpk_return) {
    GUARD_BEGIN;
    *glpk_return = glp_write_lp(problem, NULL, path);
    GUARD_END;
    return FPG_OK;
}

int fpg_write_mps(fpg_problem *problem, const char *path, int *glpk_return) {
    GUARD_BEGIN;
    *glpk_return = glp_write_mps(problem, GLP_MPS_FILE, NULL, path);
    GUARD_END;
    return FPG_OK;
}

int fpg_read_lp(fpg_problem *problem, const char *path, int *glpk_return) {
    GUARD_BEGIN;
    *glpk_return = glp_read_lp(problem, NULL, path);
    GUARD_END;
    return FPG_OK;
}

int fpg_read_mps(fpg_problem *problem, const char *path, int *glpk_return) {
    GUARD_BEGIN;
    *glpk_return = glp_read_mps(problem, GLP_MPS_FILE, NULL, path);
    GUARD_END;
    return FPG_OK;
}

int fpg_problem_size(fpg_problem *problem, int *rows, int *columns, int *nonzeros) {
    GUARD_BEGIN;
    *rows = glp_get_num_rows(problem);
    *columns = glp_get_num_cols(problem);
    *nonzeros = glp_get_num_nz(problem);
    GUARD_END;
    return FPG_OK;
}

static double lower_of(int type, double value) {
    return (type == GLP_LO || type == GLP_DB || type == GLP_FX) ? value : -HUGE_VAL;
}

static double upper_of(int type, double value) {
    return (type == GLP_UP || type == GLP_DB || type == GLP_FX) ? value : HUGE_VAL;
}

int fpg_extract_problem(fpg_problem *problem, fpg_problem_extract *out) {
    int columns = glp_get_num_cols(problem);
    int *index = malloc(sizeof(int) * ((size_t)columns + 1));
    double *value = malloc(sizeof(double) * ((size_t)columns + 1));
    if (index == NULL || value == NULL) {
        free(index); free(value);
        return FPG_OUT_OF_MEMORY;
    }
    jmp_buf jump_;
    jmp_buf *previous_jump_ = current_jump;
    if (setjmp(jump_) != 0) {
        current_jump = previous_jump_;
        guard_failed();
        free(index); free(value);
        return FPG_GLPK_ERROR;
    }
    current_jump = &jump_;
    output_length = 0;
    glp_term_hook(term_hook, NULL);
    glp_error_hook(error_hook, NULL);

    int rows = glp_get_num_rows(problem);
    out->maximize = glp_get_obj_dir(problem) == GLP_MAX;
    out->objective_constant = glp_get_obj_coef(problem, 0);
    for (int j = 0; j < columns; j++) {
        int type = glp_get_col_type(problem, j + 1);
        out->objective[j] = glp_get_obj_coef(problem, j + 1);
        out->column_lower[j] = lower_of(type, glp_get_col_lb(problem, j + 1));
        out->column_upper[j] = upper_of(type, glp_get_col_ub(problem, j + 1));
        out->column_kind[j] = glp_get_col_kind(problem, j + 1) == GLP_CV ? FPG_CONTINUOUS
                                                                          : FPG_INTEGER;
    }
    int position = 0;
    for (int i = 0; i < rows; i++) {
        int type = glp_get_row_type(problem, i + 1);
        out->row_lower[i] = lower_of(type, glp_get_row_lb(problem, i + 1));
        out->row_upper[i] = upper_of(type, glp_get_row_ub(problem, i + 1));
        out->row_start[i] = position;
        int length = glp_get_mat_row(problem, i + 1, index, value);
        for (int k = 1; k <= length; k++) {
            out->entry_column[position] = index[k] - 1;
            out->entry_value[position] = value[k];
            position += 1;
        }
    }
    out->row_start[rows] = position;
    GUARD_END;
    free(index); free(value);
    return FPG_OK;
}

const char *fpg_row_name(fpg_problem *problem, int row) {
    return glp_get_row_name(problem, row + 1);
}

const char *fpg_column_name(fpg_problem *problem, int column) {
    return glp_get_col_name(problem, column + 1);
}

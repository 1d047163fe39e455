"""The scheduler's MILP, solved by HiGHS (highspy): variables, rows, warm start.

`model` is the scheduler's `_Model`: requests with their candidate slot indices,
what is left of each person's cap and each slot's tables once kept meetings are
placed. One binary x[r,s] per request and candidate slot; every row is a ≤ over
ones (see the scheduler's docstring for the model and the solver comparison).
"""

from collections import defaultdict

import highspy
import numpy as np


def _constraint_groups(model, var_of: dict[tuple[int, int], int]):
    """Yield (variable indices, right-hand side) for every ≤ constraint."""
    per_req = defaultdict(list)
    per_person_slot = defaultdict(list)
    per_person = defaultdict(list)
    per_slot = defaultdict(list)
    for (i, k), v in var_of.items():
        r = model.requests[i]
        per_req[i].append(v)
        per_slot[k].append(v)
        for p in (r.a, r.b):
            per_person_slot[(p, k)].append(v)
            per_person[p].append(v)
    for vs in per_req.values():
        if len(vs) > 1:
            yield vs, 1
    for vs in per_person_slot.values():
        if len(vs) > 1:
            yield vs, 1
    for p, vs in per_person.items():
        if len(vs) > model.cap_left[p]:
            yield vs, model.cap_left[p]
    for k, vs in per_slot.items():
        if len(vs) > model.table_left[k]:
            yield vs, model.table_left[k]


def _variables(model) -> dict[tuple[int, int], int]:
    var_of = {}
    for i, cands in enumerate(model.candidates):
        for k in cands:
            var_of[(i, k)] = len(var_of)
    return var_of


def solve_highs(model, start, time_limit: float, seed: int):
    """Solve the model's MILP with `start` (the greedy choice) as MIP start. Returns
    (chosen (request, slot) pairs, proven bound or None, proven optimal?) or None when
    HiGHS found no feasible solution."""

    var_of = _variables(model)
    n = len(var_of)
    keys = list(var_of)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", max(0.05, float(time_limit)))
    h.setOptionValue("threads", 1)
    h.setOptionValue("random_seed", seed)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.99)  # integer weights: a gap < 1 proves optimality
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.col_cost_ = np.array([-float(model.requests[i].weight) for i, _ in keys])
    lp.col_lower_ = np.zeros(n)
    lp.col_upper_ = np.ones(n)
    starts, index, rhs = [0], [], []
    for vs, b in _constraint_groups(model, var_of):
        index.extend(vs)
        starts.append(len(index))
        rhs.append(float(b))
    lp.num_row_ = len(rhs)
    lp.row_lower_ = np.full(len(rhs), -highspy.kHighsInf)
    lp.row_upper_ = np.array(rhs)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.ones(len(index))
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    h.passModel(lp)
    sol = highspy.HighsSolution()
    started = set(start)
    sol.col_value = [1.0 if key in started else 0.0 for key in keys]
    sol.value_valid = True
    h.setSolution(sol)
    h.run()
    status = h.getModelStatus()
    if h.getInfo().primal_solution_status < 2:  # no feasible solution
        return None
    values = h.getSolution().col_value
    chosen = [key for key, v in zip(keys, values, strict=False) if v > 0.5]
    bound = h.getInfo().mip_dual_bound
    bound = int(-bound + 1e-6) if bound == bound and abs(bound) < 1e18 else None
    return chosen, bound, status == highspy.HighsModelStatus.kOptimal

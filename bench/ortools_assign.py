#!/usr/bin/env python3
"""Solve the min-cost flow networks written by `plenary bench assign --export DIR` with
Google OR-Tools' SimpleMinCostFlow and compare each optimum with the objective Plenary's own
solver wrote into the file (`c objective N`).

Usage: ortools_assign.py FILE.min [FILE.min ...]   (bench/ortools-compare runs it)

The files are DIMACS min-cost-flow: `p min NODES ARCS`, `n NODE SUPPLY`, then
`a TAIL HEAD LOW CAP COST` (nodes numbered from 1). Exit status 1 if any objective differs.
"""

import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def read(path):
    """Header facts and the arcs as numpy arrays (tail, head, capacity, cost)."""
    objective = None
    nodes = arcs = None
    supplies = []
    model = "?"
    with open(path, "rb") as handle:
        for raw in handle:
            line = raw.decode().split()
            if not line:
                continue
            if line[0] == "c" and line[1:2] == ["objective"]:
                objective = int(line[2])
            elif line[0] == "c" and line[1:2] == ["model"]:
                model = " ".join(line[2:])
            elif line[0] == "p":
                nodes, arcs = int(line[2]), int(line[3])
            elif line[0] == "n":
                supplies.append((int(line[1]) - 1, int(line[2])))
            elif line[0] == "a":
                break
    table = np.loadtxt(
        path,
        dtype=np.int64,
        comments=("c", "p", "n"),
        usecols=(1, 2, 4, 5),
        ndmin=2,
    )
    if table.shape[0] != arcs:
        raise SystemExit(f"{path}: expected {arcs} arcs, read {table.shape[0]}")
    return objective, nodes, supplies, model, table


def main(paths):
    if not paths:
        raise SystemExit(__doc__)
    print(
        f"{'network':<22} {'model':<30} {'nodes':>8} {'arcs':>10} {'plenary':>10} "
        f"{'or-tools':>10} {'solve ms':>9} {'match':>6}"
    )
    all_match = True
    for path in paths:
        objective, nodes, supplies, model, table = read(path)
        flow = min_cost_flow.SimpleMinCostFlow()
        flow.add_arcs_with_capacity_and_unit_cost(
            table[:, 0] - 1, table[:, 1] - 1, table[:, 2], table[:, 3]
        )
        flow.set_nodes_supplies(
            np.array([node for node, _ in supplies], dtype=np.int64),
            np.array([supply for _, supply in supplies], dtype=np.int64),
        )
        started = time.perf_counter()
        status = flow.solve()
        elapsed = (time.perf_counter() - started) * 1000.0
        if status != flow.OPTIMAL:
            print(f"{path}: OR-Tools status {status}, not optimal")
            all_match = False
            continue
        ortools = flow.optimal_cost()
        match = ortools == objective
        all_match &= match
        name = path.rsplit("/", 1)[-1]
        print(
            f"{name:<22} {model:<30} {nodes:>8} {table.shape[0]:>10} {objective:>10} "
            f"{ortools:>10} {elapsed:>9.1f} {'yes' if match else 'NO':>6}"
        )
    print(
        "summary: "
        + ("every objective matches OR-Tools" if all_match else "objectives DIFFER")
    )
    return 0 if all_match else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

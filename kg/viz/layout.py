"""Precomputed positions for big pages, so the browser does not have to untangle them.

Each Louvain community is laid out on its own (spring layout, dense numpy —
communities are small), then the communities are placed on a sunflower spiral,
largest in the middle. The browser then only polishes (mid-size pages) or just
draws (large pages), so thousands of nodes open in seconds.
"""
from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

SPACING = 70.0  # roughly the distance between neighbouring nodes, in vis-network units
DENSE_MAX = 450  # networkx's spring layout needs scipy from 500 nodes on; we stay below


def _community_positions(U: nx.Graph, members: list[str], seed: int) -> dict[str, tuple[float, float]]:
    if len(members) == 1:
        return {members[0]: (0.0, 0.0)}
    H = U.subgraph(members)
    if len(members) <= DENSE_MAX:
        pos = nx.spring_layout(H, seed=seed, iterations=60)
    else:  # too big for the dense layout: a seeded disc, the browser still shows it
        pos = nx.random_layout(H, seed=seed, center=(0, 0))
        pos = {n: (2 * x, 2 * y) for n, (x, y) in pos.items()}
    radius = SPACING * math.sqrt(len(members)) / 2
    return {n: (float(x) * radius, float(y) * radius) for n, (x, y) in pos.items()}


def community_layout(G: nx.MultiDiGraph, nodes: list[str], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes`` (a subset of ``G``), grouped by their ``community`` attribute."""
    U = nx.Graph(G.subgraph(nodes).to_undirected(as_view=True))
    groups: dict[int, list[str]] = defaultdict(list)
    for n in sorted(nodes):
        groups[G.nodes[n].get("community", 0)].append(n)
    ordered = sorted(groups.values(), key=lambda m: (-len(m), m[0]))
    pos: dict[str, tuple[float, float]] = {}
    area = 0.0
    golden = math.pi * (3 - math.sqrt(5))
    for i, members in enumerate(ordered):
        r_own = SPACING * math.sqrt(len(members)) / 2 + SPACING
        # sunflower spiral: the distance from the centre grows with the area already used
        dist = math.sqrt(area) * 1.15 + (r_own if i else 0)
        cx, cy = dist * math.cos(i * golden), dist * math.sin(i * golden)
        area += (2 * r_own) ** 2
        for n, (x, y) in _community_positions(U, members, seed).items():
            pos[n] = (round(cx + x, 1), round(cy + y, 1))
    return pos

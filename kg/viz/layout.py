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


def _disc(members: list[str]) -> dict[str, tuple[float, float]]:
    """A sunflower disc of unit radius: even spacing without a layout algorithm."""
    golden = math.pi * (3 - math.sqrt(5))
    n = len(members)
    return {m: (math.sqrt((i + 0.5) / n) * math.cos(i * golden), math.sqrt((i + 0.5) / n) * math.sin(i * golden))
            for i, m in enumerate(members)}


def _positions(U: nx.Graph, members: list[str], seed: int, depth: int = 0) -> dict[str, tuple[float, float]]:
    """Positions of one group, centred on 0: a spring layout when small enough,
    else its own sub-communities packed the same way (networkx's spring layout
    would need scipy), else an even disc."""
    if len(members) == 1:
        return {members[0]: (0.0, 0.0)}
    H = U.subgraph(members)
    radius = SPACING * math.sqrt(len(members)) / 2
    if len(members) <= DENSE_MAX:
        pos = nx.spring_layout(H, seed=seed, iterations=60)
        return {n: (float(x) * radius, float(y) * radius) for n, (x, y) in pos.items()}
    if depth < 3:
        parts = nx.community.louvain_communities(H, seed=seed, resolution=2.0)
        if len(parts) > 1:
            return _pack(U, [sorted(p) for p in parts], seed, depth + 1)
    return {n: (x * radius, y * radius) for n, (x, y) in _disc(sorted(members)).items()}


def _pack(U: nx.Graph, groups: list[list[str]], seed: int, depth: int = 0) -> dict[str, tuple[float, float]]:
    """Lay out each group and place the groups on a sunflower spiral, largest first."""
    ordered = sorted(groups, key=lambda m: (-len(m), m[0]))
    pos: dict[str, tuple[float, float]] = {}
    area = 0.0
    golden = math.pi * (3 - math.sqrt(5))
    for i, members in enumerate(ordered):
        r_own = SPACING * math.sqrt(len(members)) / 2 + SPACING
        # the distance from the centre grows with the area already used
        dist = math.sqrt(area) * 1.15 + (r_own if i else 0)
        cx, cy = dist * math.cos(i * golden), dist * math.sin(i * golden)
        area += (2 * r_own) ** 2
        for n, (x, y) in _positions(U, members, seed, depth).items():
            pos[n] = (cx + x, cy + y)
    return pos


def community_layout(G: nx.MultiDiGraph, nodes: list[str], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes`` (a subset of ``G``), grouped by their ``community`` attribute."""
    U = nx.Graph(G.subgraph(nodes).to_undirected(as_view=True))
    groups: dict[int, list[str]] = defaultdict(list)
    for n in sorted(nodes):
        groups[G.nodes[n].get("community", 0)].append(n)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in _pack(U, list(groups.values()), seed).items()}

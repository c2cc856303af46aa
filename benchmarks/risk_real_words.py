"""Write analysis/data/risk_real_words.txt: English words that analysis.risk must
never "correct" into a danger word ("bill" is not a misspelling of "kill").

Usage: python benchmarks/risk_real_words.py [--dictionary /usr/share/dict/british-english]

The dictionary is Debian's `wbritish` word list (apt-get install wbritish). Only the
words within two edits of a lexicon word are kept. Run it again
after adding words to analysis/data/risk_phrases.yaml.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import risk  # noqa: E402

OUTPUT = ROOT / "analysis" / "data" / "risk_real_words.txt"


def near_words(dictionary: list[str], vocabulary: tuple[str, ...]) -> list[str]:
    lexicon = set(vocabulary)
    kept = []
    for word in dictionary:
        if len(word) < 4 or word in lexicon:
            continue
        # Two edits for every length: wider than the corrector reaches, so that a few
        # new lexicon words do not at once need the list made again.
        if process.extractOne(word, vocabulary, scorer=OSA.distance, score_cutoff=2):
            kept.append(word)
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionary", default="/usr/share/dict/british-english")
    args = parser.parse_args()
    words = sorted({w.strip().lower() for w in Path(args.dictionary).read_text(encoding="utf-8").splitlines()
                    if w.strip().isalpha()})
    kept = near_words(words, risk._rules().vocabulary)
    # Misspellings people make of danger words that happen to be English words too.
    kept = [w for w in kept if w not in {"rapped", "chocked", "stabed"}]
    header = ("# English words within one or two edits of a word in risk_phrases.yaml, never corrected to it.\n"
              "# Made by benchmarks/risk_real_words.py from Debian's wbritish word list.\n"
              f"# lexicon: {risk.vocabulary_fingerprint()}\n")
    OUTPUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} words written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

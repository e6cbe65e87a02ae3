"""Join the batch gold files (tests/extract/real/gold/*.json) into tests/extract/real/gold.json,
the one file ../shared/eval/score.py reads:

    python tests/extract/real/make_gold.py
    python ../shared/eval/score.py tests/extract/real/gold.json --docs tests/extract/real --cmd "tracker extract" --meta

Each batch file is {"docs": [...]} in the format of ../shared/eval/gold_seeds.json, every document
entry with a "source" ({"repo", "path", "commit", "chars": [start, end]}) telling where its text was
taken from, character for character, and a "first_reading" (the scores before any rule was written
for it). Batches are annotated by different people at different times, so each keeps its own file.
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent


def joined() -> dict:
    docs = []
    for batch in sorted((HERE / "gold").glob("*.json")):
        for doc in json.loads(batch.read_text(encoding="utf-8"))["docs"]:
            docs.append({**doc, "batch": batch.stem})
    return {"meta": {"description": "Real passages of Chinese government texts, annotated as "
                                    "../shared/eval/gold_seeds.json is; built from gold/*.json by make_gold.py."},
            "docs": docs}


def main() -> None:
    (HERE / "gold.json").write_text(json.dumps(joined(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

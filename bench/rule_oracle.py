"""How much could guards on the rules save at most? An oracle over the real passages.

    python bench/rule_oracle.py --rounds 4

The extractor's decisions ask ordered lists of rules (``rules.decide``); most calls answer None. A guard per clause
piece (a rule asked only where the piece holds what it needs) can at best skip every call that answers None and
changes nothing. This reads the real passages once recording, for each rule call, whether it answered None and left
the context's attributes and memos as they were; then reads them again in turn asking every rule and skipping those
calls (keyed by the document, the context's kind and span, the rule and its occurrence), checks that every candidate
and declined piece is the same, and prints both times: their difference is what perfect, free guards would save.
Both readings go through the same Python ``decide`` with the same bookkeeping, so the difference is the skipped calls'
own cost.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extract as bench  # noqa: E402  (bench/extract.py: the real passages and their dates)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=4, help="readings asking every rule and skipping, in turn")
    args = ap.parse_args(argv)

    from tracker.extract import extract_document
    from tracker.extract import rules as rules_module

    passages = bench.real_passages()
    original = rules_module.decide
    mode, doc_no, seen = ["every"], [0], {}
    skippable: set[tuple] = set()
    recorded = [0]

    def state(ctx) -> tuple:
        return ({k: id(v) for k, v in vars(ctx).items()}, len(getattr(ctx, "memo", None) or ()),
                len(getattr(ctx, "para_memo", None) or ()))

    def decide(rules, ctx):
        head = (doc_no[0], type(ctx).__name__, getattr(ctx, "start", None), getattr(ctx, "end", None),
                getattr(ctx, "ci", None))
        for r in rules:
            key = head + (r.id,)
            seen[key] = n = seen.get(key, 0) + 1
            call = key + (n,)
            if mode[0] == "record":
                before = state(ctx)
                value = r.fn(ctx)
                recorded[0] += 1
                if value is None and state(ctx) == before:
                    skippable.add(call)
            elif mode[0] == "skip" and call in skippable:
                continue
            else:
                value = r.fn(ctx)
            if value is not None:
                return value, r.id
        return None, rules_module.NO_RULE

    modules = [m for name, m in list(sys.modules.items())
               if name.startswith("tracker.extract") and getattr(m, "decide", None) is original]
    for m in modules:
        m.decide = decide

    def read(how: str) -> tuple[float, list]:
        mode[0], out = how, []
        start = time.process_time()
        for n, (text, published) in enumerate(passages):
            doc_no[0] = n
            seen.clear()
            doc = extract_document(text, published=published)
            out.append(([c.to_dict() for c in doc.candidates], doc.declined))
        return time.process_time() - start, out

    read("every")  # caches filled as the timed readings find them
    _, expected = read("every")
    read("record")
    print(f"{len(passages)} real passages: {recorded[0]:,} rule calls a reading, {len(skippable):,} answered None and "
          f"changed nothing ({100 * len(skippable) / max(1, recorded[0]):.1f}%)")
    for _ in range(max(1, args.rounds)):
        every, got_every = read("every")
        skip, got_skip = read("skip")
        same = got_every == expected and got_skip == expected
        print(f"every rule asked {every:.3f} s, those calls skipped {skip:.3f} s of CPU: {every - skip:+.3f} s "
              f"({100 * (every - skip) / every:.1f}%); output {'identical' if same else 'DIFFERENT'}")
    for m in modules:
        m.decide = original
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

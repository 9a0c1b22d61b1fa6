"""The brief as a document: length against its budget, sentences that open mid-thought, questions, repeated
headings and key figures without a quantity, for every built-in template at several lengths.

    python benchmarks/brief_quality.py [--quick] [--sizes 2,10,100] [--sets N] [--json FILE]

Data: BBC News Summary articles (../shared/eval/bbc-news-summary/articles, see ../shared/eval/README.md), read
with briefgen's own ingest (``load_sources``). Sets of 2, 10 and 100 articles are picked deterministically (an
article seen before under another number is dropped): a pair from one category, and for larger sets an even mix
of the five categories spread over each category's articles; five different sets of each size (``--sets``), the
pairs one from each category. Each set is read once and every brief is built from it in this process with
``build_brief`` to a PDF, with each built-in template at words 150, 400 and 1000, sentences 8 and 25, pages 1
and 3 and the template's own length. One untimed build warms imports and fonts first; build times are context
only. ``--quick``: sets of 2 and 10, one of each, at words 400, sentences 8, 1 page and the template's own.

What is measured for every brief:

- length: words delivered against a word budget (target: within 10%), sentences against a sentence budget,
  pages of the written PDF (target: never above a page budget). A budget longer than the whole input cannot be
  met and is reported as "input shorter than budget", not as a miss;
- dangling openers: sentences that lean on what came before them (``leans_on_previous``) without the source
  sentence they lean on (the previous sentence of their section) right before them in the same part (target:
  under 2%); beside it, the share that opens with a cruder word list (a pronoun, demonstrative or connective),
  paired or not;
- questions: sentences ending with "?" before any closing quotes or brackets (target: none);
- repeated headings: section headings shown more than once in one brief, ignoring case (target: none);
- key figures carrying a quantity (``quantity_spans`` finds one; target: 90% or more).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(1, str(BENCH.parent))

from _bbc import CATEGORIES, article_paths  # noqa: E402

from briefgen.brief import Brief, PartKind  # noqa: E402
from briefgen.build import build_brief  # noqa: E402
from briefgen.compose import template_budget  # noqa: E402
from briefgen.corpus import Corpus  # noqa: E402
from briefgen.ingest import load_sources  # noqa: E402
from briefgen.summarize.api import Budget  # noqa: E402
from briefgen.summarize.standalone import leans_on_previous  # noqa: E402
from briefgen.templates.builtins import builtin_templates  # noqa: E402

try:
    from briefgen.summarize.key_figures import quantity_spans

    def has_quantity(text: str) -> bool:
        return bool(quantity_spans(text))

    QUANTITY_CHECK = "quantity_spans(text) is non-empty"
except ImportError:  # an older engine without quantity_spans
    from briefgen.summarize.key_figures import figure_strength

    def has_quantity(text: str) -> bool:
        return figure_strength(text) > 0

    QUANTITY_CHECK = "figure_strength(text) > 0 (quantity_spans is not available)"

FULL_SIZES = (2, 10, 100)
FULL_SETS = 5
"""Sets per size: the pairs then come from each of the five categories."""
QUICK_SIZES = (2, 10)
FULL_BUDGETS: tuple[Budget | None, ...] = (
    Budget(words=150),
    Budget(words=400),
    Budget(words=1000),
    Budget(sentences=8),
    Budget(sentences=25),
    Budget(pages=1),
    Budget(pages=3),
    None,
)
QUICK_BUDGETS: tuple[Budget | None, ...] = (Budget(words=400), Budget(sentences=8), Budget(pages=1), None)

WORD_TOLERANCE = 0.10
DANGLING_TARGET = 0.02
FIGURES_TARGET = 0.90
EXAMPLES = 8
"""Examples printed per missed target (the JSON file holds them all)."""

CRUDE_OPENER = re.compile(
    r"^[\"“‘'(]*(that|this|these|those|it|he|she|they|such|however|but|and|also|meanwhile)\b", re.IGNORECASE
)
_CLOSING = "\"'”’»)]"


def is_question(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSING).rstrip().endswith("?")


# --- the article sets ---------------------------------------------------------------------------------------


def unique_paths() -> dict[str, list[Path]]:
    """Each category's articles in file order, an article seen before (under another number) dropped."""
    seen: set[bytes] = set()
    out: dict[str, list[Path]] = {c: [] for c in CATEGORIES}
    for category, path in article_paths():
        key = b" ".join(path.read_bytes().split())
        if key not in seen:
            seen.add(key)
            out[category].append(path)
    return out


def article_set(pool: dict[str, list[Path]], size: int, k: int) -> list[Path]:
    """Set *k* of *size* articles: one category's consecutive articles when the set is smaller than the number of
    categories (set k takes category k), else an even mix of categories, evenly spread over each category."""
    if size < len(CATEGORIES):
        articles = pool[CATEGORIES[k % len(CATEGORIES)]]
        start = size * (k // len(CATEGORIES))
        return articles[start : start + size]
    chosen: list[Path] = []
    for n, category in enumerate(CATEGORIES):
        articles = pool[category]
        per = size // len(CATEGORIES) + (1 if n < size % len(CATEGORIES) else 0)
        stride = max(1, len(articles) // per)
        chosen.extend(articles[(k + j * stride) % len(articles)] for j in range(per))
    return chosen


def describe(paths: Sequence[Path]) -> str:
    if len(paths) <= 3:
        return ", ".join(f"{p.parent.name}/{p.name}" for p in paths)
    counts = Counter(p.parent.name for p in paths)
    return ", ".join(f"{counts[c]} {c}" for c in CATEGORIES if counts[c])


@dataclass(slots=True)
class ArticleSet:
    size: int
    index: int
    paths: list[Path]
    corpus: Corpus
    words: int
    sentences: int

    @property
    def name(self) -> str:
        return f"{self.size}#{self.index + 1}"


def load_set(pool: dict[str, list[Path]], size: int, k: int) -> ArticleSet:
    paths = article_set(pool, size, k)
    loaded = load_sources([str(p) for p in paths])
    if loaded.errors:
        raise SystemExit(f"cannot read {loaded.errors[0].path}: {loaded.errors[0].reason}")
    corpus = loaded.corpus
    words = sum(len(s.text.split()) for ref in corpus.sentence_refs() for s in [ref.sentence])
    sentences = sum(1 for _ in corpus.sentence_refs())
    return ArticleSet(size, k, paths, corpus, words, sentences)


# --- one build and what it is measured on -------------------------------------------------------------------


def budget_label(budget: Budget | None, default: Budget) -> str:
    if budget is None:
        return f"default ({budget_label(default, default)})"
    for unit in ("words", "sentences", "pages", "ratio"):
        value = getattr(budget, unit)
        if value is not None:
            return f"{value} {unit}" if unit != "pages" or value != 1 else "1 page"
    return "?"


@dataclass(slots=True)
class Example:
    set: str
    template: str
    budget: str
    text: str
    context: str = ""


@dataclass(slots=True)
class Record:
    size: int
    set: str
    template: str
    budget: str
    unit: str
    requested: int
    input_words: int
    input_sentences: int
    error: str | None = None
    seconds: float = 0.0
    words: int = 0
    sentences: int = 0
    pages: int | None = None
    dangling: int = 0
    crude: int = 0
    questions: int = 0
    repeated_headings: int = 0
    figures: int = 0
    figures_with_quantity: int = 0
    examples: dict[str, list[Example]] = field(default_factory=dict)

    @property
    def input_shorter(self) -> bool:
        """The budget asks for more than the whole input holds (it cannot be met)."""
        if self.unit == "words":
            return self.input_words < self.requested
        if self.unit == "sentences":
            return self.input_sentences < self.requested
        return False

    @property
    def ratio(self) -> float | None:
        return self.words / self.requested if self.unit == "words" and not self.error else None

    def note(self, kind: str, example: Example) -> None:
        self.examples.setdefault(kind, []).append(example)


def measure(brief: Brief, corpus: Corpus, record: Record) -> None:
    where = (record.set, record.template, record.budget)
    record.words = brief.word_count()
    record.sentences = len(brief.sentences())
    for part in brief.parts:
        for i, s in enumerate(part.sentences):
            if CRUDE_OPENER.match(s.text):
                record.crude += 1
            if is_question(s.text):
                record.questions += 1
                record.note("questions", Example(*where, s.text, f"part: {part.heading}"))
            if leans_on_previous(s.text) and not _paired(corpus, part.sentences[i - 1].id if i else None, s.id):
                record.dangling += 1
                before = part.sentences[i - 1].text if i else "(first in its part)"
                record.note("dangling", Example(*where, s.text, f"part: {part.heading}; after: {before}"))
        if part.kind == PartKind.KEY_FIGURES:
            for s in part.sentences:
                record.figures += 1
                if has_quantity(s.text):
                    record.figures_with_quantity += 1
                else:
                    record.note("figures", Example(*where, s.text))
    headings = Counter(p.heading.strip().casefold() for p in brief.parts if p.kind == PartKind.SECTION)
    for heading, count in headings.items():
        if count > 1:
            record.repeated_headings += count - 1
            record.note("headings", Example(*where, heading, f"{count} times"))


def _paired(corpus: Corpus, before_id: str | None, sentence_id: str) -> bool:
    """Whether *before_id* is the sentence right before *sentence_id* in its source section."""
    if before_id is None:
        return False
    try:
        ref = corpus.sentence(sentence_id)
    except KeyError:
        return False
    ids = [s.id for s in ref.section.sentences]
    k = ids.index(ref.sentence.id)
    return k > 0 and ids[k - 1] == before_id


def build_one(
    article_set: ArticleSet, template: str, budget: Budget | None, default: Budget, out: Path
) -> tuple[Record, Brief | None]:
    wanted = budget if budget is not None else default
    unit = next(u for u in ("words", "sentences", "pages", "ratio") if getattr(wanted, u) is not None)
    record = Record(
        size=article_set.size,
        set=article_set.name,
        template=template,
        budget=budget_label(budget, default),
        unit=unit,
        requested=int(getattr(wanted, unit)),
        input_words=article_set.words,
        input_sentences=article_set.sentences,
    )
    start = time.perf_counter()
    try:
        result = build_brief(article_set.corpus, template, output=out, budget=budget)
    except Exception as exc:  # the engine changes under us: note the failure and carry on
        record.seconds = time.perf_counter() - start
        record.error = f"{type(exc).__name__}: {exc}"
        return record, None
    record.seconds = time.perf_counter() - start
    record.pages = result.pages
    measure(result.brief, article_set.corpus, record)
    return record, result.brief


# --- tables -------------------------------------------------------------------------------------------------


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}% ({n}/{d})" if d else "–"


def joined(values: Sequence[str]) -> str:
    return " / ".join(values) if values else "–"


def short(record: Record, unit: str) -> bool:
    return record.unit == unit and record.input_shorter


def row_table(records: Sequence[Record]) -> str:
    head = (
        "| set size | template | budget | asked | words | words ÷ asked | sentences | pages | dangling openers "
        "| word-list openers | questions | repeated headings | key figures with a quantity | median s |"
    )
    lines = [head, "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    groups: dict[tuple[int, str, str], list[Record]] = {}
    for r in records:
        groups.setdefault((r.size, r.template, r.budget), []).append(r)
    for (size, template, budget), rs in groups.items():
        ok = [r for r in rs if r.error is None]
        bad = len(rs) - len(ok)
        asked = f"{rs[0].requested} {rs[0].unit}" if rs[0].requested != 1 else f"1 {rs[0].unit.rstrip('s')}"
        if not ok:
            lines.append(f"| {size} | {template} | {budget} | {asked} | error ({bad}) |" + " |" * 9)
            continue
        ratios = ["input shorter" if short(r, "words") else f"{r.ratio:.2f}" for r in ok if r.ratio is not None]
        cells = [
            str(size),
            template,
            budget + (f" ({bad} errors)" if bad else ""),
            asked,
            joined([str(r.words) for r in ok]),
            joined(ratios),
            joined([f"{r.sentences}" + (" (input shorter)" if short(r, "sentences") else "") for r in ok]),
            joined([str(r.pages) if r.pages is not None else "?" for r in ok]),
            pct(sum(r.dangling for r in ok), sum(r.sentences for r in ok)),
            pct(sum(r.crude for r in ok), sum(r.sentences for r in ok)),
            str(sum(r.questions for r in ok)),
            str(sum(r.repeated_headings for r in ok)),
            pct(sum(r.figures_with_quantity for r in ok), sum(r.figures for r in ok)),
            f"{statistics.median(r.seconds for r in ok):.2f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


@dataclass(slots=True)
class Summary:
    builds: int
    errors: int
    word_builds: int
    word_within: int
    word_input_shorter: int
    worst_under: float | None
    worst_over: float | None
    page_builds: int
    pages_above: int
    sentences_total: int
    dangling: int
    crude: int
    questions: int
    repeated_headings: int
    figures: int
    figures_with_quantity: int
    median_seconds: float | None


def summarise(records: Sequence[Record]) -> Summary:
    ok = [r for r in records if r.error is None]
    words = [r for r in ok if r.unit == "words"]
    met = [r.ratio for r in words if not r.input_shorter and r.ratio is not None]
    pages = [r for r in ok if r.unit == "pages"]
    return Summary(
        builds=len(records),
        errors=len(records) - len(ok),
        word_builds=len(met),
        word_within=sum(1 for x in met if 1 - WORD_TOLERANCE <= x <= 1 + WORD_TOLERANCE),
        word_input_shorter=sum(1 for r in words if r.input_shorter),
        worst_under=min(met) if met else None,
        worst_over=max(met) if met else None,
        page_builds=len(pages),
        pages_above=sum(1 for r in pages if r.pages is None or r.pages > r.requested),
        sentences_total=sum(r.sentences for r in ok),
        dangling=sum(r.dangling for r in ok),
        crude=sum(r.crude for r in ok),
        questions=sum(r.questions for r in ok),
        repeated_headings=sum(r.repeated_headings for r in ok),
        figures=sum(r.figures for r in ok),
        figures_with_quantity=sum(r.figures_with_quantity for r in ok),
        median_seconds=statistics.median(r.seconds for r in ok) if ok else None,
    )


def ratio_text(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def size_table(records: Sequence[Record], sizes: Sequence[int]) -> str:
    head = (
        "| set size | builds | errors | word budgets within ±10% | worst under | worst over | input shorter than "
        "budget | page budgets above | dangling openers | word-list openers | questions | repeated headings "
        "| key figures with a quantity | median s per build |"
    )
    lines = [head, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size in (*sizes, None):
        rs = [r for r in records if size is None or r.size == size]
        s = summarise(rs)
        cells = [
            "all" if size is None else str(size),
            str(s.builds),
            str(s.errors),
            f"{s.word_within}/{s.word_builds}",
            ratio_text(s.worst_under),
            ratio_text(s.worst_over),
            str(s.word_input_shorter),
            f"{s.pages_above}/{s.page_builds}",
            pct(s.dangling, s.sentences_total),
            pct(s.crude, s.sentences_total),
            str(s.questions),
            str(s.repeated_headings),
            pct(s.figures_with_quantity, s.figures),
            "–" if s.median_seconds is None else f"{s.median_seconds:.2f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(s: Summary) -> list[tuple[str, str, bool]]:
    dangling = s.dangling / s.sentences_total if s.sentences_total else 0.0
    figures = s.figures_with_quantity / s.figures if s.figures else 1.0
    return [
        (
            "words within 10% of a word budget",
            f"{s.word_within}/{s.word_builds} (worst {ratio_text(s.worst_under)} / {ratio_text(s.worst_over)}; "
            f"{s.word_input_shorter} input shorter than budget)",
            s.word_within == s.word_builds,
        ),
        ("pages never above a page budget", f"{s.pages_above} of {s.page_builds} above", s.pages_above == 0),
        ("under 2% dangling openers", pct(s.dangling, s.sentences_total), dangling < DANGLING_TARGET),
        ("no questions", str(s.questions), s.questions == 0),
        ("no repeated section headings", str(s.repeated_headings), s.repeated_headings == 0),
        ("90%+ of key figures with a quantity", pct(s.figures_with_quantity, s.figures), figures >= FIGURES_TARGET),
        ("no build errors", str(s.errors), s.errors == 0),
    ]


def target_table(s: Summary) -> str:
    lines = ["| target | result | met |", "|---|---|---|"]
    lines += [f"| {name} | {result} | {'yes' if met else '**no**'} |" for name, result, met in targets(s)]
    return "\n".join(lines)


def misses(records: Sequence[Record]) -> str:
    """Examples behind every missed target: the builds off their budget and the sentences or headings."""
    out: list[str] = []

    def section(title: str, items: list[str]) -> None:
        if items:
            shown = items[:EXAMPLES]
            more = f"\n- … and {len(items) - len(shown)} more" if len(items) > len(shown) else ""
            out.append(f"#### {title} ({len(items)})\n\n" + "\n".join(f"- {x}" for x in shown) + more)

    def where(r: Record) -> str:
        return f"{r.set} {r.template} {r.budget}"

    ok = [r for r in records if r.error is None]
    off = [
        r
        for r in ok
        if r.unit == "words" and not r.input_shorter and r.ratio is not None and abs(r.ratio - 1) > WORD_TOLERANCE
    ]
    off.sort(key=lambda r: abs((r.ratio or 1) - 1), reverse=True)
    section(
        "word budgets missed by more than 10%",
        [f"{where(r)}: {r.words} words for {r.requested} ({r.ratio:.2f})" for r in off],
    )
    above = [r for r in ok if r.unit == "pages" and (r.pages is None or r.pages > r.requested)]
    section("page budgets exceeded", [f"{where(r)}: {r.pages} pages for {r.requested}" for r in above])

    def examples(kind: str) -> list[str]:
        seen: set[str] = set()
        items: list[str] = []
        for r in ok:
            for e in r.examples.get(kind, []):
                if e.text in seen:
                    continue
                seen.add(e.text)
                context = f" — {e.context}" if e.context else ""
                items.append(f"{e.set} {e.template} {e.budget}: “{e.text}”{context}")
        return items

    section("dangling openers (distinct sentences)", examples("dangling"))
    section("questions (distinct sentences)", examples("questions"))
    section("repeated section headings (distinct headings)", examples("headings"))
    section("key figures without a quantity (distinct sentences)", examples("figures"))
    section("build errors", [f"{where(r)}: {r.error}" for r in records if r.error])
    return "\n\n".join(out) if out else "No target missed."


# --- the run ------------------------------------------------------------------------------------------------


def run(
    sizes: Sequence[int],
    sets: int,
    templates: Sequence[str],
    budgets: Sequence[Budget | None],
    progress: Callable[[str], None],
) -> tuple[list[ArticleSet], list[Record]]:
    pool = unique_paths()
    defaults = {name: _default_budget(name) for name in templates}
    article_sets = [load_set(pool, size, k) for size in sizes for k in range(sets)]
    records: list[Record] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "b.pdf"
        build_one(article_sets[0], templates[0], None, defaults[templates[0]], out)  # warm-up, not counted
        for article_set in article_sets:
            started = time.perf_counter()
            for template in templates:
                for budget in budgets:
                    record, _ = build_one(article_set, template, budget, defaults[template], out)
                    records.append(record)
            progress(f"set {article_set.name}: {time.perf_counter() - started:.1f} s")
    return article_sets, records


def _default_budget(template: str) -> Budget:
    return template_budget(builtin_templates()[template])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="sets of 2 and 10 articles, one set each, four budgets")
    ap.add_argument("--sizes", default=None, help="comma-separated set sizes (default 2,10,100; quick 2,10)")
    ap.add_argument("--sets", type=int, default=None, help="different sets per size (default 5; quick 1)")
    ap.add_argument("--templates", default="", help="comma-separated template names (default: every built-in)")
    ap.add_argument("--json", type=Path, default=None, help="also write every build's figures to this JSON file")
    args = ap.parse_args(argv)
    sizes = tuple(int(x) for x in args.sizes.split(",")) if args.sizes else QUICK_SIZES if args.quick else FULL_SIZES
    sets = args.sets if args.sets is not None else 1 if args.quick else FULL_SETS
    templates = [t for t in args.templates.split(",") if t] or sorted(builtin_templates())
    budgets = QUICK_BUDGETS if args.quick else FULL_BUDGETS
    started = time.perf_counter()

    def progress(message: str) -> None:
        print(f"  {message}", file=sys.stderr, flush=True)

    article_sets, records = run(sizes, sets, templates, budgets, progress)
    elapsed = time.perf_counter() - started
    print(f"{len(records)} builds ({len(templates)} templates × {len(budgets)} budgets × {len(article_sets)} sets)")
    print(f"in {elapsed:.0f} s; key figures checked with {QUANTITY_CHECK}\n")
    print("| set | articles | input words | input sentences |\n|---|---|---:|---:|")
    for a in article_sets:
        print(f"| {a.name} | {describe(a.paths)} | {a.words} | {a.sentences} |")
    print("\nValues separated by / are the sets of that size, in order.\n")
    print(f"### Per set size, template and budget\n\n{row_table(records)}\n")
    print(f"### Per set size\n\n{size_table(records, sizes)}\n")
    print(f"### Targets (all builds)\n\n{target_table(summarise(records))}\n")
    print(f"### Misses\n\n{misses(records)}\n")
    if args.json:
        data = {
            "seconds": elapsed,
            "quantity_check": QUANTITY_CHECK,
            "sets": [
                {"name": a.name, "articles": [f"{p.parent.name}/{p.name}" for p in a.paths], "words": a.words}
                for a in article_sets
            ],
            "summary": {str(size): asdict(summarise([r for r in records if r.size == size])) for size in sizes},
            "all": asdict(summarise(records)),
            "builds": [{**asdict(r), "input_shorter": r.input_shorter, "ratio": r.ratio} for r in records],
        }
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

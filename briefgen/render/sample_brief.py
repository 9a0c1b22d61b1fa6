"""A realistic composed brief built by hand, for template previews, renderer tests and benchmarks.

:func:`sample_brief` returns the :class:`Brief` and the :class:`Source` objects its citations point into, so a
caller can check that every brief sentence is verbatim source text (``section.text[start:end]``). The text
deliberately contains markup-looking characters (``<b>not bold</b> & <5% costs > $3m``), curly quotes,
dashes, accents, Cyrillic and Greek, and one very long URL.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from briefgen.brief import Brief, BriefSentence, Part, PartKind, SourceEntry
from briefgen.citations import format_entries, names_sources
from briefgen.model import Article, Citation, Metadata, Paragraph, ParagraphKind, Section, Sentence, Source


@dataclass(frozen=True, slots=True)
class _Doc:
    metadata: Metadata
    heading: str
    paragraphs: tuple[tuple[str, ...], ...]


_LONG_URL = (
    "https://www.example.gov.uk/government/publications/urban-heat-resilience-review-2023/"
    "annex-b-evidence-tables-and-methodology-for-local-authority-cooling-interventions?utm_source=briefing"
)

_DOCS: tuple[_Doc, ...] = (
    _Doc(
        Metadata(
            "Heatwaves push city water systems to the limit",
            "Jane Smith",
            "BBC",
            "2017-07-03",
            "https://www.bbc.co.uk/news/science-environment-40478123",
        ),
        "Pressure on supply",
        (
            (
                "Water demand in large cities rose by 18% during the June heatwave.",
                "Engineers said the network was “running hot” for eleven consecutive days.",
                "Several boroughs asked residents to avoid watering gardens between 10:00 and 16:00.",
            ),
            (
                "Utilities warned that leakage — already 20–25% of supply — rises when pipes expand.",
                "The regulator said a note marked <b>not bold</b> & <5% costs > $3m would follow.",
            ),
        ),
    ),
    _Doc(
        Metadata(
            "Cities weigh the price of cooling",
            "Marc Dubois; Ana Lima",
            "Reuters",
            "2018-05-14",
            "https://www.reuters.com/article/us-climate-cities-cooling-idUSKCN1IF0XY",
        ),
        "Costs and trade-offs",
        (
            (
                "Municipal cooling centres cost between €40,000 and €120,000 per summer to run.",
                "Water demand in large cities rose by 18% during the June heatwave.",
                "Officials in Zürich and Málaga said shaded routes were the cheapest intervention.",
            ),
            ("Critics argue that ‘cool roofs’ shift heat rather than remove it.",),
        ),
    ),
    _Doc(
        Metadata("Urban heat resilience review: annex B", None, "Department for Environment", "2023", _LONG_URL),
        "Evidence on interventions",
        (
            (
                "Tree planting lowered peak street temperatures by up to 2.5 °C in the evaluated schemes.",
                "Evidence for reflective paving was weaker and varied by latitude.",
                "The review recommends that councils publish heat-risk maps every two years.",
            ),
            ("Schemes combining shade, water and building retrofits delivered the largest benefits.",),
        ),
    ),
    _Doc(
        Metadata(
            "Москва и Αθήνα: жара в городах",
            "Ирина Петрова",
            None,
            "2021-08-09",
            "https://example.ru/articles/heat-moscow-athens",
        ),
        "International comparison",
        (
            (
                "В Москве летом 2021 года был зафиксирован рекордный уровень потребления воды.",
                "Στην Αθήνα, οι δήμοι άνοιξαν κλιματιζόμενους χώρους για ηλικιωμένους.",
                "Both cities extended opening hours of public pools during the hottest week.",
            ),
        ),
    ),
    _Doc(
        Metadata("A café owner’s naïve guide to surviving a heatwave", "Sam O’Neill", None, None, None),
        "Small businesses",
        (
            (
                "Small cafés reported takings down by a third on days above 35 °C.",
                "“We simply closed at two,” one owner said.",
            ),
        ),
    ),
)

_CJK_DOC = _Doc(
    Metadata("東京の暑さ対策", "山田 花子", "NHK", "2022-08-01", "https://www3.nhk.or.jp/news/heat"),
    "Tokyo",
    (
        (
            "東京都は2022年の夏に「クールシェアスポット」を拡大した。",
            "Tokyo expanded its network of cooling spots in the summer of 2022.",
        ),
    ),
)


def _source_from(doc: _Doc, index: int, copy: int) -> Source:
    sid = hashlib.sha256(f"{doc.metadata.title}|{index}|{copy}".encode()).hexdigest()[:8]
    aid, secid = f"{sid}.a1", f"{sid}.a1.s1"
    text_parts: list[str] = []
    paragraphs: list[Paragraph] = []
    pos, t = 0, 0
    for p_index, sentences in enumerate(doc.paragraphs, start=1):
        if text_parts:
            text_parts.append("\n\n")
            pos += 2
        p_start = pos
        built: list[Sentence] = []
        for s_index, sentence in enumerate(sentences):
            if s_index:
                text_parts.append(" ")
                pos += 1
            t += 1
            built.append(Sentence(f"{secid}.t{t}", sentence, pos, pos + len(sentence)))
            text_parts.append(sentence)
            pos += len(sentence)
        paragraphs.append(Paragraph(f"{secid}.p{p_index}", ParagraphKind.TEXT, p_start, pos, tuple(built)))
    section = Section(secid, doc.heading, "".join(text_parts), tuple(paragraphs))
    metadata = doc.metadata
    if copy:
        metadata = Metadata(
            f"{metadata.title} (part {copy + 1})",
            metadata.author,
            metadata.publisher,
            metadata.date,
            metadata.url,
        )
    digest = hashlib.sha256(section.text.encode()).hexdigest()
    return Source(
        sid,
        f"sources/article-{index + 1}-{copy + 1}.html",
        "html",
        digest,
        (Article(aid, metadata, (section,)),),
    )


def _cite(source: Source, sentence: Sentence) -> Citation:
    article = source.articles[0]
    section = article.sections[0]
    return Citation(source.id, article.id, section.id, sentence.id, sentence.start, sentence.end)


def sample_brief(
    *,
    citation_style: str = "numeric",
    sources: int = 5,
    include_cjk: bool = False,
    marking: str | None = "OFFICIAL — FOR INTERNAL USE",
    bibliography_style: str = "apa",
    support_mark: str = "none",
    mark_new: bool = False,
) -> tuple[Brief, tuple[Source, ...]]:
    """A brief over *sources* hand-built articles (the five base articles repeat beyond five). Its entries are
    formatted as a built brief's are (:func:`briefgen.citations.format_entries`); the second article's sentences
    are "new"."""
    accessed = "2024-03-18"
    docs = list(_DOCS) + ([_CJK_DOC] if include_cjk else [])
    built: list[Source] = []
    for i in range(max(1, sources)):
        built.append(_source_from(docs[i % len(docs)], i, i // len(docs)))
    texts = format_entries(
        bibliography_style,
        [(s.articles[0].metadata, s.path) for s in built],
        accessed,
        author_date=names_sources(citation_style),
    )
    entries = tuple(
        SourceEntry(n, s.articles[0].id, s.id, s.path, s.articles[0].metadata, accessed, text)
        for n, (s, text) in enumerate(zip(built, texts, strict=True), start=1)
    )

    def brief_sentence(src: Source, sentence: Sentence) -> BriefSentence:
        cites = [_cite(src, sentence)]
        group = built.index(src) // len(docs)
        for other in built[group * len(docs) : (group + 1) * len(docs)]:  # the same sentence found elsewhere
            if other is not src:
                cites += [_cite(other, s) for s in other.articles[0].sentences if s.text == sentence.text]
        new = len(built) > 1 and src is built[1]
        return BriefSentence(sentence.id, sentence.text, tuple(cites), support=len({c.source for c in cites}), new=new)

    def first_sentences(src: Source, k: int) -> tuple[BriefSentence, ...]:
        return tuple(brief_sentence(src, s) for s in src.articles[0].sentences[:k])

    summary = tuple(first_sentences(src, 1)[0] for src in built[: min(4, len(built))])
    key_points = tuple(first_sentences(src, 2)[-1] for src in built[: min(5, len(built))])
    parts: list[Part] = [
        Part(PartKind.EXECUTIVE_SUMMARY, "Executive summary", summary),
        Part(PartKind.KEY_POINTS, "Key points", key_points, as_list=True),
    ]
    for src in built:
        article = src.articles[0]
        parts.append(
            Part(
                PartKind.SECTION,
                article.sections[0].heading or "Section",
                tuple(brief_sentence(src, s) for s in article.sentences),
                subheading=article.metadata.title,
            )
        )
    quote_src = built[min(4, len(built) - 1)]
    quotes = tuple(b for b in first_sentences(quote_src, 3) if "“" in b.text) or first_sentences(quote_src, 1)
    parts.append(Part(PartKind.QUOTES, "Quotes", quotes))
    parts.append(
        Part(
            PartKind.KEYPHRASES,
            "Key phrases",
            terms=("water demand", "cooling centres", "heat-risk maps", "tree planting"),
        )
    )
    parts.append(Part(PartKind.SOURCES, "Sources"))
    brief = Brief(
        title="Urban heat and water supply: options for councils",
        subtitle="Evidence brief for the Environment Committee",
        date="18 March 2024",
        author="Policy Analysis Unit",
        organisation="Northshire County Council",
        marking=marking,
        parts=tuple(parts),
        sources=entries,
        citation_style=citation_style,
        support_mark=support_mark,
        mark_new=mark_new,
        bibliography_style=bibliography_style,
        keywords=("heatwave", "water", "cooling", "urban policy"),
        template_name="default",
    )
    return brief, tuple(built)

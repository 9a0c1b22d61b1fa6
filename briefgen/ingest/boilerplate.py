"""Text that is not part of an article: comment forms, share and subscribe prompts, image captions, credits.

The rules are general patterns seen across news and blog sites, not the exact sentences of any one file. Only
short lines are ever judged boilerplate, so a body sentence that merely mentions a photo or a newsletter stays.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Boilerplate(StrEnum):
    COMMENTS = "comments"
    """Start of a comment section or form; what follows up to the next article is dropped too."""
    PROMPT = "prompt"
    """Share, subscribe, follow, navigation and advertising prompts."""
    CAPTION = "caption"
    """Image captions and photo credits."""


_COMMENTS = re.compile(
    r"^(?:leave\s+a\s+(?:reply|comment|response)|post\s+(?:a\s+)?comment|add\s+(?:a\s+|your\s+)?comment|"
    r"\d+\s+(?:comments?|responses?|replies)|comments?(?:\s+\(\d+\))?|(?:show|view|read)\s+(?:all\s+)?comments?|"
    r"join\s+the\s+(?:discussion|conversation)|comments?\s+(?:are\s+)?closed|what\s+do\s+you\s+think\??|"
    r"have\s+your\s+say|(?:\d+\s+)?thoughts\s+on\s+.+|one\s+(?:comment|response|thought)\s+on\s+.+)\s*:?$",
    re.IGNORECASE,
)
_FORM_LINES = re.compile(
    r"your\s+email\s+(?:address\s+)?will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|"
    r"^(?:name|e-?mail|website|comment|message)\s*\*?$|save\s+my\s+name|notify\s+me\s+of|"
    r"^(?:post|submit)\s+(?:comment|reply)$|^cancel\s+reply$|you\s+must\s+be\s+logged\s+in\s+to|"
    r"this\s+site\s+uses\s+akismet|log\s+in\s+to\s+(?:reply|comment)",
    re.IGNORECASE,
)
_PROMPTS = re.compile(
    r"^(?:share\s+(?:this|on|via|the\s+story|article)|share:?$|tweet(?:\s+this)?$|click\s+to\s+(?:share|print|email)|"
    r"like\s+this:?$|related(?:\s+(?:articles?|posts?|stories|content|coverage|reading|links?|topics))?:?$|"
    r"(?:read|see)\s+(?:more|also|next)\b|more\s+(?:from|on|stories|like\s+this)\b|you\s+(?:may|might)\s+also\s+like|"
    r"recommended(?:\s+for\s+you)?:?$|(?:most\s+(?:read|popular|viewed))|trending(?:\s+now)?:?$|"
    r"(?:subscribe|sign\s+up)\s+(?:to|for|now|today)\b|(?:get|receive)\s+(?:our|the)\s+\w+\s+newsletter|"
    r"follow\s+us\s+on\b|(?:find|like)\s+us\s+on\s+facebook|download\s+(?:our|the)\s+app|"
    r"advertisement$|sponsored(?:\s+content)?$|(?:skip\s+to|back\s+to)\s+(?:main\s+)?(?:content|top|navigation)|"
    r"print\s+(?:this\s+)?(?:page|article)$|email\s+(?:this\s+)?(?:page|article|story)$|"
    r"(?:this\s+(?:web)?site|we)\s+uses?\s+cookies|accept\s+(?:all\s+)?cookies|"
    r"continue\s+reading|click\s+here\b|tap\s+here\b|all\s+rights\s+reserved|copyright\s+©?\s*\d{4})",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(?:\(?\s*(?:photo|photograph|image|picture|pictures|illustration|graphic|video|credit|caption)\s*[:(\-–]|"
    r"\(?\s*(?:image\s+(?:caption|copyright|source|credit)|media\s+caption|photo\s+(?:credit|by))\b|"
    r"(?:©|\(c\)|copyright)\s)",
    re.IGNORECASE,
)
_AGENCY_CREDIT = re.compile(
    r"(?:getty\s+images|reuters|afp|ap\s+photo|associated\s+press|epa|shutterstock|istock(?:photo)?|alamy|"
    r"pa\s+(?:wire|media)|bloomberg|xinhua|anadolu)\s*\)?\.?$",
    re.IGNORECASE,
)
_CAPTION_WORDS = re.compile(
    r"\b(?:image|images|photo|photos|photograph|photographed|picture|pictured|illustration|texture|"
    r"graphic|screenshot|file\s+photo|stock\s+photo|seen\s+here|left\s+to\s+right|pictured\s+here)\b",
    re.IGNORECASE,
)
_FINAL_PUNCT = re.compile(r"[.!?…:;\"”’]$")


def classify_boilerplate(text: str) -> Boilerplate | None:
    """What kind of boilerplate the block *text* is, or None when it is (possibly) article text."""
    line = text.strip()
    words = line.split()
    if not words or len(words) > 30:
        return None
    if _COMMENTS.match(line):
        return Boilerplate.COMMENTS
    if _FORM_LINES.search(line):
        return Boilerplate.COMMENTS
    if len(words) <= 16 and _PROMPTS.search(line) and (len(words) <= 8 or not _FINAL_PUNCT.search(line)):
        return Boilerplate.PROMPT
    if _CREDIT.match(line):
        return Boilerplate.CAPTION
    if len(words) <= 8 and _AGENCY_CREDIT.search(line) and ("/" in line or line.startswith("(")):
        return Boilerplate.CAPTION  # "John Smith/Getty Images", "(Reuters)"
    if _looks_like_caption(line, words):
        return Boilerplate.CAPTION
    return None


def is_comment_form_line(text: str) -> bool:
    """Short lines of a comment form ("Name *", "Post Comment"...)."""
    return bool(_FORM_LINES.search(text.strip()))


def _looks_like_caption(line: str, words: list[str]) -> bool:
    """An unpunctuated, sentence-case line describing a picture: "Grunge flag, image is overlaying a texture"."""
    if len(words) < 3 or len(words) > 25 or _FINAL_PUNCT.search(line):
        return False
    if not _CAPTION_WORDS.search(line):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    title_case = capitalised >= max(2, int(len(words) * 0.6))
    return not title_case or "," in line

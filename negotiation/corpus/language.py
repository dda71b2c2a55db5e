"""The language of a text, with py3langid (a maintained fork of langid.py, its model shipped in
the package: nothing is downloaded). The candidates are limited to languages news of disputes
is commonly written in, so that a short English sentence full of names is not read as a rare
language.

>>> detect_language("The opposition boycotted parliament on Monday.")
'en'
>>> detect_language("Le parti d'opposition a boycotté le parlement lundi.")
'fr'
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["LANGUAGES", "detect_language", "is_english"]

#: the candidates: the main languages of world news, and of Southeast and South Asia
LANGUAGES = (
    "en", "fr", "es", "pt", "de", "it", "nl", "ru", "ar", "zh", "ja", "ko", "id", "ms", "vi",
    "th", "km", "tl", "tr", "pl", "sw", "bn", "hi", "ur",
)  # fmt: skip


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the most likely language of ``text`` ("" when it has no letters)."""
    if not re.search(r"[^\W\d_]", text):
        return ""
    lang, _ = _identifier().classify(text[:20000])
    return str(lang)


def is_english(text: str) -> bool:
    """Whether ``text`` is English (a text without letters is not anything else)."""
    return detect_language(text) in ("en", "")

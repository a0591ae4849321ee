"""A dashboard link read without a browser: which of its values the page can accept, and the view it
opens. The page shows a notice for each value it cannot accept; the command line refuses them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from components import results
from components.context import Library
from components.data.records import Dataset
from components.model.slides import parse_flag
from components.text.catalog import DEFAULT_LANGUAGE, LANGUAGES

DOMAIN_KEY = "domain"
REVIEW_KEY = "review"
YEAR_KEY = "year"  # links made before the review picker: ?year=2019 opens the city's review of 2019
PRESENT_KEY = "present"
STEP_KEY = "step"
PLACE_KEY = "county"
SECTION_KEY = "section"
LANG_KEY = "lang"
LINK_KEYS = (DOMAIN_KEY, REVIEW_KEY, YEAR_KEY, PRESENT_KEY, STEP_KEY, PLACE_KEY, SECTION_KEY, LANG_KEY)
MAX_SHOWN_VALUE = 40

Params = Mapping[str, Sequence[str]]  # each link parameter's values, as written


@dataclass(frozen=True)
class LinkedView:
    """What a link opens: the review, its domains (ids), the language, and the practices' place and section."""

    review: str
    domains: tuple[str, ...]
    language: str
    place: str
    section: str


def bad_values(lib: Library, params: Params) -> list[tuple[str, str]]:
    """(parameter, value) pairs of the link that no part of the page can accept (``lang`` aside:
    the page reads it before the data)."""
    names, data = results.link_names(lib), lib.data
    checks = {
        DOMAIN_KEY: names[DOMAIN_KEY].__contains__,
        REVIEW_KEY: lambda v: v in data.sources,
        YEAR_KEY: lambda v: review_of_year(data, v) is not None,
        PRESENT_KEY: lambda v: parse_flag(v) is not None,
        PLACE_KEY: names[PLACE_KEY].__contains__,
        SECTION_KEY: names[SECTION_KEY].__contains__,
    }
    return [
        (key, value) for key, valid in checks.items() for value in params.get(key, ()) if value and not valid(value)
    ]


def bad_languages(params: Params) -> list[tuple[str, str]]:
    """``lang`` values that are not a language of the page."""
    return [(LANG_KEY, value) for value in params.get(LANG_KEY, ()) if value and value not in LANGUAGES]


def linked_view(lib: Library, params: Params) -> LinkedView:
    """The view a link opens, as the page opens it (values it cannot accept are left out)."""
    data, names = lib.data, results.link_names(lib)
    review = (
        next((value for value in params.get(REVIEW_KEY, ()) if value in data.sources), None)
        or next(filter(None, (review_of_year(data, value) for value in params.get(YEAR_KEY, ()))), None)
        or data.default_review
    )
    offered = results.review_domains(lib, review)
    chosen = dict.fromkeys(
        names[DOMAIN_KEY][value] for value in params.get(DOMAIN_KEY, ()) if value in names[DOMAIN_KEY]
    )
    domains = tuple(domain for domain in chosen if domain in offered) or tuple(
        offered
    )  # in the link's order, as the box
    language = next((value for value in params.get(LANG_KEY, ()) if value in LANGUAGES), DEFAULT_LANGUAGE)
    place = next((names[PLACE_KEY][value] for value in params.get(PLACE_KEY, ()) if value in names[PLACE_KEY]), "")
    section = next(
        (names[SECTION_KEY][value] for value in params.get(SECTION_KEY, ()) if value in names[SECTION_KEY]), ""
    )
    return LinkedView(review, domains, language, place, section)


def shown_value(value: str) -> str:
    """A link value as a notice may show it: unprintable characters replaced, a long one shortened."""
    printable = "".join(char if char.isprintable() else "\ufffd" for char in value)
    return printable if len(printable) <= MAX_SHOWN_VALUE else printable[:MAX_SHOWN_VALUE] + "…"


def review_of_year(data: Dataset, year: str) -> str | None:
    """The review of ``year`` (as written in a link) for the default review's place, if there is one."""
    place = data.source(data.default_review).place
    return next(
        (
            review
            for review in data.reviews
            if str(data.source(review).year) == year.strip() and data.source(review).place == place
        ),
        None,
    )

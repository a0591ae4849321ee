"""The KPI cards: what each says, and that data text in them is shown as text."""

from __future__ import annotations

import lxml.html
import pytest

from components.data.derived import NEUTRAL
from components.html.kpis import kpi_cards, kpi_cards_html
from tests.support.helpers import dataset, figure_row, words


def test_one_card_per_headline_figure_with_its_sentence():
    cards = {card.label: card for card in kpi_cards(dataset().figures, words())}
    assert len(cards) == 9 and "其中涉恶集团以上" not in cards, "a part (the syndicates) is not a card of its own"
    gangs = cards["打掉黑恶团伙"]
    assert (gangs.value, gangs.delta, gangs.arrow) == ("27个", "其中涉恶集团以上10个", "")
    assert "打掉黑恶团伙27个" in gangs.quote.replace(" ", "")
    assets = cards["查扣非法资产"]
    assert (assets.value, assets.delta, assets.arrow, assets.outcome) == ("5.58亿元", "+451% 向好", "up", "good")


@pytest.mark.parametrize(
    ("delta", "kept"),
    [
        ("其中涉恶集团以上10个", ["10个"]),
        ("+451% 向好", ["+451%"]),
        ("多于5.58亿元,少于1,200起", ["5.58亿元", "1,200起"]),
        ("10 of them syndicates", ["10"]),
    ],
)
def test_a_number_and_its_unit_never_break_apart(delta, kept):
    card = kpi_cards(dataset().figures, words())[0]
    body = kpi_cards_html([type(card)(**{**vars(card), "delta": delta, "arrow": ""})], words())
    spans = lxml.html.fragment_fromstring(body).xpath('//span[@class="keep-together"]/text()')
    assert spans == kept
    assert "".join(lxml.html.fragment_fromstring(body).xpath('//span[contains(@class, "kpi-delta")]//text()')) == delta


def test_english_cards_use_the_translation():
    cards = {card.label: card for card in kpi_cards(dataset().figures, words("en"))}
    assert cards["Criminal cases"].note == "year on year"
    assert 'lang="en"' in kpi_cards_html(list(cards.values()), words("en"))


def test_data_text_is_escaped():
    figures = dataset().figures.copy()
    figures.loc[figures.index[0], ["label_zh", "source_quote"]] = [
        '<img src=x onerror="alert(1)">',
        "<script>alert(2)</script>",
    ]
    body = kpi_cards_html(kpi_cards(figures, words()), words())
    assert "<img" not in body and "<script>" not in body
    texts = lxml.html.fragment_fromstring(body).xpath("//p/text()")
    assert any('<img src=x onerror="alert(1)">' in text for text in texts)
    assert any("<script>alert(2)</script>" in text for text in texts)


@pytest.mark.parametrize(("language", "unchanged"), [("zh", "持平"), ("en", "no change")])
def test_a_level_without_a_change_is_not_rated(language, unchanged):
    """群众安全感 98.2% reports no change: its card is neutral, never 'unchanged' (that means 0%)."""
    label = words(language).label(figure_row("sense_of_security"))
    card = next(card for card in kpi_cards(dataset().figures, words(language)) if card.label == label)
    assert (card.value, card.arrow, card.outcome) == ("98.2%", "", NEUTRAL)
    body = kpi_cards_html([card], words(language))
    assert f'class="kpi-delta {NEUTRAL}"' in body and unchanged not in body

"""The grammar of figures in Chinese public-safety review prose: counts, money, percentages, scores,
year-on-year changes, from-to pairs, enumerations, durations and ranks, in Simplified or Traditional
Chinese, with Arabic, full-width or Chinese numerals. One copy of the rules, shared by the loader
(which checks each figure against its words) and the article extractor."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, replace
from decimal import Decimal


@dataclass(frozen=True)
class Reading:
    """One figure read from text: where it is written, what it says, and what it is about."""

    text: str  # the figure as written, e.g. "下降13.8%", "611起", "5.58亿元", "从24.1万起下降至15.8万起"
    start: int  # offsets of `text` in the string given
    end: int
    value: float | None  # the level in base units; None when only a change is given
    unit: str  # base unit: "起", "件", "元", "%", "年", "" (a score or a rank), ...
    approximate: bool
    change: float | None  # signed; None when no change is given
    change_unit: str  # "%" or "个百分点"; for a change in counts ("减少12起") its base unit; "" if none
    subject: str  # best-effort phrase the figure is about, e.g. "刑事案件" ("" if none found)
    kind: str  # "level", "change", "level_change", "from_to", "duration", "rank"
    previous: float | None = None  # the earlier level of a from-to pair
    written_unit: str = ""  # the level's unit as written (Simplified): "亿元" for 5.58亿元, "" for a score
    qualifier: str = ""  # the words that make it approximate, as written: "超过", "余", "以上", "近" …
    previous_year: int | None = None  # the year of a from-to pair's earlier end, when written (从2018年的…)
    previous_text: str = ""  # a from-to pair's earlier end as written: "58起", "1.2万起", "2.4万"


# Direction words of a change (Simplified; Traditional text is folded first). Nouns end in 幅/幅度.
FALL_WORDS = ("下降", "减少", "降低", "下滑", "回落", "压降", "降幅", "减幅", "下降幅度", "降", "减")
RISE_WORDS = (
    "增长",
    "上升",
    "增加",
    "提升",
    "提高",
    "上涨",
    "拉升",
    "攀升",
    "回升",
    "增幅",
    "升幅",
    "涨幅",
    "增长幅度",
    "上升幅度",
    "增",
    "升",
)

# Measure words after a number, each with what may not follow it (e.g. 人口 is not 人, 次会议 is no count).
_MEASURES = {
    "人次": "",
    "件次": "",
    "辆次": "",
    "批次": "",
    "起": "诉|来|草|步|点|航",
    "件": "",
    "个": "百分点|月",
    "名": "单|义|称|字|列",
    "人": "口|民|员",
    "辆": "",
    "处": "置|理|罚|分|警|长",
    "家": "庭|属|园|乡",
    "次": "全会|会议|全体|代表大会|党代会",
    "宗": "旨|教",
    "户": "籍|口",
    "条": "例|件|款",
    "批": "准|评|示|复",
    "笔": "录|者|试|记|画",
    "所": "有|属|在|以|得|谓|长|述|辖",
    "项": "目|工作|行动|活动|措施|制度",
    "枚": "",
    "家次": "",
    "户次": "",
    "支": "持|付|出|援|撑",
    "把": "关|握|手|控",
    "公斤": "",
    "千克": "",
    "吨": "",
    "克": "服|隆|难",
    "元": "素|旦",
    "分": "钟|之|别|类|局|析|配|布|子|区|成",
}
_SCALES = {"": 1, "万": 10_000, "亿": 100_000_000}
_DIGITS_ONLY = ("项",)  # measure words that count only when written in digits
UNIT_FACTORS: dict[str, tuple[str, float]] = {
    **{scale + unit: (unit, float(factor)) for unit in _MEASURES if unit != "分" for scale, factor in _SCALES.items()},
    "分": ("分", 1.0),
    "%": ("%", 1.0),
    "成": ("%", 10.0),
    "倍": ("%", 100.0),
    "个百分点": ("个百分点", 1.0),
    "": ("", 1.0),
    "年": ("年", 1.0),
    "个月": ("月", 1.0),
}

# Traditional characters of the grammar's words, folded one for one (offsets stay put).
_TRADITIONAL = str.maketrans(
    "億萬減個長昇點較餘約連續從為達兩輛處與別漲項條戶來總計數滿測評環",
    "亿万减个长升点较余约连续从为达两辆处与别涨项条户来总计数满测评环",
)


def _alternation(words, special: dict[str, str] | None = None) -> str:
    """Words as one regex alternation, longest first; ``special`` gives some a pattern of their own."""
    return "|".join((special or {}).get(word, re.escape(word)) for word in sorted(words, key=len, reverse=True))


# Numerals are bounded and never start inside another, so a long run of digits costs linear time.
_ARABIC = r"(?<![0-9])(?:[0-9]{1,3}(?:,[0-9]{3}){1,5}(?![0-9])(?:\.[0-9]{1,8})?|[0-9]{1,15}(?:\.[0-9]{1,8})?)"
_CHINESE = (
    r"(?<![〇零一二两三四五六七八九十百千万亿])[一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]{0,12}"
    r"(?:点[〇零一二三四五六七八九]{1,8})?"
)
_NUMBER = rf"(?:{_ARABIC}|{_CHINESE})"
_ABOUT = r"大约|将近|接近|超过|约有|约|近|逾"
_UNITS = "|".join(
    f"{re.escape(unit)}(?!{after})" if after else re.escape(unit)
    for unit, after in sorted(_MEASURES.items(), key=lambda item: -len(item[0]))
)
_THRESHOLD = (
    r"(?:以上|以下)的?(?:较大|重大|特大|一般|事故|案件|火灾|团伙|集团)"  # 一次死亡3人以上较大事故: a class, no figure
)
_TENTHS = r"[一二两三四五六七八九]成(?:多|余)?(?!员|立|果|效|功|绩|本|交|年|为|不|就|熟|长)"
_QUANTITY = (
    rf"(?:百分之{_CHINESE}|{_TENTHS}|{_NUMBER} ?(?:余|多)? ?(?:个)?百分点|{_NUMBER} ?(?:余|多)? ?(?:%|倍)"
    rf"|{_NUMBER} ?(?:余|多)?(?:万|亿)?(?:余|多)? ?(?:{_UNITS}))"
    rf"(?!{_THRESHOLD})(?:左右|以上|以下)?"
)
_LEVEL = rf"(?:{_ABOUT})?{_QUANTITY}|(?:{_ABOUT}|上)[百千万](?:余|多)?(?:{_UNITS})"  # 近千名, 上万人
_MOVE = _alternation([word for word in FALL_WORDS + RISE_WORDS if "幅" not in word])
_VERBS = _alternation(
    [word for word in FALL_WORDS + RISE_WORDS if "幅" not in word], {"增": "(?<!新)增"}
)  # 新增3起 is a level (newly added), not a rise
_NOUNS = _alternation([word for word in FALL_WORDS + RISE_WORDS if "幅" in word])
_YEAR_OF = r"(?:[0-9]{4}年|上年|去年|前年)(?:底|末)?的?"
_PAIR_SIDE = rf"(?:{_LEVEL}|{_ARABIC}(?![0-9年月日]))"
_PAIR_FIRST = (
    rf"(?:{_LEVEL}|{_NUMBER}(?:万|亿)|{_ARABIC}(?![0-9年月日]))"  # 从2.4万下降至1.6万起: the measure word once
)

_FIGURES = re.compile(
    rf"(?P<from_to>(?:从|由)(?:{_YEAR_OF})?{_PAIR_FIRST}(?:{_MOVE})?(?:至|到|为)(?:{_YEAR_OF})?{_PAIR_SIDE})"
    rf"|(?P<rank>(?:全国|全省|全市|全县|全区)(?:排名|位列|位居|名列|排)?第(?:[0-9]{{1,4}}|[一二三四五六七八九十]{{1,4}})(?:名|位)?)"
    r"|(?P<skip>[0-9]{4} ?年(?:度|[0-9]{1,2}月(?:[0-9]{1,2}日)?)?|[0-9]{1,2}月(?:[0-9]{1,2}日)?|[0-9]{1,2}日"
    r"|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?|0[0-9]{2,3}-[0-9]{7,8}"
    rf"|第(?:[0-9]{{1,4}}|[一二三四五六七八九十百千]{{1,6}})|每{_NUMBER}(?:万|亿)?(?:{_UNITS})?)"
    rf"|(?P<duration>(?:连续|长达|超过|近|逾)(?:[0-9]{{1,3}}|{_CHINESE})(?:多|余)?(?:个月|年)(?!度)"
    rf"|(?:[0-9]{{1,3}}|{_CHINESE})(?:多|余)?年(?=来|以来))"
    rf"|(?P<change>(?:{_VERBS})(?!至|到|为)了?(?:{_ABOUT})?{_QUANTITY}"
    rf"|(?:{_NOUNS})(?:为|达到|达|是)?(?:{_ABOUT})?{_QUANTITY}|(?<=同比|环比)[+\-−](?:{_ARABIC}) ?%)"
    rf"|(?P<level>{_LEVEL})"
    rf"|(?P<bare>{_ARABIC})"
)
_QUANTITY_PARTS = re.compile(
    rf"(?P<about>{_ABOUT}|上)?(?:百分之(?P<percent>{_CHINESE})|(?P<tenths>[一二两三四五六七八九])成(?P<more_tenths>多|余)?"
    rf"|(?P<number>{_NUMBER}|[百千万]) ?(?P<more>余|多)?(?P<scale>万|亿)?(?P<more_scaled>余|多)?"
    rf" ?(?P<unit>个?百分点|%|倍|{_alternation(_MEASURES)}))"
    r"(?P<around>左右|以上|以下)?"
)
_PAIR_PARTS = re.compile(
    rf"(?:从|由)(?:(?P<year>[0-9]{{4}})年(?:底|末)?的?|{_YEAR_OF})?(?P<before>{_PAIR_FIRST})(?:{_MOVE})?(?:至|到|为)"
    rf"(?:{_YEAR_OF})?(?P<after>.+)"
)
_DURATION_PARTS = re.compile(
    rf"(?P<prefix>连续|长达|超过|近|逾)?(?P<number>[0-9]+|{_CHINESE})(?P<more>多|余)?(?P<unit>个月|年)"
)
_CHANGE_LEAD = re.compile(rf"(?P<word>{_alternation(FALL_WORDS + RISE_WORDS)})了?(?:为|达到|达|是)?")

# Between a level and its change, a comparison; between enumerated figures, a link word.
_JOIN = re.compile(
    r",? ?(?:同比|环比|较上年同期|较去年同期|较上一年|比上一年|较上年|比上年|较去年|比去年|较[0-9]{4}年"
    r"|比[0-9]{4}年)? ?"
)
_LINK = re.compile(r" ?(?:以及|、|和|及|与)? ?")  # 上升22.7%20.1%: a list printed without its 、
_CLAUSE_MARKS = ",;:。!?\n()《》【】"
_CLAUSE_WINDOW = 60  # characters: no subject is longer, and text without punctuation stays linear
_SENTENCE_BREAK = re.compile(r"[;。!?\n]")
_SUBJECT_LEAD = re.compile(
    r"(?:其中|共有|上年同期|去年同期|全年|全市|全省|全县|全区|全国|我市|我省|我县|我区|本市|今年|去年|上年|当年"
    r"|这一年|一年来|经努力|经过努力|据统计|统计显示|数据显示|此外|同时|另外|共计|累计|总计|合计|以及|[0-9]{4}年度?(?:以来)?|[0-9]{1,2}月份?"
    r"|共|和|及|与|、|的|在|并|且|还|也| )+"
)
_SUBJECT_TRAIL = re.compile(
    r"(?:同比|环比|较上年同期|较去年同期|较上年|比上年|较去年|比去年|与上年相比|较[0-9]{4}年|比[0-9]{4}年|分别|共计|共|累计"
    r"|达到|达|(?<![行作认成因])为|是|了|创出|创下|创|实现|保持|控制在|连续|已|(?<!人)均|都|也|的|位居|位列|名列|排名"
    r"|约|近|超过|逾|再|又| )+$"
)
_SUBJECT_MOVED = re.compile(r"(?:下降|降低|减少|上升|增长|增加|提升|提高|降|升|增|减)(?:至|到)")  # 人数降至… 17人
_SUBJECT_TOTAL = re.compile(
    r"共计|累计|总计|合计|共有|(?<!公)共(?!享|建|治|同|青|产)"
)  # 法院共新收各类案件: 新收各类案件
_SUBJECT_SPLIT = re.compile(r"以及|、|和|与|及(?!以上|以下)")
_CLOSING = {"“": "”", "‘": "’", "「": "」"}
_OPENING = {closing: opening for opening, closing in _CLOSING.items()}
POLL_WORDS = re.compile(r"安全感|满意|获得感|幸福感|知晓率|参与率")  # what a public-opinion poll measures
_SCORE_WORDS = re.compile(r"安全感|满意度|获得感|幸福感|得分|指数|测评|评分|率")
_SCORE_LEADS = ("达到", "达", "为", "是", "至", "到", "得分", "指数")
_SCORE = re.compile(rf"(?:{_ABOUT})?(?:{_ARABIC})")

_SET_PHRASE = re.compile(r"[一二两三四五六七八九十](?:个|件|项)")
_SET_PHRASE_NOUN = re.compile(r"[\u4e00-\u9fff]")  # a noun right after it, with no number of its own
_LONE_ONE = re.compile(rf"(?:{_ABOUT})?一(?![〇零一二两三四五六七八九十百千万亿点])")
_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_TENS = {"十": 10, "百": 100, "千": 1000}


@dataclass
class _Figure:
    """A figure while it is being read, in offsets of the normalised text."""

    kind: str  # the Reading kinds, plus "points" (个百分点 with no direction) while enumerations are read
    start: int
    end: int
    value: Decimal | None = None
    unit: str = ""
    written_unit: str = ""
    approximate: bool = False
    change: Decimal | None = None
    change_unit: str = ""
    sign: int = 1
    previous: Decimal | None = None
    group: list[_Figure] | None = None
    qualifier: str = ""
    previous_year: int | None = None
    previous_text: str = ""


def find_figures(text: str) -> list[Reading]:
    """Every figure in ``text``, in reading order, with offsets in ``text`` as given."""
    folded, origin = _normalise(text)
    figures = [figure for match in _FIGURES.finditer(folded) if (figure := _figure(match, folded))]
    figures = _enumerate(figures, folded)
    groups = _join_changes(_groups(figures), folded)
    subjects = _subjects(groups, folded, text, origin)
    return [
        _reading(figure, subject, text, origin)
        for group, names in zip(groups, subjects)
        for figure, subject in zip(group, names)
    ]


def read_level(text: str) -> Reading | None:
    """``text`` read as exactly one level as written ("611起", "5.58亿元", "98.2%", "97.87"), else None."""
    reading = _only_reading(text)
    if reading is None:
        folded, _ = _normalise(text.strip())
        if _SCORE.fullmatch(folded):
            return _score(text)
        return None
    return reading if reading.kind == "level" else None


def read_change(text: str) -> Reading | None:
    """``text`` read as exactly one change as written ("下降13.8%", "上升2.1个百分点"), else None."""
    reading = _only_reading(text)
    return reading if reading is not None and reading.kind == "change" else None


def read_pair(text: str) -> Reading | None:
    """``text`` read as exactly one from-to pair as written ("由58起下降至47起"), else None."""
    reading = _only_reading(text)
    return reading if reading is not None and reading.kind == "from_to" else None


def read_in_sentence(text: str, sentence: str, kind: str) -> Reading | None:
    """``text`` read where it stands in ``sentence``: a member of an enumeration takes its direction
    from the list (同比分别上升20%、35.5%: "35.5%" is a rise). ``kind`` is "level" or "change"."""
    for reading in find_figures(sentence):
        if reading.text == text and (reading.change if kind == "change" else reading.value) is not None:
            return reading
    return None


def _only_reading(text: str) -> Reading | None:
    """The one reading that is the whole of ``text`` (surrounding spaces aside), else None."""
    stripped = text.strip()
    readings = find_figures(stripped)
    if len(readings) != 1 or readings[0].start != 0 or readings[0].end != len(stripped):
        return None
    shift = len(text) - len(text.lstrip())
    return replace(readings[0], start=readings[0].start + shift, end=readings[0].end + shift)


def _score(text: str) -> Reading:
    """A bare number given as a level: a score (unit "")."""
    stripped = text.strip()
    folded, _ = _normalise(stripped)
    about = re.match(_ABOUT, folded)
    number = _number(folded[about.end() if about else 0 :])
    shift = len(text) - len(text.lstrip())
    return Reading(stripped, shift, shift + len(stripped), float(number), "", bool(about), None, "", "", "level")


def _normalise(text: str) -> tuple[str, list[int]]:
    """NFKC (full-width digits and signs) and Traditional folded to Simplified, with the offset in
    ``text`` of each character of the result (one past the end appended)."""
    if unicodedata.is_normalized("NFKC", text):
        return text.translate(_TRADITIONAL), list(range(len(text) + 1))
    pieces, origin = [], []
    for index, char in enumerate(text):
        piece = unicodedata.normalize("NFKC", char)
        pieces.append(piece)
        origin.extend([index] * len(piece))
    origin.append(len(text))
    return "".join(pieces).translate(_TRADITIONAL), origin


def _figure(match: re.Match, folded: str) -> _Figure | None:
    """The figure one match of the grammar stands for, or None (a date, an ordinal, a stray number)."""
    kind, start, end, written = match.lastgroup, match.start(), match.end(), match.group()
    if kind == "skip":
        return None
    if kind == "bare":
        return _bare_score(folded, start, end)
    if kind == "rank":
        place = written[written.index("第") + 1 :].rstrip("名位")
        return _Figure("rank", start, end, _number(place))
    if kind == "duration":
        parts = _DURATION_PARTS.fullmatch(written)
        unit = UNIT_FACTORS[parts["unit"]][0]
        return _Figure(
            "duration",
            start,
            end,
            _number(parts["number"]),
            unit,
            parts["unit"],
            parts["prefix"] in ("近", "超过", "逾") or bool(parts["more"]),
        )
    if kind == "from_to":
        return _pair(written, start, end)
    if kind == "change":
        return _change(written, start, end)
    if start and folded[start - 1] in '“「『"' and not written[0].isascii():
        return None  # a slogan's numeral: “两个维护”, “三个一律”
    if _SET_PHRASE.fullmatch(written) and _SET_PHRASE_NOUN.match(folded, end):
        return None  # 两个大局, 两件大事: a set phrase, not a count
    if folded[end : end + 1] and folded[end] in '“「"' and not re.search(r"[0-9]", written):
        return None  # 三个“一律”, 两个“维护”: a slogan's numeral (84个“抗震前线110” is a count)
    return _level(written, start, end)


def _level(written: str, start: int, end: int) -> _Figure | None:
    """A level such as 611起, 5.58亿元, 98.2%, 两成; None for a lone 一 (一起 is "together", 一批 "a batch")."""
    quantity = _quantity(written)
    if quantity is None or _LONE_ONE.match(written):
        return None
    value, base, unit, qualifier = quantity
    if unit == "倍":
        return None  # 是上年的1.5倍 is a ratio; only 增长1.5倍 (a change of +150%) is read
    if base in _DIGITS_ONLY and not re.search(r"[0-9]", written):
        return None  # 四项制度 names a set of rules; 89项 counts them
    return _Figure(
        "points" if base == "个百分点" else "level", start, end, value, base, unit, bool(qualifier), qualifier=qualifier
    )


def _change(written: str, start: int, end: int) -> _Figure | None:
    """A change: a direction word and a quantity (下降13.8%, 降幅34.3%), or a signed percentage."""
    lead = _CHANGE_LEAD.match(written)
    sign = -1 if (written[0] in "-−" or (lead and lead["word"] in FALL_WORDS)) else 1
    quantity = _quantity(written[lead.end() :] if lead else written[1:])
    if quantity is None:
        return None
    value, base, written_unit, qualifier = quantity
    return _Figure(
        "change",
        start,
        end,
        approximate=bool(qualifier),
        change=sign * value,
        change_unit=base,
        sign=sign,
        qualifier=qualifier,
        written_unit=written_unit,
    )


def _pair(written: str, start: int, end: int) -> _Figure | None:
    """A from-to pair: the later level is the value, the earlier one ``previous``."""
    parts = _PAIR_PARTS.fullmatch(written)
    after = _quantity(parts["after"])
    before = _quantity(parts["before"]) or (after and _quantity(parts["before"] + after[1]))
    if before is None or after is None or before[1] != after[1]:
        return None
    return _Figure(
        "from_to",
        start,
        end,
        after[0],
        after[1],
        after[2],
        bool(before[3] or after[3]),
        previous=before[0],
        qualifier=before[3] or after[3],
        previous_year=int(parts["year"]) if parts["year"] else None,
        previous_text=parts["before"],
    )


def _quantity(written: str) -> tuple[Decimal, str, str, str] | None:
    """(value in base units, base unit, unit as written, qualifier) of a written quantity, where the
    qualifier is the words that make it approximate ("" when exact); a bare number is a score."""
    if re.fullmatch(_ARABIC, written):
        return _number(written), "", "", ""
    parts = _QUANTITY_PARTS.fullmatch(written)
    if parts is None:
        return None
    approximate = "".join(parts[name] or "" for name in ("about", "more_tenths", "more", "more_scaled", "around"))
    if parts["percent"]:
        return _number(parts["percent"]), "%", "%", approximate
    if parts["tenths"]:
        return _number(parts["tenths"]) * 10, "%", "成", approximate
    number, scale, unit = parts["number"], parts["scale"] or "", parts["unit"]
    if not scale and number[-1] in "万亿" and len(number) > 1:
        number, scale = number[:-1], number[-1]
    written_unit = "个百分点" if unit.endswith("百分点") else scale + unit
    base, factor = UNIT_FACTORS.get(written_unit, (unit, _SCALES[scale]))
    return _number(number) * Decimal(factor), base, written_unit, approximate


def _number(written: str) -> Decimal:
    """An Arabic (79,362) or Chinese (一百零五, 十三点八) numeral."""
    if written[0].isascii():
        return Decimal(written.replace(",", ""))
    whole, _, fraction = written.partition("点")
    total = section = digit = 0
    for char in whole:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _TENS:
            section, digit = section + (digit or 1) * _TENS[char], 0
        elif char == "万":
            total, section, digit = total + ((section + digit) or 1) * 10_000, 0, 0
        elif char == "亿":
            total, section, digit = ((total + section + digit) or 1) * 100_000_000, 0, 0
    decimals = "".join(str(_DIGITS[char]) for char in fraction)
    return Decimal(total + section + digit) + (Decimal("0." + decimals) if decimals else 0)


def _bare_score(folded: str, start: int, end: int) -> _Figure | None:
    """A number with no unit counts only as a score: after 达/为 in a clause about 安全感, 满意度 …"""
    clause = _clause_start(folded, start)
    value = _number(folded[start:end])
    if (
        folded.endswith(_SCORE_LEADS, 0, start)
        and _SCORE_WORDS.search(folded, clause, start)
        and value <= 100
        and folded[end : end + 1] not in ("年", "月", "日", "号", "-", ":", "/")
    ):
        return _Figure("level", start, end, value)
    return None


def _clause_start(folded: str, position: int) -> int:
    """Where the clause holding ``position`` begins (looking back at most _CLAUSE_WINDOW characters)."""
    window = max(0, position - _CLAUSE_WINDOW)
    return max(max(folded.rfind(mark, window, position) for mark in _CLAUSE_MARKS) + 1, window)


def _enumerate(figures: list[_Figure], folded: str) -> list[_Figure]:
    """Figures listed after a change (下降13.3%和8.3%; 下降6.7%、12.8%) become changes the same way and
    unit; figures listed together share a group. Points left alone are dropped."""
    for index, figure in enumerate(figures):
        head = figure.group[0] if figure.group else figure
        following = figures[index + 1] if index + 1 < len(figures) else None
        if following is None or not _LINK.fullmatch(folded, figure.end, following.start):
            continue
        if head.kind == "change" and _same_measure(head, following):
            _listed_change(following, head)
        elif head.kind == "change" and following.kind == "change" and following.change_unit == head.change_unit:
            pass  # 同比分别上升12%、下降20%: each member keeps its own direction
        elif not (head.kind == "level" and following.kind == "level"):
            continue
        figure.group = figure.group or [figure]
        figure.group.append(following)
        following.group = figure.group
    return [figure for figure in figures if figure.kind != "points"]


def _listed_change(listed: _Figure, change: _Figure) -> None:
    """Turn a listed level into a change of the same direction and unit as ``change``."""
    listed.kind, listed.sign, listed.change = "change", change.sign, change.sign * listed.value
    listed.change_unit, listed.value, listed.unit, listed.written_unit = change.change_unit, None, "", ""


def _same_measure(change: _Figure, listed: _Figure) -> bool:
    """Whether ``listed`` can continue the enumeration of ``change``: the same kind of unit."""
    if change.change_unit == "个百分点":
        return listed.kind == "points"
    return listed.kind == "level" and listed.unit == change.change_unit


def _groups(figures: list[_Figure]) -> list[list[_Figure]]:
    """Figures in reading order, those of one enumeration together."""
    groups: list[list[_Figure]] = []
    for figure in figures:
        if figure.group is None:
            groups.append([figure])
        elif figure.group[0] is figure:
            groups.append(figure.group)
    return groups


def _join_changes(groups: list[list[_Figure]], folded: str) -> list[list[_Figure]]:
    """A lone level or from-to pair directly followed by a lone change (611起,同比增长40.46%) is one figure,
    unless the change counts something else (2起,同比减少3人)."""
    joined: list[list[_Figure]] = []
    for group in groups:
        if (
            joined
            and len(group) == 1
            and len(joined[-1]) == 1
            and group[0].kind == "change"
            and joined[-1][0].kind in ("level", "from_to")
            and joined[-1][0].change is None
            and _JOIN.fullmatch(folded, joined[-1][0].end, group[0].start)
            and group[0].change_unit in ("%", "个百分点", joined[-1][0].unit)
        ):  # 2起,同比减少3人: two figures
            level, change = joined[-1][0], group[0]
            level.kind = "level_change" if level.kind == "level" else "from_to"
            level.end, level.change, level.change_unit = change.end, change.change, change.change_unit
            level.approximate = level.approximate or change.approximate
            continue
        joined.append(group)
    return joined


def _subjects(groups: list[list[_Figure]], folded: str, text: str, origin: list[int]) -> list[list[str]]:
    """For each group, the phrase each figure is about: the clause before it, its fillers stripped;
    listed subjects (A、B和C) are paired in order; an empty clause takes the subjects of the figures
    just before it in the sentence (同比分别下降 after two levels takes their two subjects)."""
    breaks = [match.start() for match in _SENTENCE_BREAK.finditer(folded)]
    subjects: list[list[str]] = []
    sentence, in_sentence, previous_end = -1, [], 0
    for group in groups:
        if bisect_left(breaks, group[0].start) != sentence:
            sentence, in_sentence = bisect_left(breaks, group[0].start), []
        start = max(_clause_start(folded, group[0].start), previous_end)
        spans = _subject_spans(folded, start, group[0].start, len(group))
        names = [text[origin[left] : origin[right]] for left, right in spans]
        if not any(names):
            names = in_sentence[-len(group) :] or [""]
        names = names if len(names) == len(group) else [names[-1]] * len(group)
        subjects.append(names)
        in_sentence.extend(names)
        previous_end = group[-1].end
    return subjects


def _subject_spans(folded: str, start: int, end: int, count: int) -> list[tuple[int, int]]:
    """The subject's span(s) in the normalised text: ``count`` listed parts when there are that many,
    else one span."""
    start, end = _strip_subject(folded, start, end)
    if count > 1:
        cuts = [(match.start(), match.end()) for match in _SUBJECT_SPLIT.finditer(folded, start, end)]
        parts = [
            _strip_subject(folded, left, right)
            for left, right in zip([start] + [cut[1] for cut in cuts], [cut[0] for cut in cuts] + [end])
        ]
        if len(parts) == count and all(left < right for left, right in parts):
            return parts
    return [(start, end)]


def _strip_subject(folded: str, start: int, end: int) -> tuple[int, int]:
    """The span without its leading scope words (全市, 全年 …), the agent before 共 (法院共新收…), what
    follows a move to a level (降至…), trailing verbs and fillers (同比, 达 …) and unpaired quotation marks."""
    lead = _SUBJECT_LEAD.match(folded, start, end)
    start = lead.end() if lead else start
    moved = _SUBJECT_MOVED.search(folded, start, end)
    end = moved.start() if moved else end
    trail = _SUBJECT_TRAIL.search(folded, start, end)
    end = trail.start() if trail else end
    totals = [match.end() for match in _SUBJECT_TOTAL.finditer(folded, start, end) if match.end() < end]
    start = totals[-1] if totals else start
    while start < end and _loose(folded, start, start, end):
        start += 1
    while end > start and _loose(folded, end - 1, start, end):
        end -= 1
    return start, end


def _loose(folded: str, index: int, start: int, end: int) -> bool:
    """Whether the character at ``index`` is a space or a quotation mark unpaired within [start, end)."""
    char = folded[index]
    if char in _CLOSING:
        return folded.find(_CLOSING[char], start, end) < 0
    if char in _OPENING:
        return folded.find(_OPENING[char], start, end) < 0
    return char == " "


def _reading(figure: _Figure, subject: str, text: str, origin: list[int]) -> Reading:
    """The public, frozen reading of a figure, with offsets in the original text."""
    start, end = origin[figure.start], origin[figure.end - 1] + 1
    return Reading(
        text=text[start:end],
        start=start,
        end=end,
        value=None if figure.value is None else float(figure.value),
        unit=figure.unit,
        approximate=figure.approximate,
        change=None if figure.change is None else float(figure.change),
        change_unit=figure.change_unit,
        subject=subject,
        kind=figure.kind,
        previous=None if figure.previous is None else float(figure.previous),
        written_unit=figure.written_unit,
        qualifier=figure.qualifier,
        previous_year=figure.previous_year,
        previous_text=figure.previous_text,
    )

"""The docs name only what exists, and name what the code has (in the spirit of datasette's
tests/test_docs.py).

The README and every guide in docs/ are read as a person reads them. What they name must exist: a
repository path in backticks, a ``make`` target, an environment variable, a link parameter, a
command-line option, a chart kind, a narrative mode, a picture, a link between the docs. What the
code has must be named: every environment variable it reads, every link parameter, every option of
every command line, every chart kind and narrative mode, every picture in docs/images. The code's
lists are imported or read from the code itself, never copied here. No machine's absolute path
appears in the docs."""

from __future__ import annotations

import argparse
import ast
import csv
import importlib
import importlib.util
import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from unittest import mock

import pytest

from components.data import schema
from components.links import LINK_KEYS
from tests.support.data_files import DATA, ROOT

GUIDES = sorted((ROOT / "docs").glob("*.md"))
DOCS = [ROOT / "README.md", *GUIDES]
IMAGES = ROOT / "docs" / "images"
# Made by a make target, never kept in the repository: named in the docs, absent from a clean clone.
GENERATED = ("dist/", "test-artifacts/", ".venv/")
# A file name without a folder is checked when it has one of these endings (a meeting-pack file such
# as fire.png or …会议材料.html is what the app writes, not a file of the repository).
SOURCE_ENDINGS = (".py", ".md", ".toml", ".csv", ".txt", ".json", ".j2", ".ini", ".sh", ".service", ".template")
MACHINE_PATH = re.compile(r"(?<![\w.~-])/(?:work|root|home|tmp|Users|mnt)/|\b[A-Z]:\\\\")
ENV_NAME = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")  # DASHBOARD_DATA_DIR, APP_PORTS
LINK_PARAM = re.compile(r"[?&]([A-Za-z_][\w-]*)=")  # ?domain=, &step=
OPTION = re.compile(r"(?<![\w-])--[a-z][\w-]*")
MAKE = re.compile(r"(?:^|[\s;&|(])make\s+([a-z][\w-]*)")
CLASS_NAME = re.compile(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+")  # `PageContext`, `SharedChart`
PYTHON_MODULE = re.compile(r"-m\s+((?:components|benchmarks)(?:\.\w+)+)")
# A path of the repository inside a code block: it starts with one of the repository's folders.
BLOCK_PATH = re.compile(r"(?<![\w./-])((?:components|tests|deploy|docs|data|benchmarks|\.streamlit|\.ci)/[\w./-]*\w)")
SCRIPT = re.compile(r"(?<![\w-])(install\.sh|update-data|serve-behind-nginx|bundle)\b")  # the deploy scripts


@dataclass(frozen=True)
class Doc:
    """One Markdown file as a reader meets it: its code blocks, the inline code of its prose, and
    its sections (a heading and everything up to the next one, code blocks included)."""

    path: Path
    text: str

    @property
    def name(self) -> str:
        return str(self.path.relative_to(ROOT))

    @property
    def blocks(self) -> list[tuple[str, str]]:
        """(info string, body) of each fenced code block."""
        return re.findall(r"^```([^\n]*)\n(.*?)^```", self.text, re.M | re.S)

    @property
    def prose(self) -> str:
        return re.sub(r"^```[^\n]*\n.*?^```", "", self.text, flags=re.M | re.S)

    @property
    def spans(self) -> list[str]:
        """The inline code of the prose (`...`)."""
        return re.findall(r"`([^`\n]+)`", self.prose)

    @property
    def commands(self) -> list[str]:
        """Each command line of the code blocks (continuation lines joined), and each inline code span."""
        lines = [line for _, body in self.blocks for line in body.replace("\\\n", " ").splitlines()]
        return [*lines, *self.spans]

    @property
    def sections(self) -> list[str]:
        """The text under each heading (a `#` line inside a code block is no heading)."""
        sections, current, in_code = [], [], False
        for line in self.text.splitlines():
            in_code ^= line.startswith("```")
            if line.startswith("#") and not in_code and current:
                sections.append("\n".join(current))
                current = []
            current.append(line)
        return [*sections, "\n".join(current)]

    @property
    def slugs(self) -> set[str]:
        """The anchors of its headings, as GitHub makes them."""
        slugs, counts = set(), {}
        for heading in re.findall(r"^#+ (.+)$", self.prose, re.M):
            slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
            counts[slug] = counts.get(slug, -1) + 1  # a repeated heading's anchor ends -1, -2, …
            slugs.add(f"{slug}-{counts[slug]}" if counts[slug] else slug)
        return slugs


def read(path: Path) -> Doc:
    return Doc(path, path.read_text(encoding="utf-8"))


ALL = [read(path) for path in DOCS]


# What the repository holds --------------------------------------------------------------------------


@cache
def repository_paths() -> tuple[set[str], set[str]]:
    """Every file git holds and every folder of one, relative to the root: what a clean clone has."""
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    files = set(listed.splitlines())
    folders = {str(parent) for name in files for parent in Path(name).parents if str(parent) != "."}
    return files, folders


def path_exists(name: str) -> bool:
    """A path from the repository root, or the end of one (`templates/page.css.j2`, `figures.csv`)."""
    files, folders = repository_paths()
    name = name.rstrip("/")
    every = files | folders
    return name in every or any(path.endswith("/" + name) for path in every)


def backticked_paths(doc: Doc) -> list[str]:
    """Words of the inline code that name a repository path: with a folder, or a file name with a
    source ending. URLs, globs, placeholders (<…>, …, upper-case words), absolute paths of the
    server, options and generated folders are not paths of the repository."""
    found = []
    for span in doc.spans:
        for word in span.split():
            word = word.strip("()[]{},;'\"").split("::")[0]
            word = re.sub(r":\w+$", "", word)  # tests/support/hostile.py:inject_markup
            if (
                not word
                or "://" in word
                or any(mark in word for mark in "*<>…$=?")
                or (word.startswith(("/", "~", "-", ".")) and not word.startswith(".streamlit"))
                or not word.isascii()
                or word.startswith(GENERATED)
            ):
                continue
            if "/" in word or word.endswith(SOURCE_ENDINGS):
                found.append(word)
    return found


def block_paths(doc: Doc) -> list[str]:
    """Repository paths in the code blocks (commands, trees, example output), globs and placeholders aside."""
    return [
        path
        for _, body in doc.blocks
        for path in BLOCK_PATH.findall(body)
        if not any(mark in path for mark in "*<>…$") and not path.startswith(GENERATED)
    ]


# What the code has ----------------------------------------------------------------------------------


def python_files() -> list[Path]:
    return [*sorted((ROOT / "components").rglob("*.py")), ROOT / "dashboard.py"]


def deploy_scripts() -> list[Path]:
    return [path for path in sorted((ROOT / "deploy").iterdir()) if path.is_file() and path.name != "VERSION"]


@cache
def code_text() -> str:
    """The code an environment variable may be named in: the app, the deploy scripts, the server's
    settings and the Makefile."""
    paths = [*python_files(), *deploy_scripts(), ROOT / ".streamlit" / "config.toml", ROOT / "Makefile"]
    return "\n".join(path.read_text(encoding="utf-8") for path in paths)


@cache
def code_of_the_tests() -> str:
    """The tests' code (this file aside: a name it mentions is no proof of anything)."""
    paths = [path for path in sorted((ROOT / "tests").rglob("*.py")) if path.name != Path(__file__).name]
    return "\n".join(path.read_text(encoding="utf-8") for path in paths)


@cache
def environment_reads() -> frozenset[str]:
    """Every environment variable the code reads: os.environ.get / os.getenv / os.environ[...] in
    Python (a name resolved through the module-level string constants of the code), ${NAME:-…}
    defaults in the deploy scripts, ${NAME} in the systemd unit, and NAME ?= in the Makefile."""
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in python_files()]
    constants: dict[str, set[str]] = {}
    for tree in trees:
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        constants.setdefault(target.id, set()).add(node.value.value)

    def names(node: ast.expr) -> set[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        key = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
        assert key in constants, f"an environment variable read through {ast.unparse(node)}, which names no constant"
        return constants[key]

    read_names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func) in ("os.environ.get", "os.getenv", "environ.get"):
                read_names |= names(node.args[0])
            elif isinstance(node, ast.Subscript) and ast.unparse(node.value) in ("os.environ", "environ"):
                read_names |= names(node.slice)
    for path in deploy_scripts():
        text = path.read_text(encoding="utf-8")
        read_names |= set(re.findall(r"\$\{([A-Z][A-Z0-9_]*):?[-?=]", text))
        if path.suffix == ".service":
            read_names |= set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)\}", text))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    read_names |= set(re.findall(r"^([A-Z][A-Z0-9_]*)\s*\?=", makefile, re.M))
    return frozenset(read_names)


@cache
def make_targets() -> frozenset[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return frozenset(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", makefile, re.M))


class _Parsed(Exception):
    def __init__(self, parser: argparse.ArgumentParser):
        self.parser = parser


def _stop(parser: argparse.ArgumentParser, *args, **kwargs):
    raise _Parsed(parser)


@cache
def command_lines() -> dict[str, frozenset[str]]:
    """Each command line of components/ (a module that builds an argparse parser) and its options,
    read from the parser its main() builds (stopped before it parses anything)."""
    commands = {}
    for path in sorted((ROOT / "components").rglob("*.py")):
        if "ArgumentParser(" not in path.read_text(encoding="utf-8"):
            continue
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        try:
            with mock.patch.object(argparse.ArgumentParser, "parse_args", _stop):
                importlib.import_module(module).main([])
        except _Parsed as parsed:
            options = {option for action in parsed.parser._actions for option in action.option_strings}
        else:
            raise AssertionError(f"{module}.main() parsed no options")
        name = module.removesuffix(".__main__")  # python -m components.ingest
        commands[name] = frozenset(option for option in options if option.startswith("--") and option != "--help")
    return commands


@cache
def options_of_scripts() -> dict[str, frozenset[str]]:
    """Each deploy script and the options it takes (its `case` labels: --prefix)."""
    return {
        path.name: frozenset(
            option
            for label in re.findall(r"^\s*([-|\w\"]+)\)", path.read_text(encoding="utf-8"), re.M)
            for option in OPTION.findall(label)
        )
        for path in deploy_scripts()
    }


def script_options() -> frozenset[str]:
    """The options the deploy scripts take, which the docs name too."""
    return frozenset().union(*options_of_scripts().values())


# The mentions ----------------------------------------------------------------------------------------


def class_names(doc: Doc) -> list[str]:
    return [span for span in doc.spans if CLASS_NAME.fullmatch(span)]


def make_commands(doc: Doc) -> list[str]:
    return [target for line in doc.commands for target in MAKE.findall(line)]


def python_modules(doc: Doc) -> list[str]:
    return [module for line in doc.commands for module in PYTHON_MODULE.findall(line)]


def example_values(field: str):
    """The values of ``field = "…"`` in the docs' code blocks (a charts.toml entry)."""
    return lambda doc: [value for _, body in doc.blocks for value in re.findall(rf'^{field} = "(\w+)"', body, re.M)]


def command_options(doc: Doc) -> list[tuple[str, str]]:
    """(command, option) for each option written after `python -m components.X` in a command."""
    found = []
    for line in doc.commands:
        for match in PYTHON_MODULE.finditer(line):
            rest = re.split(r"&&|\|\||[|;]|\s#", line[match.end() :])[0]  # up to the next command or a comment
            found += [(match.group(1), option) for option in OPTION.findall(rest)]
    return found


def script_command_options(doc: Doc) -> list[tuple[str, str]]:
    """(script, option) for each option written after a deploy script in a command."""
    found = []
    for line in doc.commands:
        for match in SCRIPT.finditer(line):
            rest = re.split(r"&&|\|\||[|;]|\s#", line[match.end() :])[0]
            found += [(match.group(1), option) for option in OPTION.findall(rest)]
    return found


def lone_options(doc: Doc) -> list[str]:
    """Options written on their own in the prose (`--strict`, `--out whole.png`)."""
    return [OPTION.match(span).group(0) for span in doc.spans if OPTION.match(span)]


def table_keys(doc: Doc, header: str) -> list[str]:
    """The first cells (in backticks) of the Markdown table whose first header cell is ``header``."""
    match = re.search(rf"^\| {header} \|.*\n\|[-| ]+\|\n((?:\|.*\n)+)", doc.text, re.M)
    assert match, f"{doc.name} has no table headed `{header}`"
    return re.findall(r"^\| `([^`]+)` \|", match.group(1), re.M)


def table_rows(doc: Doc, header: str) -> dict[str, str]:
    """{first cell: second cell} of the Markdown table whose first header cell is ``header``."""
    match = re.search(rf"^\| {header} \|.*\n\|[-| ]+\|\n((?:\|.*\n)+)", doc.text, re.M)
    assert match, f"{doc.name} has no table headed `{header}`"
    return dict(re.findall(r"^\| `([^`]+)` \| ([^|]+?) \|", match.group(1), re.M))


def links(doc: Doc) -> list[str]:
    return [
        target for target in re.findall(r"\]\(([^)\s]+)\)", doc.prose) if not target.startswith(("http:", "https:"))
    ]


def images(doc: Doc) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", doc.prose) + re.findall(r"<img[^>]*\bsrc=\"([^\"]+)\"", doc.prose)


def mentions(find) -> list[tuple[str, str]]:
    """(doc, item) for each item ``find(doc)`` gives, once each."""
    return sorted({(doc.name, item) for doc in ALL for item in find(doc)})


def by_name(name: str) -> Doc:
    return next(doc for doc in ALL if doc.name == name)


USING, DATA_GUIDE = by_name("docs/using.md"), by_name("docs/data.md")


# Everything the docs name exists ---------------------------------------------------------------------


@pytest.mark.parametrize(("doc", "path"), mentions(backticked_paths))
def test_a_path_in_backticks_exists(doc, path):
    assert path_exists(path), f"{doc} names `{path}`, which is not in the repository"


@pytest.mark.parametrize(("doc", "path"), mentions(block_paths))
def test_a_path_in_a_code_block_exists(doc, path):
    assert path_exists(path), f"{doc} shows {path} in a code block, which is not in the repository"


@pytest.mark.parametrize(("doc", "name"), mentions(class_names))
def test_a_class_named_is_in_the_code(doc, name):
    """A CamelCase name (`SharedChart`, `AppTest`, `PrivateTmp`) is one the app, its deploy files or its tests use."""
    assert re.search(rf"\b{name}\b", code_text() + code_of_the_tests()), f"{doc} names `{name}`, which no code uses"


@pytest.mark.parametrize(("doc", "target"), mentions(make_commands))
def test_a_make_target_named_exists(doc, target):
    assert target in make_targets(), f"{doc} names `make {target}`; the Makefile has no such target"


@pytest.mark.parametrize(("doc", "name"), mentions(lambda doc: ENV_NAME.findall(doc.text)))
def test_an_environment_variable_named_is_in_the_code(doc, name):
    assert re.search(rf"\b{name}\b", code_text()), f"{doc} names {name}, which no code reads or writes"


@pytest.mark.parametrize(("doc", "param"), mentions(lambda doc: LINK_PARAM.findall(doc.text)))
def test_a_link_parameter_named_is_one_the_page_reads(doc, param):
    assert param in LINK_KEYS, f"{doc} names ?{param}=, which is not a link parameter ({', '.join(LINK_KEYS)})"


@pytest.mark.parametrize(("doc", "module"), mentions(python_modules))
def test_a_python_module_named_exists(doc, module):
    assert importlib.util.find_spec(module) is not None, f"{doc} runs `python -m {module}`, which does not exist"


@pytest.mark.parametrize(("doc", "command_option"), mentions(command_options))
def test_an_option_of_a_command_is_one_it_takes(doc, command_option):
    command, option = command_option
    assert command in command_lines(), f"{doc} gives {option} to `python -m {command}`, which takes no options"
    assert option in command_lines()[command], f"{doc}: `python -m {command}` has no option {option}"


@pytest.mark.parametrize(("doc", "script_option"), mentions(script_command_options))
def test_an_option_of_a_deploy_script_is_one_it_takes(doc, script_option):
    script, option = script_option
    takes = options_of_scripts().get(script, frozenset())
    assert option in takes, f"{doc}: deploy/{script} has no option {option}"


@pytest.mark.parametrize(("doc", "option"), mentions(lone_options))
def test_an_option_named_alone_is_one_a_command_takes(doc, option):
    known = set().union(*command_lines().values(), script_options())
    assert option in known, f"{doc} names {option}, which no command line or deploy script takes"


@pytest.mark.parametrize(("doc", "kind"), mentions(example_values("kind")))
def test_a_chart_kind_in_an_example_exists(doc, kind):
    assert kind in schema.CHART_KINDS, f"{doc}: kind = {kind!r} is no chart kind"


@pytest.mark.parametrize(("doc", "mode"), mentions(example_values("narrative")))
def test_a_narrative_mode_in_an_example_exists(doc, mode):
    assert mode in schema.NARRATIVE_MODES, f"{doc}: narrative = {mode!r} is no narrative mode"


@pytest.mark.parametrize(("doc", "src"), mentions(images))
def test_a_picture_shown_exists(doc, src):
    assert (ROOT / doc).parent.joinpath(src).resolve().is_file(), f"{doc} shows {src}, which is not there"


@pytest.mark.parametrize(("doc", "target"), mentions(links))
def test_a_link_between_the_docs_leads_somewhere(doc, target):
    path, _, anchor = target.partition("#")
    file = (ROOT / doc).parent.joinpath(path).resolve() if path else ROOT / doc
    assert file.exists(), f"{doc} links to {path}, which is not there"
    if anchor and file.suffix == ".md":
        assert anchor in read(file).slugs, f"{doc} links to #{anchor}, which is no heading of {file.name}"


@pytest.mark.parametrize("doc", [doc.name for doc in ALL])
def test_no_unfinished_text(doc):
    assert not re.search(r"\b(TODO|FIXME|XXX)\b", by_name(doc).text), f"{doc} has text left to write"


@pytest.mark.parametrize("doc", [doc.name for doc in ALL] + ["benchmarks/README.md"])
def test_no_absolute_path_of_a_machine(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    found = [line for line in text.splitlines() if MACHINE_PATH.search(line)]
    assert found == [], f"{doc} shows a path of one machine (write a relative path or a placeholder)"


# Everything the code has is documented ---------------------------------------------------------------


@pytest.mark.parametrize("guide", [path.name for path in GUIDES])
def test_the_readme_links_to_each_guide(guide):
    assert f"docs/{guide}" in links(by_name("README.md")), f"README.md does not link to docs/{guide}"


@pytest.mark.parametrize("name", sorted(environment_reads()))
def test_each_environment_variable_the_code_reads_is_documented(name):
    written_as_code = [text for doc in ALL for text in (*doc.spans, *(body for _, body in doc.blocks))]
    assert any(re.search(rf"\b{name}\b", text) for text in written_as_code), f"no doc names ${name} (in code)"


@pytest.mark.parametrize("param", LINK_KEYS)
def test_each_link_parameter_is_in_the_links_table(param):
    assert param in table_keys(USING, "parameter"), f"docs/using.md's table of link parameters has no `{param}`"


def test_the_links_table_holds_only_link_parameters():
    assert set(table_keys(USING, "parameter")) <= set(LINK_KEYS)


@pytest.mark.parametrize(
    ("command", "option"),
    sorted((command, option) for command, options in command_lines().items() for option in options),
)
def test_each_option_of_each_command_is_documented(command, option):
    """In one of the command's lines, or named alone in a section of the docs that runs the command."""
    in_a_command = any((command, option) in command_options(doc) for doc in ALL)
    in_its_section = any(
        command in section and option in lone_options(Doc(doc.path, section)) for doc in ALL for section in doc.sections
    )
    assert in_a_command or in_its_section, f"no doc shows `python -m {command} {option}`"


def test_the_chart_kinds_documented_are_the_code_s():
    """The kinds and what each draws, as the data contract (and so the JSON Schema) says."""
    assert table_rows(DATA_GUIDE, "kind") == schema.CHART_KINDS_DRAWN


def test_the_narrative_modes_documented_are_the_code_s():
    assert table_rows(DATA_GUIDE, "narrative") == schema.NARRATIVE_MODES


@pytest.mark.parametrize("picture", sorted(path.name for path in IMAGES.glob("*.png")))
def test_each_picture_in_docs_images_is_shown(picture):
    shown = {(ROOT / doc).parent.joinpath(src).resolve() for doc, src in mentions(images)}
    assert IMAGES / picture in shown, f"docs/images/{picture} is shown by no doc (make screenshots makes it?)"


def test_the_example_rows_are_those_of_the_data():
    """docs/data.md's rows of data/figures.csv, in the columns it shows, are the file's."""
    block = next(body for info, body in DATA_GUIDE.blocks if info.strip() == "csv")
    shown = list(csv.DictReader(block.splitlines()))
    with open(DATA / "figures.csv", encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert shown
    for row in shown:
        assert row["id"] in rows, f"docs/data.md shows {row['id']}, which data/figures.csv does not hold"
        assert row == {column: rows[row["id"]][column] for column in row}, row["id"]

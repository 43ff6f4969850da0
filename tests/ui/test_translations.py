"""Translations: the .ts files are complete and consistent, the .qm build matches lrelease,
and the app shows Russian when asked and English otherwise."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QMenu

from annotator.ui import linguist, translations
from annotator.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
UI = ROOT / "annotator" / "ui"
TS_FILES = {code: FOLDER / f"annotator_{code}.ts" for code in ("en", "ru")}
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:L?\d+|[A-Za-z])")
"""``{name}`` (str.format), ``%n`` (plural count), ``%1``, ``%v``/``%m`` (progress bars)."""
RUSSIAN_MENUS = ["&Файл", "&Правка", "&Вид", "&Кодовая книга", "Ко&дирование", "Ко&манда",
                 "Пе&реход", "&Справка"]
ENGLISH_MENUS = ["&File", "&Edit", "&View", "&Codebook", "C&oding", "&Team", "&Go", "&Help"]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _accelerators(text: str) -> int:
    return text.replace("&&", "").count("&")


@pytest.fixture(scope="module")
def ts() -> dict[str, linguist.TsFile]:
    return {code: linguist.read_ts(path) for code, path in TS_FILES.items()}


# --- the .ts files


def test_ts_files_parse_and_name_their_languages(ts: dict[str, linguist.TsFile]) -> None:
    assert ts["ru"].language == "ru" and ts["en"].language == "en"
    assert ts["ru"].source_language == ts["en"].source_language == "en"
    keys = {code: [(m.context, m.source, m.comment) for m in f.messages] for code, f in ts.items()}
    assert keys["ru"] == keys["en"]
    assert len(keys["ru"]) == len(set(keys["ru"])) > 500


@pytest.mark.parametrize("code", ["en", "ru"])
def test_every_message_is_finished_and_translated(ts: dict[str, linguist.TsFile],
                                                  code: str) -> None:
    forms = linguist.NUMERUS_RULES[code][1]
    for message in ts[code].messages:
        assert message.state == linguist.FINISHED, message
        assert len(message.translations) == (forms if message.numerus else 1), message
        assert all(text.strip() for text in message.translations), message


def test_english_is_the_source(ts: dict[str, linguist.TsFile]) -> None:
    for message in ts["en"].messages:
        if not message.numerus:
            assert message.translations == (message.source,)


@pytest.mark.parametrize("code", ["en", "ru"])
def test_placeholders_and_accelerators_match(ts: dict[str, linguist.TsFile], code: str) -> None:
    for message in ts[code].messages:
        wanted = Counter(PLACEHOLDER.findall(message.source))
        for text in message.translations:
            assert Counter(PLACEHOLDER.findall(text)) == wanted, (message.source, text)
            assert _accelerators(text) == _accelerators(message.source), (message.source, text)
            assert text.count("\n") == message.source.count("\n") or "\n\n" in text, text


def test_russian_is_russian(ts: dict[str, linguist.TsFile]) -> None:
    """Nearly every message with words in it is translated, not copied."""
    worded = [m for m in ts["ru"].messages if re.search(r"[A-Za-z]{3}", m.source)]
    cyrillic = [m for m in worded if any(re.search("[а-яА-ЯёЁ]", t) for t in m.translations)]
    assert len(cyrillic) > 0.97 * len(worded)


def _ast_messages() -> set[tuple[str, str, str]]:
    """(context, source, disambiguation) of self.tr, translate and QT_TRANSLATE_NOOP calls
    with literal strings: lupdate's rules, for machines without lupdate."""
    found: set[tuple[str, str, str]] = set()

    def visit(node: ast.AST, owner: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str)
                        else None for a in child.args]
                if name == "tr" and owner and args and args[0] is not None:
                    found.add((owner, args[0], (args[1:] + [""])[0] or ""))
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and (
                        args[0] is not None and args[1] is not None):
                    found.add((args[0], args[1], (args[2:] + [""])[0] or ""))
            visit(child, child.name if isinstance(child, ast.ClassDef) else owner)

    for path in sorted(UI.rglob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


@pytest.fixture(scope="module")
def code_messages() -> set[tuple[str, str, str]]:
    script = _script()
    return script.code_messages() if script.lupdate_available() else _ast_messages()


@pytest.mark.parametrize("code", ["en", "ru"])
def test_the_ts_files_hold_exactly_the_messages_of_the_code(
    ts: dict[str, linguist.TsFile], code_messages: set[tuple[str, str, str]], code: str
) -> None:
    have = {(m.context, m.source, m.comment) for m in ts[code].messages}
    hint = "run: python scripts/update_translations.py, then translate"
    assert not sorted(code_messages - have), f"missing from annotator_{code}.ts; {hint}"
    assert not sorted(have - code_messages), f"no longer in the code; {hint}"


@pytest.mark.skipif(not _script().lupdate_available(), reason="lupdate is not installed")
def test_the_ast_scan_finds_what_lupdate_finds(code_messages: set[tuple[str, str, str]]) -> None:
    assert _ast_messages() == code_messages


# --- the .qm build


TRICKY_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context><name>A</name>
  <message><source>&amp;File</source><translation>&amp;Файл</translation></message>
  <message><source>Open</source><comment>verb</comment><translation>Открыть</translation></message>
  <message><source>Post</source><comment>noun</comment><translation>Пост</translation></message>
  <message><source>Post</source><comment>verb</comment><translation>Отправить</translation></message>
  <message><source>Close</source><translation>Закрыть</translation></message>
  <message><source>Close</source><comment>w</comment>
    <translation>Закрыть окно</translation></message>
  <message numerus="yes"><source>%n post(s)</source><translation>
    <numerusform>%n пост</numerusform><numerusform>%n поста</numerusform>
    <numerusform>%n постов</numerusform></translation></message>
  <message numerus="yes"><source>%n code(s)</source><translation>
    <numerusform>%n код</numerusform></translation></message>
  <message><source>Unfinished</source>
    <translation type="unfinished">Черновик 😀</translation></message>
  <message><source>Empty</source><translation type="unfinished"></translation></message>
  <message><source>Gone</source><translation type="vanished">Ушло</translation></message>
  <message><source>Two
lines {name}</source><translation>Две
строки {name}</translation></message>
</context>
<context><name>B</name>
  <message><source>&amp;File</source><translation>Ф&amp;айл</translation></message>
</context>
<context><name></name>
  <message><source>x</source><comment>c</comment><translation>икс</translation></message>
</context>
</TS>
"""


def _lrelease() -> list[str] | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent
    binary = next((folder / n for n in ("lrelease", "lrelease.exe") if (folder / n).is_file()),
                  None)
    return [str(binary)] if binary else None


@pytest.mark.skipif(_lrelease() is None, reason="lrelease is not installed")
@pytest.mark.parametrize("source", ["tricky", "en", "ru"])
def test_the_qm_writer_matches_lrelease_byte_for_byte(tmp_path: Path, source: str) -> None:
    ts_file = tmp_path / "in.ts"
    if source == "tricky":
        ts_file.write_text(TRICKY_TS, encoding="utf-8")
    else:
        shutil.copy(TS_FILES[source], ts_file)
    lrelease = _lrelease()
    assert lrelease is not None
    subprocess.run([*lrelease, "-silent", str(ts_file), "-qm", str(tmp_path / "lrelease.qm")],
                   check=True)
    linguist.compile_file(ts_file, tmp_path / "ours.qm")
    assert (tmp_path / "ours.qm").read_bytes() == (tmp_path / "lrelease.qm").read_bytes()


def test_a_compiled_qm_translates_with_qt(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "t.ts").write_text(TRICKY_TS, encoding="utf-8")
    linguist.compile_file(tmp_path / "t.ts", tmp_path / "t.qm")
    translator = QTranslator()
    assert translator.load(str(tmp_path / "t.qm"))
    assert translator.language() == "ru"
    assert translator.translate("A", "&File") == "&Файл"
    assert translator.translate("B", "&File") == "Ф&айл"
    assert translator.translate("A", "Post", "verb") == "Отправить"
    assert translator.translate("A", "Open", "verb") == "Открыть"
    assert translator.translate("A", "Close") == "Закрыть"
    assert translator.translate("A", "Close", "w") == "Закрыть окно"
    assert translator.translate("A", "Unfinished") == "Черновик 😀"
    assert translator.translate("A", "Two\nlines {name}") == "Две\nстроки {name}"
    assert not translator.translate("A", "Gone") and not translator.translate("A", "Empty")
    plurals = {n: translator.translate("A", "%n post(s)", None, n) for n in (1, 3, 5, 11, 21, 22)}
    assert plurals == {1: "%n пост", 3: "%n поста", 5: "%n постов", 11: "%n постов",
                       21: "%n пост", 22: "%n поста"}


def test_the_app_qm_translates_the_file_menu(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    linguist.compile_file(TS_FILES["ru"], tmp_path / "ru.qm")
    translator = QTranslator()
    assert translator.load(str(tmp_path / "ru.qm"))
    assert translator.translate("Actions", "&File") == "&Файл"
    assert qapp.installTranslator(translator)
    try:
        spans = [QCoreApplication.translate("VersionColumn", "%n span(s)", None, n)
                 for n in (1, 2, 5)]
        assert spans == ["1 фрагмент", "2 фрагмента", "5 фрагментов"]
    finally:
        qapp.removeTranslator(translator)


def test_languages_without_plural_rules_are_refused() -> None:
    unknown = TRICKY_TS.replace('language="ru"', 'language="xx"')
    with pytest.raises(linguist.TsError, match="plural"):
        linguist.compile_qm(linguist.parse_ts(unknown))
    with pytest.raises(linguist.TsError):
        linguist.parse_ts("<html/>")


# --- finding the .qm at run time


@pytest.fixture
def resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private resources/translations/ with the Russian .ts."""
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(TS_FILES["ru"], folder / "annotator_ru.ts")
    monkeypatch.setattr(translations, "translations_dir", lambda: folder)
    return folder


def test_a_missing_qm_is_compiled_into_the_cache_once(resources: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    found = translations.qm_file("ru", cache)
    assert found is not None and found.parent == cache / "translations"
    expected = linguist.compile_qm(linguist.read_ts(resources / "annotator_ru.ts"))
    assert found.read_bytes() == expected
    stamp = found.stat().st_mtime_ns
    assert translations.qm_file("ru", cache) == found
    assert found.stat().st_mtime_ns == stamp  # reused, not rewritten


def test_an_up_to_date_build_is_used_and_a_stale_one_is_not(resources: Path,
                                                           tmp_path: Path) -> None:
    built = resources / "annotator_ru.qm"
    linguist.compile_file(resources / "annotator_ru.ts", built)
    assert translations.qm_file("ru", tmp_path / "cache") == built
    ts_file = resources / "annotator_ru.ts"
    ts_file.write_text(ts_file.read_text(encoding="utf-8").replace(">&amp;Файл<", ">Ф&amp;айл<"),
                       encoding="utf-8")
    fresh = translations.qm_file("ru", tmp_path / "cache")
    assert fresh is not None and fresh != built
    translator = QTranslator()
    assert translator.load(str(fresh))
    assert translator.translate("Actions", "&File") == "Ф&айл"
    # A newer edit replaces the older cached build instead of piling up.
    ts_file.write_text(ts_file.read_text(encoding="utf-8").replace(">Ф&amp;айл<", ">&amp;Файл<"),
                       encoding="utf-8")
    assert translations.qm_file("ru", tmp_path / "cache") == built
    assert [p.name for p in (tmp_path / "cache" / "translations").iterdir()] == [fresh.name]


def test_a_bundle_without_ts_uses_the_built_qm(resources: Path, tmp_path: Path) -> None:
    built = resources / "annotator_ru.qm"
    linguist.compile_file(resources / "annotator_ru.ts", built)
    (resources / "annotator_ru.ts").unlink()
    assert translations.qm_file("ru", tmp_path / "cache") == built
    assert translations.qm_file("de", tmp_path / "cache") is None
    assert [language.code for language in translations.available_languages()] == [
        "system", "en", "ru"]


def test_choosing_the_language() -> None:
    assert translations.resolve("ru") == "ru"
    assert translations.resolve("en", ["ru-RU"]) == "en"
    assert translations.resolve("system", ["ru-RU", "en-US"]) == "ru"
    assert translations.resolve("system", ["de-DE", "en-GB"]) == "en"
    assert translations.resolve("system", ["de-DE"]) == "en"
    assert translations.resolve("xx", ["ru"]) == "ru"  # unknown: as for "system"
    assert translations.resolve("system") == "en"  # tests: the system is English
    languages = translations.available_languages()
    assert [(language.code, language.name) for language in languages] == [
        ("system", "System language"), ("en", "English"), ("ru", "Русский")]


# --- the main window


def _menus(window: MainWindow) -> list[QMenu]:
    found = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    for menu in list(found):
        found += [a.menu() for a in menu.actions() if a.menu() is not None]
    return found


def _accelerator_clashes(menu: QMenu) -> list[str]:
    keys = [re.search(r"&([^&])", a.text().replace("&&", "")) for a in menu.actions()
            if not a.isSeparator() and a.isVisible()]
    letters = Counter(k[1].lower() for k in keys if k)
    return [f"{menu.title()}: {letter}" for letter, count in letters.items() if count > 1]


def test_the_main_window_shows_russian_menus(qapp, make_window, demo_project) -> None:  # type: ignore[no-untyped-def]
    assert translations.install_translator(qapp, "ru") == "ru"
    window = make_window(demo_project.path)
    assert [a.text() for a in window.menuBar().actions()] == RUSSIAN_MENUS
    assert window.menu_actions.new.text() == "&Новый проект…"
    assert window.post_model.headerData(0, Qt.Orientation.Horizontal) == "№"
    clashes = [c for menu in [window.menuBar(), *_menus(window)]
               for c in _accelerator_clashes(menu)]  # type: ignore[arg-type]
    assert not clashes


def test_the_main_window_is_english_otherwise(qapp, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert [a.text() for a in window.menuBar().actions()] == ENGLISH_MENUS
    assert translations.install_translator(qapp, "system") == "en"
    window = make_window()
    assert [a.text() for a in window.menuBar().actions()] == ENGLISH_MENUS
    translations.install_translator(qapp, "ru")
    translations.install_translator(qapp, "en")  # replaces the Russian translators
    assert len(qapp.findChildren(QTranslator)) <= 2
    window = make_window()
    assert [a.text() for a in window.menuBar().actions()] == ENGLISH_MENUS


def test_the_hatch_hook_compiles_every_ts(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The build hook, run on a copy of the tree with a stand-in for hatchling's base class
    (the test environment has no hatchling)."""

    class Interface:
        def __init__(self, root: str, app: object) -> None:
            self.root, self.app = root, app

    class App:
        def __init__(self) -> None:
            self.said: list[str] = []

        def display_info(self, text: str) -> None:
            self.said.append(text)

    for name in ("hatchling", "hatchling.builders", "hatchling.builders.hooks",
                 "hatchling.builders.hooks.plugin"):
        monkeypatch.setitem(sys.modules, name, ModuleType(name))
    interface = ModuleType("hatchling.builders.hooks.plugin.interface")
    interface.BuildHookInterface = Interface  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, interface.__name__, interface)
    (tmp_path / "annotator" / "ui").mkdir(parents=True)
    shutil.copy(UI / "linguist.py", tmp_path / "annotator" / "ui" / "linguist.py")
    shutil.copytree(FOLDER, tmp_path / "resources" / "translations",
                    ignore=shutil.ignore_patterns("*.qm"))
    spec = importlib.util.spec_from_file_location("_hatch_build", ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    app = App()
    module.TranslationsBuildHook(str(tmp_path), app).initialize("standard", {})
    for code, ts_file in TS_FILES.items():
        qm = tmp_path / "resources" / "translations" / f"annotator_{code}.qm"
        assert qm.read_bytes() == linguist.compile_qm(linguist.read_ts(ts_file))
    assert app.said == ["compiled 2 translation(s) in resources/translations"]

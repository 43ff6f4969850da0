"""The UI language: which one to show, where its ``.qm`` file is, and installing it in Qt.

Sources are ``resources/translations/annotator_<code>.ts`` (Qt Linguist). The ``.qm`` files
Qt loads are built, never committed: by the hatch build hook (wheels, editable installs),
by ``scripts/update_translations.py``, before a PyInstaller build, or here at run time.
A built ``.qm`` is used when it matches its ``.ts``; otherwise (a missing or stale build in
a source checkout) the ``.ts`` is compiled by :mod:`annotator.ui.linguist` into the user
cache folder. English is the source language: without any translator the UI is English.

The "language" setting holds ``"system"`` (the default) or a code of
:func:`available_languages`; :func:`install_translator` runs once in ``app.main`` before
any widget exists, so a change shows after a restart.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from annotator import assets
from annotator.ui import linguist

log = logging.getLogger(__name__)

SYSTEM = "system"
"""The "language" setting's default: follow the operating system's UI languages."""
SOURCE_LANGUAGE = "en"
"""The language of the strings in the code; also the fallback."""
CACHE_DIR_ENV = "ANNOTATOR_CACHE_DIR"
"""Environment variable that overrides the cache folder (tests, portable installs)."""
FOLDER = "translations"
"""The folder under ``resources/`` holding ``annotator_<code>.ts`` (and built ``.qm``)."""
PREFIX = "annotator_"
_OBJECT_NAME = "annotator-translator"
"""Marks the translators :func:`install_translator` added, so a new call replaces them."""
_NATIVE_NAMES = {"en": "English", "ru": "Русский"}


@dataclass(frozen=True, slots=True)
class Language:
    """One choice of the "language" setting."""

    code: str
    """What the setting stores: :data:`SYSTEM` or a language code such as ``"ru"``."""
    name: str
    """What a settings dialog shows: the language's own name, or "System language"."""


def available_languages() -> list[Language]:
    """The choices for the "language" setting: :data:`SYSTEM` first (its name translated),
    then English and every language with a translation, by their own names."""
    codes = sorted(set(_shipped_codes()) | {SOURCE_LANGUAGE})
    system = QCoreApplication.translate("Translations", "System language")
    return [Language(SYSTEM, system)] + [Language(code, _native_name(code)) for code in codes]


def resolve(language: str, ui_languages: Sequence[str] | None = None) -> str:
    """The code of the language to show for the setting ``language``.

    A shipped language is itself; :data:`SYSTEM` (or anything unknown) is the first of
    ``ui_languages`` (default: :func:`system_languages`) that has a translation, else
    :data:`SOURCE_LANGUAGE`.
    """
    shipped = set(_shipped_codes()) | {SOURCE_LANGUAGE}
    wanted = linguist.language_code(language)
    if language != SYSTEM and wanted in shipped:
        return wanted
    for each in system_languages() if ui_languages is None else ui_languages:
        if linguist.language_code(each) in shipped:
            return linguist.language_code(each)
    return SOURCE_LANGUAGE


def install_translator(app: QCoreApplication, language: str) -> str:
    """Install the translators for the setting ``language`` (``"system"``, ``"en"``, ``"ru"``
    ...) into ``app``, replacing those an earlier call installed; returns the code in use.

    Installs the app's ``.qm`` (see :func:`qm_file`) and, when present, Qt's own
    ``qtbase_<code>.qm`` (standard buttons and dialogs). Call it before building widgets:
    texts are translated when a widget sets them. GUI thread only. A translation that
    cannot be found or loaded is logged and left out (the UI stays in English); nothing
    is raised.
    """
    remove_translators(app)
    code = resolve(language)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    files = [(qm_file(code), "Annotator"), (Path(qt_folder) / f"qtbase_{code}.qm", "Qt")]
    for path, owner in files:
        if path is None or not path.is_file():
            if owner == "Annotator" or code != SOURCE_LANGUAGE:
                log.info("no %s translation for %r", owner, code)
            continue
        translator = QTranslator(app)
        translator.setObjectName(_OBJECT_NAME)
        if translator.load(str(path)):
            app.installTranslator(translator)
        else:
            log.warning("could not load the translation %s", path)
            translator.setParent(None)
    return code


def remove_translators(app: QCoreApplication) -> None:
    """Uninstall the translators :func:`install_translator` put into ``app`` (English again
    for texts set from now on)."""
    for old in app.findChildren(QTranslator, _OBJECT_NAME):
        app.removeTranslator(old)
        old.setParent(None)


def system_languages() -> list[str]:
    """The operating system's UI languages, most preferred first (e.g. ``["ru-RU"]``)."""
    return QLocale.system().uiLanguages()


def qm_file(code: str, cache: Path | None = None) -> Path | None:
    """The ``.qm`` file to load for the language ``code``; ``None`` when there is none.

    The built ``annotator_<code>.qm`` beside the ``.ts`` when it holds exactly what the
    ``.ts`` compiles to (or when there is no ``.ts``, as in a PyInstaller bundle);
    otherwise the ``.ts`` compiled into ``cache`` (default :func:`cache_dir`), under a name
    that carries a hash of the ``.ts``. Compiling takes milliseconds, and comparing
    contents does not depend on file times, which wheels and checkouts do not keep.
    """
    folder = translations_dir()
    if folder is None:
        return None
    built, source = folder / f"{PREFIX}{code}.qm", folder / f"{PREFIX}{code}.ts"
    if not source.is_file():
        return built if built.is_file() else None
    try:
        data = source.read_bytes()
        compiled = linguist.compile_qm(linguist.parse_ts(data))
    except (OSError, linguist.TsError):
        log.exception("could not compile %s", source)
        return built if built.is_file() else None
    if built.is_file() and _read(built) == compiled:
        return built
    digest = hashlib.sha256(data).hexdigest()[:16]
    target = (cache or cache_dir()) / FOLDER / f"{PREFIX}{code}-{digest}.qm"
    if _read(target) != compiled:
        try:
            _write(target, compiled)
        except OSError:
            log.exception("could not write the translation cache %s", target)
            return built if built.is_file() else None
    return target


def translations_dir() -> Path | None:
    """``resources/translations/`` of this installation, ``None`` when it has none."""
    try:
        return assets.resource(FOLDER)
    except FileNotFoundError:
        return None


def cache_dir() -> Path:
    """The per-user cache folder, ``$ANNOTATOR_CACHE_DIR`` when set; not created here."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    return platformdirs.user_cache_path("annotator", appauthor=False)


def _shipped_codes() -> list[str]:
    folder = translations_dir()
    if folder is None:
        return []
    names = {p.stem for p in folder.iterdir() if p.suffix in (".ts", ".qm")}
    return sorted(n.removeprefix(PREFIX) for n in names if n.startswith(PREFIX))


def _native_name(code: str) -> str:
    name = _NATIVE_NAMES.get(code) or QLocale(code).nativeLanguageName() or code
    return name[:1].upper() + name[1:]


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, removing older builds of the same language."""
    linguist.write_qm(path, data)
    language = path.stem.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{language}-*.qm"):
        if old != path:
            old.unlink(missing_ok=True)

"""The mapping dialog's fields that are not columns: how dates are read, the channel's name."""

from __future__ import annotations

from typing import Literal, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from annotator.core.importers.mapping import DateOptions, Mapping

DEFAULT_ZONE = "UTC"
COMMON_ZONES = (
    "UTC", "Europe/Moscow", "Europe/Kyiv", "Europe/Minsk", "Europe/London", "Europe/Berlin",
    "Europe/Istanbul", "Asia/Tbilisi", "Asia/Almaty", "Asia/Tashkent", "America/New_York",
    "+03:00",
)
"""Offered in the time zone drop-down; any IANA name or offset can be typed instead."""

FIELD_WIDTH = 220
Unit = Literal["seconds", "milliseconds", "excel"]


class MappingOptionsBox(QGroupBox):
    """Time zone, date format, unit of numeric dates and a fixed channel name."""

    changed = Signal()
    """changed(): the user edited one of the fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Dates and channel"), parent)
        self.zone_combo = QComboBox(self)
        self.zone_combo.setEditable(True)
        self.zone_combo.addItems(COMMON_ZONES)
        self.zone_combo.setToolTip(self.tr(
            "The time zone of dates written without one: UTC, a name such as Europe/Moscow "
            "(daylight saving time is applied) or an offset such as +03:00. Dates that carry "
            "an offset are converted from it."))
        self.format_edit = QLineEdit(self)
        self.format_edit.setPlaceholderText(self.tr("automatic (ISO 8601)"))
        self.format_edit.setToolTip(self.tr(
            "Only for dates that are not ISO 8601: a strptime format such as %d.%m.%Y %H:%M."))
        self.unit_combo = QComboBox(self)
        for text, unit in (
            (self.tr("not numbers"), None),
            (self.tr("Unix time, seconds"), "seconds"),
            (self.tr("Unix time, milliseconds"), "milliseconds"),
            (self.tr("Excel day numbers"), "excel"),
        ):
            self.unit_combo.addItem(text, unit)
        self.unit_combo.setToolTip(self.tr(
            "How numbers in date columns are read; without a unit a number is an error."))
        self.channel_edit = QLineEdit(self)
        self.channel_edit.setToolTip(self.tr(
            "The channel of every row, used when no column is the channel: a username, "
            "a numeric id or a title."))

        for field in (self.zone_combo, self.format_edit, self.unit_combo, self.channel_edit):
            field.setMinimumWidth(FIELD_WIDTH)
        form = QFormLayout(self)
        form.addRow(self.tr("Time &zone:"), self.zone_combo)
        form.addRow(self.tr("Date &format:"), self.format_edit)
        form.addRow(self.tr("&Numbers in dates:"), self.unit_combo)
        form.addRow(self.tr("C&hannel name:"), self.channel_edit)

        self.zone_combo.editTextChanged.connect(self._on_field_edited)
        self.format_edit.textChanged.connect(self._on_field_edited)
        self.unit_combo.currentIndexChanged.connect(self._on_field_edited)
        self.channel_edit.textChanged.connect(self._on_field_edited)

    def set_from(self, mapping: Mapping | None) -> None:
        """Show the options of ``mapping`` (defaults for ``None``) without emitting ``changed``."""
        date = mapping.date if mapping is not None else DateOptions()
        fields = (self.zone_combo, self.format_edit, self.unit_combo, self.channel_edit)
        for field in fields:
            field.blockSignals(True)
        self.zone_combo.setEditText(date.timezone or DEFAULT_ZONE)
        self.format_edit.setText(date.format or "")
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(date.unit)))
        self.channel_edit.setText((mapping.channel_value or "") if mapping is not None else "")
        for field in fields:
            field.blockSignals(False)

    def date_options(self) -> DateOptions:
        zone = self.zone_combo.currentText().strip()
        fmt = self.format_edit.text().strip()
        unit = cast(Unit | None, self.unit_combo.currentData())
        return DateOptions(zone or None, fmt or None, unit)

    def channel_value(self) -> str | None:
        return self.channel_edit.text().strip() or None

    def set_channel_column(self, has_column: bool, file_stem: str) -> None:
        """Enable the channel name only while no column is the channel."""
        self.channel_edit.setEnabled(not has_column)
        self.channel_edit.setPlaceholderText(
            self.tr("from the channel column") if has_column
            else self.tr("from the file name: {stem}").format(stem=file_stem))

    def _on_field_edited(self) -> None:
        self.changed.emit()

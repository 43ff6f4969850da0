"""What the window shows when no project is open."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """A short hint with buttons to create, open or try a project."""

    new_requested = Signal()
    """new_requested(): the user wants to create a project."""

    open_requested = Signal()
    """open_requested(): the user wants to open an existing project."""

    demo_requested = Signal()
    """demo_requested(): the user wants the demo project."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to Annotator"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(
            self.tr(
                "Create a project, open one, or try the demo project: a sample "
                "Telegram channel with a small codebook."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = QPushButton(self.tr("New project…"), self)
        self.open_button = QPushButton(self.tr("Open project…"), self)
        self.demo_button = QPushButton(self.tr("Open demo project"), self)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addStretch(2)

"""Keyboard-friendly inputs for the booking form: a slot-time choice that jumps to the time
typed as digits, and the slot times it offers. (The date field is ``widgets.DayDateEdit``.)"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from hoiku_desk import messages


def slot_times(first: time, last: time, step_minutes: int) -> list[time]:
    """``first``, ``first`` + step, … up to and including ``last``."""
    out: list[time] = []
    at = _minutes(first)
    while at <= _minutes(last):
        out.append(time(at // 60, at % 60))
        at += step_minutes
    return out


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def shifted(at: time, minutes: int) -> time:
    """``at`` moved by ``minutes``, kept within the day."""
    total = min(max(_minutes(at) + minutes, 0), 24 * 60 - 1)
    return time(total // 60, total % 60)


class SlotCombo(QComboBox):
    """A choice of slot times shown as ``9:30``. Digits typed quickly one after another pick
    the first time they start: "10" → 10:00, "103" → 10:30, "9" → 9:00 (unlike Qt's own
    search, typing the current hour again does not move on)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._since_typed = QElapsedTimer()

    def set_times(self, times: list[time], keep: time | None = None) -> None:
        """Replace the times without emitting signals; keep ``keep`` (else the current one) if present."""
        wanted = keep if keep is not None else self.current_time()
        self.blockSignals(True)
        self.clear()
        for at in times:
            self.addItem(messages.format_time(at), at)
        self.blockSignals(False)
        if wanted is not None:
            self.select_time(wanted)

    def current_time(self) -> time | None:
        value = self.currentData()
        return value if isinstance(value, time) else None

    def select_time(self, at: time) -> bool:
        """Choose ``at`` (or, when it is not a slot time, the last slot time before it)."""
        best = -1
        for index in range(self.count()):
            if self.itemData(index) <= at:
                best = index
        if best < 0 and self.count():
            best = 0
        self.setCurrentIndex(best)
        return best >= 0 and self.itemData(best) == at

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._typed = ""
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and len(text) == 1 and text.isdigit():
            self._type_digit(text)
            event.accept()
            return
        super().keyPressEvent(event)

    def _type_digit(self, digit: str) -> None:
        if not self._since_typed.isValid() or self._since_typed.elapsed() > QApplication.keyboardInputInterval():
            self._typed = ""
        self._since_typed.start()
        for candidate in (self._typed + digit, digit):
            index = self._first_starting(candidate)
            if index >= 0:
                self._typed = candidate
                self.setCurrentIndex(index)
                return
        self._typed = ""

    def _first_starting(self, digits: str) -> int:
        for index in range(self.count()):
            if self.itemText(index).replace(":", "").startswith(digits):
                return index
        return -1


def next_slot(now: time, first: time, last: time, step_minutes: int, *, running: bool = False) -> time:
    """The slot time at or after ``now`` (the one now running when ``running``), kept
    between ``first`` and ``last``."""
    offset = _minutes(now) - _minutes(first)
    steps = offset // step_minutes if running else -(-offset // step_minutes)
    at = shifted(first, max(steps, 0) * step_minutes)
    return min(at, last)


"""Locking the window: after a while without keyboard or mouse input (10 minutes unless this
PC is set otherwise), or at once with ファイル → ログアウト, the desk is logged out, the panes
are hidden with everything typed in them kept, and the password is asked again. The staff
member who was working, or another one, logs in and goes on where the window was left.

The idle time is kept per PC in the window's settings (``security/idle_minutes``; 0 never
locks). Nothing locks while no account exists: the program then acts as the built-in
administrator and has no password to ask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk.views.widgets import ok_cancel_buttons

if TYPE_CHECKING:
    from hoiku_desk.views.context import ViewContext
    from hoiku_desk.views.login_dialog import LoginDialog

IDLE_KEY = "security/idle_minutes"
DEFAULT_MINUTES = 10
MAX_MINUTES = 240
# What counts as someone using the program: keys (and the input method committing Japanese
# text), mouse buttons and movement, the wheel, touch and pen.
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.InputMethod, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
})


# The kinds of window hidden while locked that are shown again after.
KEPT_WINDOWS = frozenset({Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet})


def idle_minutes(settings: QSettings) -> int:
    """The idle minutes kept in ``settings``: the default when unset or unreadable, at most
    :data:`MAX_MINUTES`; 0 means never."""
    try:
        minutes = int(str(settings.value(IDLE_KEY, DEFAULT_MINUTES)))
    except ValueError:
        return DEFAULT_MINUTES
    return DEFAULT_MINUTES if minutes < 0 else min(minutes, MAX_MINUTES)


class IdleLock(QObject):
    """Watches the whole application's input (an application event filter) and says when
    nobody used it for the idle time. Each input restarts the countdown; a paused lock
    counts nothing (while the window is locked).

    Signals:
        locked: nobody used the keyboard, mouse, wheel or pen for the idle time.
    """

    locked = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paused = False
        self._counts = False  # neither paused nor set to never
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.locked)
        self.set_interval(interval_ms)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def interval(self) -> int:
        """The idle time in milliseconds (0: never)."""
        return self._timer.interval()

    def set_interval(self, ms: int) -> None:
        """Lock after ``ms`` milliseconds without input (0: never); counts from now."""
        self._timer.setInterval(max(ms, 0))
        self.restart()

    def set_minutes(self, minutes: int) -> None:
        self.set_interval(minutes * 60_000)

    def is_counting(self) -> bool:
        return self._timer.isActive()

    def remaining_ms(self) -> int:
        """Milliseconds left before the lock (-1 when not counting)."""
        return self._timer.remainingTime()

    def restart(self) -> None:
        """Count the idle time again from now (unless paused or never)."""
        self._counts = not self._paused and self._timer.interval() > 0
        if self._counts:
            self._timer.start()
        else:
            self._timer.stop()

    def pause(self) -> None:
        self._paused = True
        self.restart()

    def resume(self) -> None:
        self._paused = False
        self.restart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._counts and event.type() in INPUT_EVENTS:
            self._timer.start()
        return False


class ScreenLock(QObject):
    """Locks ``window``: the desk logged out, its central widget (the panes, with what was
    typed in them) and the windows it opened hidden, and a :class:`LoginDialog` asking the
    password of who was working. Another staff member may log in instead. Cancel keeps
    the window locked and offers to quit.

    Signals:
        lockedChanged(bool): the window was locked (True) or unlocked (False).
    """

    lockedChanged = Signal(bool)

    def __init__(self, window: QMainWindow, ctx: ViewContext, idle: IdleLock) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.idle = idle
        self.dialog: LoginDialog | None = None
        self._hidden: list[QWidget] = []
        idle.locked.connect(self.lock_when_idle)

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def can_lock(self) -> bool:
        """Whether there is a password to ask: some account exists."""
        return bool(self.ctx.desk.staff.list())

    def lock_when_idle(self) -> None:
        """The idle time passed: lock if someone is logged in (never the built-in
        administrator, who has no password)."""
        if self.ctx.desk.current_staff is not None:
            self.lock()

    def lock(self) -> LoginDialog | None:
        """Lock now (ファイル → ログアウト): the login dialog, or None when no account exists."""
        if self.dialog is not None:
            return self.dialog
        if not self.can_lock():
            return None
        staff = self.ctx.desk.current_staff
        login = staff.login if staff is not None else ""
        self.idle.pause()
        self._hide_work()
        self.dialog = self._ask(login)
        self.ctx.log_out()
        self.lockedChanged.emit(True)
        return self.dialog

    def _hide_work(self) -> None:
        """Hide the panes and every other window shown (an open dialog keeps its input;
        a question waiting for an answer is closed unanswered, which does nothing)."""
        shown = [widget for widget in QApplication.topLevelWidgets()
                 if widget.isVisible() and widget is not self.window]
        for widget in shown:
            widget.hide()
        # Menus and tooltips stay closed; dialogs and other windows come back.
        self._hidden = [widget for widget in shown if widget.windowType() in KEPT_WINDOWS]
        central = self.window.centralWidget()
        if central is not None:
            central.hide()

    def _show_work(self) -> None:
        central = self.window.centralWidget()
        if central is not None:
            central.show()
        for widget in self._hidden:
            if shiboken6.isValid(widget) and not widget.isVisible():
                widget.show()
        self._hidden = []

    def _ask(self, login: str) -> LoginDialog:
        from hoiku_desk.views.login_dialog import LoginDialog  # the main window's module loads without it

        dialog = LoginDialog(self.ctx.desk, self.ctx.lang, self.window, locked_by=login)
        dialog.accepted.connect(self._unlock)
        dialog.rejected.connect(lambda: self._cancelled(login))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _unlock(self) -> None:
        self.dialog = None
        self._show_work()
        self.idle.resume()
        self.lockedChanged.emit(False)
        self.ctx.staffChanged.emit()

    def _cancelled(self, login: str) -> None:
        """Cancel keeps the window locked: quit, or the login is asked again."""
        title = self.tr("Hoiku Desk is locked")
        question = self.tr("Quit Hoiku Desk? What is typed in the window and not yet saved is lost.")
        if self.ctx.dialogs.confirm(self.window, title, question):
            self.dialog = None
            self._hidden = []
            self.window.close()
            return
        self.dialog = self._ask(login)


class IdleMinutesDialog(QDialog):
    """ファイル → 自動ロックの時間…: the minutes without input after which this PC's window
    locks (0: never).

    Has no signals of its own (``accepted`` as any dialog).
    """

    def __init__(self, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idleMinutesDialog")
        self.setWindowTitle(self.tr("Automatic lock"))
        intro = QLabel(self.tr("Lock the window after this many minutes without use. The password is "
                               "then asked again; what is on the screen is kept. This setting is "
                               "for this PC only."), self)
        intro.setWordWrap(True)
        self.spin = QSpinBox(self)
        self.spin.setObjectName("idleMinutes")
        self.spin.setRange(0, MAX_MINUTES)
        self.spin.setSuffix(self.tr(" min"))
        self.spin.setSpecialValueText(self.tr("Never"))
        self.spin.setValue(minutes)
        label = QLabel(self.tr("&Lock after:"), self)
        label.setBuddy(self.spin)
        buttons, self.ok_button = ok_cancel_buttons(self, "idleMinutesOk")
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.spin)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.spin.setFocus()

    def minutes(self) -> int:
        return self.spin.value()

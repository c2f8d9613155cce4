"""Incremental child search: a search line that follows the input method while it composes,
and a results list chosen from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QVBoxLayout, QWidget

from hoiku_desk import messages
from hoiku_desk.services import Child
from hoiku_desk.services.clock import age_months
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.table_model import Column, RecordTableModel
from hoiku_desk.views.widgets import configure_table

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def age_label(birth: date, day: date, lang: str) -> str:
    """Completed years and months on ``day``: ``1歳8か月`` / ``1 year 8 months``."""
    return messages.format_age(max(age_months(birth, day), 0), lang)


def child_results_model(lang: str, today: Callable[[], date]) -> RecordTableModel[Child]:
    """The results list: name, kana, birth date with today's age, phone."""

    def born(child: Child) -> str:
        birth = messages.format_date(child.birth_date, lang, with_year=True)
        return f"{birth} {age_label(child.birth_date, today(), lang)}"

    return RecordTableModel([
        Column(QCoreApplication.translate("ChildSearch", "Name"), lambda c: c.name),
        Column(QCoreApplication.translate("ChildSearch", "Kana"), lambda c: c.kana),
        Column(QCoreApplication.translate("ChildSearch", "Born (age)"), born),
        Column(QCoreApplication.translate("ChildSearch", "Phone"), lambda c: c.phone,
               tooltip=lambda c: c.guardian_name),
    ])


class ChildSearchEdit(QLineEdit):
    """The search line.

    Signals:
        queryChanged(str): the text to search changed — typed, pasted, or still being
            composed by an input method (the preedit string is included).
        downPressed(): Down was pressed (move into the results).
        enterPressed(): Enter was pressed with no composition in progress.
    """

    queryChanged = Signal(str)
    downPressed = Signal()
    enterPressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textChanged.connect(self.queryChanged)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        super().inputMethodEvent(event)
        text, at = self.text(), self.cursorPosition()
        self.queryChanged.emit(text[:at] + event.preeditString() + text[at:])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
        elif event.key() in _ENTER_KEYS:
            self.enterPressed.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class ChildResultsView(QTableView):
    """The results list; Enter chooses the current row, Up on the first row goes back.

    Signals:
        chosen(QModelIndex): Enter or a double click chose this row.
        upFromTop(): Up was pressed on the first row.
    """

    chosen = Signal(QModelIndex)
    upFromTop = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.doubleClicked.connect(self.chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS and self.currentIndex().isValid():
            self.chosen.emit(self.currentIndex())
            event.accept()
        elif event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.upFromTop.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


class ChildSearch(QWidget):
    """Search line and results: kana (hiragana, katakana, half-width), name or phone.

    The first result is highlighted after every search, so Enter in the search line
    chooses it; Down moves into the list to choose another.

    Signals:
        childChosen(object): a Child record was chosen.
    """

    childChosen = Signal(object)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._query = ""
        self.edit = ChildSearchEdit(self)
        self.edit.setObjectName("childSearch")
        self.edit.setPlaceholderText(self.tr("Kana, name or phone"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip(self.tr("Search as you type (Ctrl+F). Enter chooses the highlighted child, "
                                     "Down moves into the list."))
        self.model = child_results_model(ctx.lang, ctx.today)
        self.model.setParent(self)
        self.view = ChildResultsView(self)
        self.view.setObjectName("childResults")
        configure_table(self.view, self.model)
        # Sizing the columns on every key would cost a frame: they fit the first results.
        self.model.modelReset.disconnect(self.view.resizeColumnsToContents)
        self._sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.view)
        self.setFocusProxy(self.edit)
        self.setTabOrder(self.edit, self.view)

        self.edit.queryChanged.connect(self.search)
        self.edit.downPressed.connect(self._enter_list)
        self.edit.enterPressed.connect(self._choose_current)
        self.view.chosen.connect(self._choose)
        self.view.upFromTop.connect(self.edit.setFocus)

    def search(self, query: str) -> None:
        """Show the children matching ``query`` and highlight the first."""
        self._query = query
        self.model.set_rows(self.ctx.desk.children.search(query) if query.strip() else [])
        if self.model.rowCount():
            if not self._sized:
                self.view.resizeColumnsToContents()
                self._sized = True
            self.view.setCurrentIndex(self.model.index(0, 0))

    def refresh(self) -> None:
        """Search again (children may have changed)."""
        current = self.view.currentIndex().row()
        self.search(self._query)
        if 0 <= current < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(current, 0))

    def clear(self) -> None:
        self.edit.clear()
        self.search("")

    def results(self) -> list[Child]:
        return self.model.rows()

    def _enter_list(self) -> None:
        if self.model.rowCount():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._choose(index)

    def _choose(self, index: QModelIndex) -> None:
        self.childChosen.emit(self.model.record(index.row()))

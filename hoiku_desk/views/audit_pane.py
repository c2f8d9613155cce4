"""監査ログ (admin): who changed what and when, filtered by dates, staff, action and child,
with each entry's changed fields, and the filtered entries exported as CSV."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSignalBlocker, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.services import AuditEntry
from hoiku_desk.views.audit_model import action_groups, audit_model, detail_text, entity_labels
from hoiku_desk.views.child_search import ChildSearchEdit
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.privacy import confirm_personal_save, personal_name
from hoiku_desk.views.widgets import ERROR_STYLE, date_edit, shortcut_button, table_view, with_suffix

#: The newest entries the list shows; the export writes every matching entry.
MAX_ROWS = 2000
#: The days the list starts with (today and the six before).
DAYS_SHOWN = 7
#: Children offered for a search in the child filter.
CHILD_CHOICES = 20
#: The child filter's value when the search found no child: nothing matches.
NO_CHILD = "-"
CSV_FILTER = "CSV (*.csv)"


class AuditPane(QWidget):
    """The audit log, for administrators (others see a notice instead).

    The list shows the newest :data:`MAX_ROWS` entries matching the filters, newest
    first; the selected entry's changed fields show below it. The pane reads the log
    only while it is shown: a change (``changed``) or a login (``staffChanged``) while
    it is hidden is read when it is shown next. Dates left ending today move on with
    the days (the window may stay open overnight).

    Has no signals of its own.
    """

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditPane")
        self.ctx = ctx
        self._stale = True
        self._today = ctx.today()
        self._facility_codes: dict[str, str] = {}
        self._entities = entity_labels()
        self.model = audit_model(ctx.lang, self._facility_code, self)
        self._build()
        ctx.changed.connect(self._reread)
        ctx.staffChanged.connect(self._reread)

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.notice = QLabel(self.tr("Only an administrator can see the audit log."), self)
        self.notice.setObjectName("auditAdminOnly")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content = QWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("auditStack")
        self.stack.addWidget(self.notice)
        self.stack.addWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        filters, child = self._filter_row(), self._child_row()  # first: the tab order follows
        self.status = QLabel(self.content)
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        self.table = table_view(self.content, "auditTable", self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = QPlainTextEdit(self.content)
        self.detail.setObjectName("auditDetail")
        self.detail.setReadOnly(True)
        self.detail.setTabChangesFocus(True)
        self.detail.setPlaceholderText(self.tr("Choose an entry to see what it changed."))
        split = QSplitter(Qt.Orientation.Vertical, self.content)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        column = QVBoxLayout(self.content)
        column.addLayout(filters)
        column.addLayout(child)
        column.addWidget(self.status)
        column.addWidget(split, 1)
        self.setFocusProxy(self.from_edit)

    def _filter_row(self) -> QHBoxLayout:
        today = self.ctx.today()
        self.from_edit = date_edit(self.content, "auditFromEdit", today - timedelta(days=DAYS_SHOWN - 1),
                                   lang=self.ctx.lang)
        self.to_edit = date_edit(self.content, "auditToEdit", today, lang=self.ctx.lang)
        self.staff_box = QComboBox(self.content)
        self.staff_box.setObjectName("auditStaffBox")
        self.action_box = QComboBox(self.content)
        self.action_box.setObjectName("auditActionBox")
        for label, actions in action_groups():
            self.action_box.addItem(label, actions)
        row = QHBoxLayout()
        for text, widget in ((self.tr("&From"), self.from_edit), (self.tr("&To"), self.to_edit),
                             (self.tr("&Staff"), self.staff_box), (self.tr("&Action"), self.action_box)):
            label = QLabel(text, self.content)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _day: self._reread())
        for box in (self.staff_box, self.action_box):
            box.currentIndexChanged.connect(lambda _index: self._reread())
        return row

    def _child_row(self) -> QHBoxLayout:
        self.child_edit = ChildSearchEdit(self.content)
        self.child_edit.setObjectName("auditChildSearch")
        self.child_edit.setPlaceholderText(self.tr("Kana, name or phone"))
        self.child_edit.setClearButtonEnabled(True)
        self.child_edit.setToolTip(self.tr("Type to choose a child; Down moves to the children found."))
        self.child_box = QComboBox(self.content)
        self.child_box.setObjectName("auditChildBox")
        self.child_box.setMinimumContentsLength(24)
        self.child_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._fill_children("")
        self.child_edit.queryChanged.connect(self._child_query_changed)
        self.child_edit.downPressed.connect(self.child_box.setFocus)
        self.child_box.currentIndexChanged.connect(lambda _index: self._reread())
        self.export_button = shortcut_button(
            self.content, "auditExportButton", self.tr("&Export…"),
            self.tr("Write the entries matching the filters (all of them, not only those listed) "
                    "to a CSV file. It holds personal data"), "Ctrl+Shift+X")
        self.export_button.clicked.connect(self.export)
        label = QLabel(self.tr("C&hild"), self.content)
        label.setBuddy(self.child_edit)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.child_edit, 1)
        row.addWidget(self.child_box, 1)
        row.addStretch(1)
        row.addWidget(self.export_button)
        return row

    # -- refreshing ---------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._follow_today()
        if self._stale:
            self.refresh()

    def _follow_today(self) -> None:
        """A new day: move the dates on by as many days if they ended on the previous today."""
        today = self.ctx.today()
        if today != self._today and self.to_edit.day() == self._today:
            days = (today - self._today).days
            with QSignalBlocker(self.from_edit), QSignalBlocker(self.to_edit):
                self.from_edit.set_day(self.from_edit.day() + timedelta(days=days))
                self.to_edit.set_day(today)
            self._stale = True
        self._today = today

    def _reread(self) -> None:
        """Read the log now if the pane is shown, else when it is shown next."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the log again with the filters (administrators only), keeping the selected
        entry selected while it is still listed."""
        self._stale = False
        admin = self.ctx.is_admin
        self.stack.setCurrentWidget(self.content if admin else self.notice)
        if not admin:
            self.model.set_rows([])
            self.detail.clear()
            return
        self._fill_staff()
        facilities = self.ctx.desk.facilities.list()
        self._facility_codes = {f.id: f.code for f in facilities} if len(facilities) > 1 else {}
        selected = self.selected_entry()
        entries = self.entries()
        shown = entries[-MAX_ROWS:][::-1]
        self.model.set_rows(shown)
        self._say(len(shown), len(entries))
        if selected is not None:
            self._select(selected)
        self._selection_changed()

    def _say(self, shown: int, found: int) -> None:
        if found > shown:
            text = (self.tr("Showing the newest %1 of %2 entries. Narrow the filters to see older ones; "
                            "the export writes them all.").replace("%1", str(shown)).replace("%2", str(found)))
        elif found:
            text = self.tr("%1 entries.").replace("%1", str(found))
        else:
            text = self.tr("No entries match the filters.")
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _facility_code(self, facility_id: str) -> str:
        return self._facility_codes.get(facility_id, "")

    def _fill_staff(self) -> None:
        """The staff filter's choices: everyone, then each account (the choice kept)."""
        chosen = self.staff_box.currentData()
        with QSignalBlocker(self.staff_box):
            self.staff_box.clear()
            self.staff_box.addItem(self.tr("All staff"), None)
            for staff in self.ctx.desk.staff.list():
                self.staff_box.addItem(f"{staff.name} ({staff.login})", staff.login)
            self.staff_box.setCurrentIndex(max(self.staff_box.findData(chosen), 0))

    def _child_query_changed(self, query: str) -> None:
        with QSignalBlocker(self.child_box):
            self._fill_children(query)
        self._reread()

    def _fill_children(self, query: str) -> None:
        """All children for an empty search; else the children found (the first chosen),
        or a choice saying none was found."""
        self.child_box.clear()
        if not query.strip():
            self.child_box.addItem(self.tr("All children"), None)
            return
        found = self.ctx.desk.children.search(query, limit=CHILD_CHOICES)
        for child in found:
            born = messages.format_date(child.birth_date, self.ctx.lang, with_year=True)
            self.child_box.addItem(f"{child.name} ({child.kana}, {born})", child.id)
        if not found:
            self.child_box.addItem(self.tr("No child found"), NO_CHILD)

    # -- filters ------------------------------------------------------------------------
    def filters(self) -> dict[str, Any]:
        """The filters ``desk.audit.entries`` and ``export`` take, but the action."""
        since = datetime.combine(self.from_edit.day(), datetime.min.time())
        until = datetime.combine(self.to_edit.day() + timedelta(days=1), datetime.min.time())
        return {"since": since, "until": until, "staff_login": self.staff_box.currentData(),
                "child_id": self.child_box.currentData()}

    def actions(self) -> tuple[str, ...]:
        """The action filters of the chosen group (none: every action)."""
        return tuple(self.action_box.currentData() or ())

    def entries(self) -> list[AuditEntry]:
        """Every entry matching the filters, oldest first."""
        filters = self.filters()
        if filters["child_id"] == NO_CHILD:
            return []
        return self.ctx.desk.audit.entries(action=self.actions() or None, **filters)

    # -- selection ----------------------------------------------------------------------
    def selected_entry(self) -> AuditEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _select(self, entry: AuditEntry) -> None:
        for row, shown in enumerate(self.model.rows()):
            if shown == entry:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                return

    def _selection_changed(self, _selected: QItemSelection | None = None,
                           _deselected: QItemSelection | None = None) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.detail.clear()
            return
        self.detail.setPlainText(detail_text(entry, self.ctx.lang, self._entities, self._facility_code))

    # -- export -------------------------------------------------------------------------
    def export(self) -> None:
        """Write every entry matching the filters to a CSV file staff choose (it holds
        personal data, which the suggested name says)."""
        title = self.tr("Export the audit log")
        filters = self.filters()
        if filters["child_id"] == NO_CHILD:
            self.ctx.dialogs.inform(self, title, self.tr("No entries match the filters."))
            return
        suggested = personal_name(f"audit_{self.ctx.desk.now():%Y%m%d}.csv")
        chosen = self.ctx.dialogs.save_file(self, title, suggested, CSV_FILTER)
        if chosen is None:
            return
        path = with_suffix(chosen, ".csv")
        if not confirm_personal_save(self.ctx.dialogs, self, title, path):
            return
        outcome = self.ctx.run(self.ctx.desk.audit.export, path, action=self.actions() or None, **filters)
        if not outcome.ok:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(outcome.message)
            self.ctx.dialogs.warn(self, title, outcome.message)
            return
        text = (self.tr("Wrote %1 entries to %2. The file holds personal data: keep it safe and "
                        "delete it when done.").replace("%1", str(outcome.value or 0)).replace("%2", str(path)))
        self.ctx.dialogs.inform(self, title, text)

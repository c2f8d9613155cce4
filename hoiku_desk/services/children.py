"""``desk.children``: children, their guardian and emergency contacts, and search."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Select, bindparam, delete, select
from sqlalchemy.orm import Session

from hoiku_desk import models
from hoiku_desk.services import appended, convert, errors
from hoiku_desk.services.kana import looks_like_phone, normalize, parts, phone_digits
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.context import Context
from hoiku_desk.services.records import Child, Contact
from hoiku_desk.services.uow import UnitOfWork

SEX_ALIASES = {"female": "female", "男": "male", "male": "male", "女": "female",
               "unspecified": "unspecified", "": "unspecified", "不明": "unspecified"}
MAX_CONTACTS = 3
CHILD_FIELDS = ("name", "kana", "birth_date", "sex", "allergies", "notes")
GUARDIAN_FIELDS = {"guardian_name": "name", "guardian_kana": "kana", "phone": "phone",
                   "postal_code": "postal_code", "address": "address"}


def parse_sex(value: str) -> str:
    try:
        return SEX_ALIASES[value.strip().lower() if value.isascii() else value.strip()]
    except KeyError:
        raise errors.InvalidInput(field="sex", value=value, reason="choice") from None


def _contacts(values: Iterable[Contact | Sequence[str]]) -> list[Contact]:
    out = [c if isinstance(c, Contact) else Contact(*c) for c in values]
    if len(out) > MAX_CONTACTS:
        raise errors.InvalidInput(field="contacts", value=str(len(out)), reason="too_many_contacts")
    for contact in out:
        if not contact.name.strip():
            raise errors.InvalidInput(field="contacts", value="", reason="required")
    return out


def search_keys(child: models.Child) -> set[str]:
    """Every key a search may start with: kana and name, whole and by part; phone digits."""
    keys = {child.kana_key, normalize(child.name)}
    keys.update(parts(child.kana))
    keys.update(parts(child.name))
    phones = [child.guardian.phone] + [c.phone for c in child.contacts]
    keys.update("#" + phone_digits(p) for p in phones if phone_digits(p))
    return {k for k in keys if k}


def index(session: Session, child: models.Child) -> None:
    """Add the search keys of a child that has none yet."""
    appended.add(session, models.ChildSearchKey,
                 [{"key": k, "child_id": child.id} for k in sorted(search_keys(child))])


def reindex(session: Session, child: models.Child) -> None:
    """Replace the search keys of a child (those still queued too)."""
    appended.write(session)
    session.execute(delete(models.ChildSearchKey).where(models.ChildSearchKey.child_id == child.id))
    index(session, child)


@dataclass(frozen=True)
class ChildRef:
    id: str
    name: str


_SAME_CHILD = select(models.Child.id, models.Child.name).where(
    models.Child.kana_key == bindparam("kana_key"), models.Child.birth_date == bindparam("birth_date"))


def find_duplicate(uow: UnitOfWork, kana_text: str, birth_date: date) -> ChildRef | None:
    """The child with the same normalised kana name and birth date, if one exists."""
    kana_key = normalize(kana_text)
    with uow.looking_up(models.Child):
        found = uow.session.execute(_SAME_CHILD, {"kana_key": kana_key, "birth_date": birth_date}).first()
    if found:
        return ChildRef(*found)
    new = uow.added(models.Child, kana_key=kana_key, birth_date=birth_date)
    return ChildRef(new[0].id, new[0].name) if new else None


class ChildService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def add(
        self,
        *,
        name: str,
        kana: str,
        birth_date: date,
        sex: str,
        guardian_name: str,
        phone: str,
        guardian_kana: str = "",
        postal_code: str = "",
        address: str = "",
        allergies: str = "",
        notes: str = "",
        contacts: Iterable[Contact | Sequence[str]] = (),
    ) -> Child:
        """A new child with its guardian; refused if the kana name and birth date exist."""
        values = self._validated(
            dict(name=name, kana=kana, birth_date=birth_date, sex=sex, allergies=allergies,
                 notes=notes, guardian_name=guardian_name, guardian_kana=guardian_kana,
                 phone=phone, postal_code=postal_code, address=address)
        )
        contact_list = _contacts(contacts)
        with self._ctx.write() as uow:
            row = _insert_child(uow, values, contact_list)
            uow.commit()
            return convert.child(row)

    def get(self, id: str) -> Child:
        with self._ctx.read() as uow:
            return convert.child(uow.get(models.Child, id, "child"))

    def search(self, query: str, limit: int = 50) -> list[Child]:
        """Children whose family or given name (kana or kanji) starts with ``query``, whose
        whole name does, or one of whose phone numbers does (hyphens ignored); by kana."""
        ids = matching_ids(query)
        if ids is None:
            return []
        with self._ctx.read() as uow:
            return _children_by_kana(uow.session, ids, limit)

    def update(self, id: str, **changes: Any) -> Child:
        """Change any field ``add`` takes; ``contacts`` replaces the whole list."""
        unknown = set(changes) - set(CHILD_FIELDS) - set(GUARDIAN_FIELDS) - {"contacts"}
        if unknown:
            raise errors.InvalidInput(field=", ".join(sorted(unknown)), value="", reason="unknown_rule")
        with self._ctx.write() as uow:
            row = uow.get(models.Child, id, "child")
            before = _child_snapshot(row)
            current = {f: getattr(row, f) for f in CHILD_FIELDS}
            current.update({k: getattr(row.guardian, v) for k, v in GUARDIAN_FIELDS.items()})
            current.update({k: v for k, v in changes.items() if k != "contacts"})
            values = self._validated(current)
            if values["birth_date"] > uow.today:
                raise errors.InvalidInput(field="birth_date", value=str(values["birth_date"]),
                                          reason="future_birth_date")
            duplicate = find_duplicate(uow, values["kana"], values["birth_date"])
            if duplicate is not None and duplicate.id != id:
                raise errors.DuplicateChild(
                    name=values["name"], kana=values["kana"], birth_date=values["birth_date"]
                )
            for field_name in CHILD_FIELDS:
                setattr(row, field_name, values[field_name])
            row.kana_key = normalize(values["kana"])
            for key, attr in GUARDIAN_FIELDS.items():
                setattr(row.guardian, attr, values[key])
            row.guardian.phone_digits = phone_digits(values["phone"])
            if "contacts" in changes:
                row.contacts.clear()
                uow.session.flush()
                for i, c in enumerate(_contacts(changes["contacts"]), start=1):
                    row.contacts.append(models.EmergencyContact(
                        position=i, name=c.name.strip(), relation=c.relation.strip(),
                        phone=c.phone.strip(), phone_digits=phone_digits(c.phone)))
            row.updated_at = uow.now
            uow.session.flush()
            reindex(uow.session, row)
            uow.audit("child.update", "child", id, before, _child_snapshot(row))
            uow.commit()
            return convert.child(row)

    @staticmethod
    def _validated(values: dict[str, Any]) -> dict[str, Any]:
        out = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
        for required in ("name", "kana", "guardian_name", "phone"):
            if not out.get(required):
                raise errors.InvalidInput(field=required, value="", reason="required")
        if not isinstance(out["birth_date"], date):
            raise errors.InvalidInput(field="birth_date", value=str(out["birth_date"]), reason="required")
        if not is_kana(out["kana"]):
            raise errors.InvalidInput(field="kana", value=out["kana"], reason="not_kana")
        if out.get("guardian_kana") and not is_kana(out["guardian_kana"]):
            raise errors.InvalidInput(field="guardian_kana", value=out["guardian_kana"], reason="not_kana")
        if not phone_digits(out["phone"]):
            raise errors.InvalidInput(field="phone", value=out["phone"], reason="required")
        out["sex"] = parse_sex(out.get("sex") or "")
        return out


def is_kana(text: str) -> bool:
    """Katakana (after normalisation) with the long-vowel mark: what a フリガナ field holds."""
    key = normalize(text)
    return bool(key) and all("\u30a0" <= ch <= "\u30ff" for ch in key)


def matching_ids(query: str) -> Select[tuple[str]] | None:
    """Ids of children matching ``query`` (see :meth:`ChildService.search`) as a subquery
    of index range scans; None for a query with nothing to search."""
    key = "#" + phone_digits(query) if looks_like_phone(query) else normalize(query)
    if not key:
        return None
    return select(models.ChildSearchKey.child_id).where(
        models.ChildSearchKey.key >= key, models.ChildSearchKey.key < key + "\U0010ffff"
    )


def _children_by_kana(session: Session, ids: Select[tuple[str]], limit: int) -> list[Child]:
    """The first ``limit`` children of ``ids`` by kana and birth date, with guardian and
    contacts, in one column query: only those few rows are joined and read."""
    child, guardian, contact = models.Child, models.Guardian, models.EmergencyContact
    first = (select(child.id, child.kana_key, child.birth_date).where(child.id.in_(ids))
             .order_by(child.kana_key, child.birth_date).limit(limit).subquery())
    rows = session.execute(
        select(child.id, child.name, child.kana, child.birth_date, child.sex, child.allergies,
               child.notes, guardian.id, guardian.name, guardian.kana, guardian.phone,
               guardian.postal_code, guardian.address, contact.name, contact.relation, contact.phone)
        .join_from(first, child, child.id == first.c.id)
        .join(guardian, guardian.id == child.guardian_id)
        .outerjoin(contact, contact.child_id == child.id)
        .order_by(first.c.kana_key, first.c.birth_date, contact.position)
    )
    found: dict[str, Child] = {}
    for (id, name, kana, birth_date, sex, allergies, notes, guardian_id, guardian_name,
         guardian_kana, phone, postal_code, address, *contact_fields) in rows:
        known = found.get(id) or Child(
            id=id, name=name, kana=kana, birth_date=birth_date, sex=sex,
            guardian_name=guardian_name, guardian_kana=guardian_kana, phone=phone,
            postal_code=postal_code, address=address, allergies=allergies, notes=notes,
            guardian_id=guardian_id)
        if contact_fields[0] is not None:
            known = replace(known, contacts=(*known.contacts, Contact(*contact_fields)))
        found[id] = known
    return list(found.values())


def _child_snapshot(row: models.Child) -> dict[str, Any]:
    data = snapshot(row)
    data["guardian"] = snapshot(row.guardian)
    data["contacts"] = [snapshot(c) for c in row.contacts]
    return data


def create_child(
    uow: UnitOfWork, *, contacts: Iterable[Contact | Sequence[str]] = (), **fields: Any
) -> models.Child:
    """A new child with its guardian inside ``uow`` (the file sync's registrations); takes
    the fields of :meth:`ChildService.add` and refuses as it does."""
    defaults = dict(guardian_kana="", postal_code="", address="", allergies="", notes="")
    values = ChildService._validated({**defaults, **fields})
    return _insert_child(uow, values, _contacts(contacts))


def _insert_child(uow: UnitOfWork, values: dict[str, Any], contact_list: list[Contact]) -> models.Child:
    if values["birth_date"] > uow.today:
        raise errors.InvalidInput(field="birth_date", value=str(values["birth_date"]),
                                  reason="future_birth_date")
    if find_duplicate(uow, values["kana"], values["birth_date"]) is not None:
        raise errors.DuplicateChild(
            name=values["name"], kana=values["kana"], birth_date=values["birth_date"]
        )
    guardian = models.Guardian(
        name=values["guardian_name"], kana=values["guardian_kana"], phone=values["phone"],
        phone_digits=phone_digits(values["phone"]), postal_code=values["postal_code"],
        address=values["address"], created_at=uow.now,
    )
    row = models.Child(
        guardian=guardian, name=values["name"], kana=values["kana"],
        kana_key=normalize(values["kana"]), birth_date=values["birth_date"],
        sex=values["sex"], allergies=values["allergies"], notes=values["notes"],
        created_at=uow.now, updated_at=uow.now,
        contacts=[
            models.EmergencyContact(position=i, name=c.name.strip(), relation=c.relation.strip(),
                                    phone=c.phone.strip(), phone_digits=phone_digits(c.phone))
            for i, c in enumerate(contact_list, start=1)
        ],
    )
    uow.session.add(row)
    index(uow.session, row)
    uow.audit("child.add", "child", row.id, None, _child_snapshot(row))
    return row

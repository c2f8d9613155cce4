"""Finding children and bookings the way staff type on the phone; editing a child's record."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from hoiku_desk.services import Booking, Child, Contact, Desk, Facility, errors
from tests.conftest import ChildMaker
from tests.helpers import NOW, TUESDAY, t

WEDNESDAY = TUESDAY + timedelta(days=1)
HANAKO_PHONE = "090-1234-5678"
GRANDPA_PHONE = "080-1111-2222"


def add(desk: Desk, name: str, kana: str, phone: str, **extra: Any) -> Child:
    values: dict[str, Any] = dict(birth_date=date(2023, 5, 10), sex="female", guardian_name="保護者")
    values.update(extra)
    return desk.children.add(name=name, kana=kana, phone=phone, **values)


@pytest.fixture
def family(desk: Desk) -> dict[str, Child]:
    """Added out of kana order, so an ordered result proves the sort."""
    return {
        "hanako": add(desk, "山田 花子", "ヤマダ ハナコ", HANAKO_PHONE,
                      contacts=[Contact("山田 一郎", "祖父", GRANDPA_PHONE)]),
        "sato": add(desk, "佐藤 健", "サトウ ケン", "03-3333-4444"),
        "taro": add(desk, "山田 太郎", "やまだ たろう", "090-9999-0000"),
    }


def names(children: list[Child]) -> list[str]:
    return [c.name for c in children]


# -- children.search -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("やまだ", ["山田 太郎", "山田 花子"]),
        ("ヤマダ", ["山田 太郎", "山田 花子"]),
        ("ﾔﾏﾀﾞ", ["山田 太郎", "山田 花子"]),
        ("ﾔﾏ", ["山田 太郎", "山田 花子"]),
        ("はなこ", ["山田 花子"]),
        ("ハナ", ["山田 花子"]),
        ("たろう", ["山田 太郎"]),
        ("やまだ　は", ["山田 花子"]),
        ("やまだは", ["山田 花子"]),
        ("ﾔﾏﾀﾞ ﾊﾅｺ", ["山田 花子"]),
        ("さとう", ["佐藤 健"]),
        ("山田", ["山田 太郎", "山田 花子"]),
        ("山", ["山田 太郎", "山田 花子"]),
        ("花子", ["山田 花子"]),
        ("山田 花子", ["山田 花子"]),
        ("山田花子", ["山田 花子"]),
    ],
)
def test_search_by_kana_or_name_prefix_in_any_writing(
    desk: Desk, family: dict[str, Child], query: str, expected: list[str]
) -> None:
    assert names(desk.children.search(query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("09012345678", "山田 花子"),
        ("090-1234-5678", "山田 花子"),
        ("090-1234", "山田 花子"),
        ("０９０１２３４", "山田 花子"),  # full-width digits
        (GRANDPA_PHONE, "山田 花子"),  # an emergency contact's phone
        ("08011112222", "山田 花子"),
        ("0333334444", "佐藤 健"),
        ("03-3333", "佐藤 健"),
    ],
)
def test_search_by_any_phone_number_ignoring_hyphens(
    desk: Desk, family: dict[str, Child], query: str, expected: str
) -> None:
    assert names(desk.children.search(query)) == [expected]


def test_search_by_a_shared_phone_prefix_finds_everyone_with_it(
    desk: Desk, family: dict[str, Child]
) -> None:
    assert names(desk.children.search("090")) == ["山田 太郎", "山田 花子"]


@pytest.mark.parametrize("query", ["すずき", "ハナヤマ", "鈴木", "070-0000", "", "   "])
def test_a_query_that_matches_nobody_returns_an_empty_list(
    desk: Desk, family: dict[str, Child], query: str
) -> None:
    assert desk.children.search(query) == []


def test_search_does_not_match_the_middle_of_a_name(desk: Desk, family: dict[str, Child]) -> None:
    assert desk.children.search("まだ") == []
    assert desk.children.search("1234-5678") == []


def test_search_respects_the_limit_keeping_kana_order(desk: Desk, family: dict[str, Child]) -> None:
    assert names(desk.children.search("やまだ", limit=1)) == ["山田 太郎"]
    assert len(desk.children.search("やまだ", limit=2)) == 2


def test_search_results_are_ordered_by_kana(desk: Desk, family: dict[str, Child]) -> None:
    add(desk, "山田 愛", "ヤマダ アイ", "090-5555-6666")
    assert names(desk.children.search("やまだ")) == ["山田 愛", "山田 太郎", "山田 花子"]


# -- children.update -----------------------------------------------------------------
def test_search_results_are_the_whole_records_with_guardian_and_contacts(desk: Desk) -> None:
    many = add(desk, "山田 花子", "ヤマダ ハナコ", HANAKO_PHONE, guardian_kana="ヤマダ ヨウコ",
               postal_code="100-0001", address="東京都千代田区", allergies="卵", notes="人見知り",
               contacts=CONTACTS[:3])
    none = add(desk, "山田 太郎", "ヤマダ タロウ", "090-9999-0000", sex="male")

    assert desk.children.search("やまだ") == [desk.children.get(none.id), desk.children.get(many.id)]
    assert desk.children.search("やまだ")[1].contacts == tuple(CONTACTS[:3])


def test_update_changes_a_field_and_search_follows(desk: Desk, family: dict[str, Child]) -> None:
    hanako = family["hanako"]
    updated = desk.children.update(hanako.id, kana="ヤマモト ハナコ", name="山本 花子")
    assert (updated.kana, updated.name) == ("ヤマモト ハナコ", "山本 花子")
    assert desk.children.get(hanako.id) == updated
    assert names(desk.children.search("やまだ")) == ["山田 太郎"]
    assert names(desk.children.search("やまもと")) == ["山本 花子"]
    assert names(desk.children.search("山本")) == ["山本 花子"]


def test_update_of_the_phone_moves_the_phone_search(desk: Desk, family: dict[str, Child]) -> None:
    desk.children.update(family["hanako"].id, phone="070-7777-8888")
    assert desk.children.search("09012345678") == []
    assert names(desk.children.search("07077778888")) == ["山田 花子"]


def test_update_of_contacts_replaces_them_and_their_phones(desk: Desk, family: dict[str, Child]) -> None:
    aunt = Contact("田中 由美", "叔母", "080-3333-4444")
    updated = desk.children.update(family["hanako"].id, contacts=[aunt])
    assert updated.contacts == (aunt,)
    assert desk.children.search(GRANDPA_PHONE) == []
    assert names(desk.children.search("08033334444")) == ["山田 花子"]


CONTACTS = [Contact(f"連絡先{i}", "親族", f"080-0000-000{i}") for i in range(1, 5)]


def test_three_contacts_are_accepted(desk: Desk) -> None:
    child = add(desk, "山田 花子", "ヤマダ ハナコ", HANAKO_PHONE, contacts=CONTACTS[:3])
    assert desk.children.get(child.id).contacts == tuple(CONTACTS[:3])


def test_a_fourth_contact_is_refused_on_add(desk: Desk) -> None:
    with pytest.raises(errors.InvalidInput):
        add(desk, "山田 花子", "ヤマダ ハナコ", HANAKO_PHONE, contacts=CONTACTS)
    assert desk.children.search("やまだ") == []


def test_a_fourth_contact_is_refused_on_update(desk: Desk, family: dict[str, Child]) -> None:
    hanako = family["hanako"]
    with pytest.raises(errors.InvalidInput):
        desk.children.update(hanako.id, contacts=CONTACTS)
    assert desk.children.get(hanako.id).contacts == hanako.contacts


@pytest.mark.parametrize("kana", ["Yamada Hanako", "山田 花子", "ヤマダ 花子", "yamada"])
def test_kana_that_is_not_kana_is_refused(desk: Desk, family: dict[str, Child], kana: str) -> None:
    with pytest.raises(errors.InvalidInput):
        add(desk, "鈴木 一", kana, "090-1111-0000")
    with pytest.raises(errors.InvalidInput):
        desk.children.update(family["hanako"].id, kana=kana)
    assert desk.children.get(family["hanako"].id).kana == "ヤマダ ハナコ"


def test_a_birth_date_in_the_future_is_refused(desk: Desk, family: dict[str, Child]) -> None:
    tomorrow = NOW.date() + timedelta(days=1)
    with pytest.raises(errors.InvalidInput):
        add(desk, "鈴木 一", "スズキ ハジメ", "090-1111-0000", birth_date=tomorrow)
    with pytest.raises(errors.InvalidInput):
        desk.children.update(family["hanako"].id, birth_date=tomorrow)
    assert desk.children.get(family["hanako"].id).birth_date == date(2023, 5, 10)


def test_a_child_born_today_is_accepted(desk: Desk) -> None:
    assert add(desk, "鈴木 一", "スズキ ハジメ", "090-1111-0000", birth_date=NOW.date()).birth_date == NOW.date()


@pytest.mark.parametrize(
    ("sex", "stored"), [("女", "female"), ("男", "male"), ("female", "female"), ("male", "male")]
)
def test_sex_accepts_japanese_and_english(desk: Desk, sex: str, stored: str) -> None:
    assert add(desk, "鈴木 一", "スズキ ハジメ", "090-1111-0000", sex=sex).sex == stored


def test_an_unknown_sex_is_refused(desk: Desk) -> None:
    with pytest.raises(errors.InvalidInput):
        add(desk, "鈴木 一", "スズキ ハジメ", "090-1111-0000", sex="x")


# -- bookings.search -----------------------------------------------------------------
@pytest.fixture
def booked(desk: Desk, facility: Facility, make_child: ChildMaker) -> dict[str, Booking]:
    """Hanako on Tuesday (0303-01) and Wednesday (0304-01), Taro on Tuesday (0303-02),
    Sato's interview on Wednesday."""
    hanako = make_child(facility, name="山田 花子", kana="ヤマダ ハナコ", phone=HANAKO_PHONE)
    taro = make_child(facility, name="山田 太郎", kana="ヤマダ タロウ", phone="090-9999-0000")
    sato = make_child(name="佐藤 健", kana="サトウ ケン", phone="03-3333-4444")
    slot = desk.interviews.add_slot(facility.id, WEDNESDAY, t("14:00"), t("14:30"))
    made = {
        "hanako_tue": desk.bookings.book(facility.id, hanako.id, TUESDAY, t("10:00"), t("12:00")),
        "taro_tue": desk.bookings.book(facility.id, taro.id, TUESDAY, t("09:00"), t("10:00")),
        "hanako_wed": desk.bookings.book(facility.id, hanako.id, WEDNESDAY, t("09:00"), t("10:00")),
        "sato_interview": desk.interviews.book(
            desk.registrations.apply(sato.id, facility.id).id, slot.id
        ),
    }
    assert [made[k].number for k in ("hanako_tue", "taro_tue", "hanako_wed")] == [
        "0303-01", "0303-02", "0304-01"]
    return made


def found(desk: Desk, facility: Facility, **filters: Any) -> list[str]:
    return [b.number for b in desk.bookings.search(facility.id, **filters)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("やまだ は", ["0303-01", "0304-01"]),
        ("ﾀﾛｳ", ["0303-02"]),
        ("山田", ["0303-02", "0303-01", "0304-01"]),
        ("09012345678", ["0303-01", "0304-01"]),  # the parent forgot the number
        ("090-1234-5678", ["0303-01", "0304-01"]),
        ("0303-01", ["0303-01"]),
        ("030301", ["0303-01"]),
        ("0304-01", ["0304-01"]),
        ("さとう", ["0304-02"]),
        ("すずき", []),
        ("0305-01", []),
    ],
)
def test_booking_search_by_child_phone_or_number(
    desk: Desk, facility: Facility, booked: dict[str, Booking], query: str, expected: list[str]
) -> None:
    assert found(desk, facility, query=query) == expected
    assert desk.bookings.count(facility.id, query=query) == len(expected)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["0303-02", "0303-01", "0304-01", "0304-02"]),
        ({"kinds": ["interview"]}, ["0304-02"]),
        ({"kinds": ["flexible"]}, ["0303-02", "0303-01", "0304-01"]),
        ({"statuses": ["cancelled"]}, ["0303-02"]),
        ({"statuses": ["confirmed"]}, ["0303-01", "0304-01", "0304-02"]),
        ({"from_day": WEDNESDAY}, ["0304-01", "0304-02"]),
        ({"to_day": TUESDAY}, ["0303-02", "0303-01"]),
        ({"from_day": TUESDAY, "to_day": TUESDAY, "statuses": ["confirmed"]}, ["0303-01"]),
        ({"query": "やまだ", "from_day": WEDNESDAY}, ["0304-01"]),
        ({"query": "やまだ", "kinds": ["interview"]}, []),
    ],
)
def test_booking_search_filters(
    desk: Desk, facility: Facility, booked: dict[str, Booking], filters: dict[str, Any],
    expected: list[str],
) -> None:
    desk.cancellations.cancel(booked["taro_tue"].id, "illness")
    assert found(desk, facility, **filters) == expected
    assert desk.bookings.count(facility.id, **filters) == len(expected)


@pytest.mark.parametrize("size", [1, 2, 3, 5])
def test_booking_search_in_pages_gives_every_booking_once_in_order(
    desk: Desk, facility: Facility, make_child: ChildMaker, booked: dict[str, Booking], size: int
) -> None:
    # the same day and start as 0303-01: the number orders them
    desk.bookings.book(facility.id, make_child(facility).id, TUESDAY, t("10:00"), t("12:00"))
    pages: list[str] = []
    after = None
    while True:
        page = desk.bookings.search(facility.id, after=after, limit=size)
        pages += [b.number for b in page]
        if len(page) < size:
            break
        after = page[-1]

    assert pages == ["0303-02", "0303-01", "0303-03", "0304-01", "0304-02"] == found(desk, facility)


def test_children_per_day_counts_each_child_holding_a_place_once_a_day(
    desk: Desk, facility: Facility, booked: dict[str, Booking]
) -> None:
    hanako = booked["hanako_tue"].child_id
    desk.bookings.book(facility.id, hanako, TUESDAY, t("13:00"), t("15:00"))

    desk.cancellations.cancel(booked["taro_tue"].id, "illness")

    # Hanako twice on Tuesday counts once; Sato's interview and Taro's cancelled booking not at all
    assert desk.bookings.children_per_day(facility.id, TUESDAY, WEDNESDAY) == {TUESDAY: 1, WEDNESDAY: 1}
    assert desk.bookings.children_per_day(facility.id, WEDNESDAY, WEDNESDAY) == {WEDNESDAY: 1}
    assert desk.bookings.children_per_day(facility.id, TUESDAY + timedelta(days=7),
                                          TUESDAY + timedelta(days=8)) == {}


def test_booking_search_pages_keep_the_filters(
    desk: Desk, facility: Facility, booked: dict[str, Booking]
) -> None:
    first = desk.bookings.search(facility.id, query="やまだ", limit=2)
    assert [b.number for b in first] == ["0303-02", "0303-01"]
    assert found(desk, facility, query="やまだ", after=first[-1], limit=2) == ["0304-01"]
    assert found(desk, facility, query="すずき", limit=2) == []


def test_booking_search_is_per_facility(
    desk: Desk, facility: Facility, daredemo: Facility, booked: dict[str, Booking]
) -> None:
    assert desk.bookings.search(daredemo.id, query="やまだ") == []

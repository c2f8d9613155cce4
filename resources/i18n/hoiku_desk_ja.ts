<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="38"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="39"/>
        <source>Kana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="40"/>
        <source>Born (age)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="41"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../hoiku_desk/views/app.py" line="65"/>
        <source>demo data</source>
        <translation>デモデータ</translation>
    </message>
</context>
<context>
    <name>ApprovalPane</name>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="105"/>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="106"/>
        <source>Approve the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="108"/>
        <source>&amp;Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="109"/>
        <source>Reject the selected item with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="112"/>
        <source>Approve all &amp;without problems…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="113"/>
        <source>Approve every item that has no problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="168"/>
        <source>Waiting for approval: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="199"/>
        <source>Problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="202"/>
        <source>No problems: it can be approved as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="228"/>
        <source>Regular use approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="236"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="236"/>
        <source>Reason for rejecting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="249"/>
        <source>Approve the %1 items that have no problems?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="250"/>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="256"/>
        <source>Approve all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="269"/>
        <source>Approved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="271"/>
        <source>Not approved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="282"/>
        <source>%1 days booked; these days could not be booked:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendancePane</name>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="52"/>
        <source>In care</source>
        <translation>お預かり中</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="66"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="67"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="68"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="69"/>
        <source>Age</source>
        <translation>年齢</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="70"/>
        <source>Allergies</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="71"/>
        <source>Pick-up</source>
        <translation>お迎え</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="73"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="74"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="75"/>
        <source>Fee due</source>
        <translation>利用料</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="76"/>
        <source>Paid</source>
        <translation>支払済</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="121"/>
        <source>&amp;Date:</source>
        <translation>日付(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="129"/>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="129"/>
        <source>Show today&apos;s list</source>
        <translation>今日の出席簿を表示</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="133"/>
        <source>Check &amp;in</source>
        <translation>登園(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="134"/>
        <source>The selected child has arrived</source>
        <translation>選んだ児童の登園を記録します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="135"/>
        <source>Check &amp;out</source>
        <translation>降園(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="136"/>
        <source>The selected child has gone home</source>
        <translation>選んだ児童の降園を記録します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="138"/>
        <source>&amp;No-show…</source>
        <translation>無断欠席(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="139"/>
        <source>The selected child did not come (charged as a late cancellation)</source>
        <translation>選んだ児童が来なかったことを記録します（直前のキャンセルと同じ料金がかかります）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="140"/>
        <source>&amp;Payment…</source>
        <translation>支払い(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="141"/>
        <source>Record a payment for the selected child</source>
        <translation>選んだ児童の利用料の支払いを記録します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="214"/>
        <source>Children: %1 / in care now: %2</source>
        <translation>利用児童 %1名 / お預かり中 %2名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="270"/>
        <source>Record %1 as a no-show? The fee is charged as for a late cancellation.</source>
        <translation>%1さんを無断欠席として記録しますか？直前のキャンセルと同じ料金がかかります。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="272"/>
        <source>No-show</source>
        <translation>無断欠席</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="282"/>
        <source>Amount received for %1 in yen (empty: %2 still due):</source>
        <translation>%1さんから受け取った金額（円）。空欄なら未払いの %2:</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="284"/>
        <source>Payment</source>
        <translation>支払い</translation>
    </message>
</context>
<context>
    <name>BookingPane</name>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="111"/>
        <source>&amp;Child</source>
        <extracomment>The field whose error label shows a refusal, by error code (others: the general label).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="139"/>
        <source>Up/Down: one day; Alt+Down: calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="146"/>
        <source>Type the time as digits: &quot;10&quot; for 10:00, &quot;103&quot; for 10:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="153"/>
        <source>to (&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="159"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="161"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="167"/>
        <source>Cancellation policy (read out to the parent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="173"/>
        <source>Read out; the parent &amp;agrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="175"/>
        <source>Space to tick, once the policy is read out (Alt+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="182"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="185"/>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="186"/>
        <source>Someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="188"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="189"/>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="190"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="197"/>
        <source>Anything the nursery should know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="198"/>
        <source>&amp;Walk-in (at the counter, may join the slot now running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="201"/>
        <source>&amp;Pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="204"/>
        <source>Co&amp;mment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="205"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="209"/>
        <source>&amp;Regular use request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="228"/>
        <source>Send regular-use request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="231"/>
        <source>Uses the child, times, pick-up and comment above; waits for approval (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="236"/>
        <source>Weekdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="237"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="238"/>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="247"/>
        <source>Confirm &amp;booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="251"/>
        <source>Confirm the booking (Enter from any field, Alt+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="510"/>
        <source>Closed on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="514"/>
        <source>Places left {start}–{end}: {left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="524"/>
        <source>Choose an end time after the start time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="538"/>
        <source>{day} {start}–{end} ({length}): the fee is {fee}, paid on the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="540"/>
        <source>The free cancellation deadline ({deadline}) has passed: a cancellation costs {percent}% of the fee ({late_fee}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="543"/>
        <source>Cancellation is free until {deadline}. After that, {percent}% of the fee ({late_fee}) is charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="545"/>
        <source>A no-show is charged like a late cancellation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="547"/>
        <source>Late-cancelled and no-show hours count against the month&apos;s hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="549"/>
        <source>Cancelling for these reasons is always free: {reasons}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="627"/>
        <source>Booking number {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="632"/>
        <source>{name}: {weekdays} {start}–{end}, {first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="636"/>
        <source>Regular-use request sent for approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="110"/>
        <source>Previous month (PageUp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="111"/>
        <source>Next month (PageDown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="112"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="112"/>
        <source>Today (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="159"/>
        <source>Booked: children with a booking that day. Left: the fewest places left in any slot of the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="186"/>
        <source>Enter or double-click: book this slot. Esc: back to the month.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallListDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="314"/>
        <source>Call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="318"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="323"/>
        <source>Please phone these families:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="132"/>
        <source>Cancel bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="159"/>
        <source>Cancel the &amp;bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="160"/>
        <source>&amp;Keep them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="165"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="166"/>
        <source>&amp;Detail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="196"/>
        <source>%1 bookings, %2 late — fees %3, quota used %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="110"/>
        <source>Change booking %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="133"/>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="134"/>
        <source>Someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="141"/>
        <source>Free changes until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="155"/>
        <source>&amp;Save the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="165"/>
        <source>Booking:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="167"/>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="168"/>
        <source>&amp;Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="169"/>
        <source>&amp;Pick-up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="170"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="171"/>
        <source>Relation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="172"/>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="173"/>
        <source>C&amp;omment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="245"/>
        <source>The %1 this change drops count as a late cancellation: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="264"/>
        <source>Late change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="265"/>
        <source>Save the change?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildCard</name>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="72"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="73"/>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="74"/>
        <source>Allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="75"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="76"/>
        <source>Registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="77"/>
        <source>Held days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="78"/>
        <source>Monthly quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="94"/>
        <source>No child chosen: search by kana, name or phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="106"/>
        <source>{age} (born {birth})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="111"/>
        <location filename="../../hoiku_desk/views/child_card.py" line="115"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="118"/>
        <source>Not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="130"/>
        <source>approved, valid until {until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="131"/>
        <source>expired on {until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="132"/>
        <source>applied, interview pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="133"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="139"/>
        <source>{held} of {most}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="148"/>
        <source>{month}: used {used}, left {left} of {quota}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="74"/>
        <source>Edit child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="74"/>
        <source>Add child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="83"/>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="109"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="84"/>
        <source>Kana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="90"/>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="91"/>
        <source>Age today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="94"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="94"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="95"/>
        <source>Unspecified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="98"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="99"/>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="100"/>
        <source>Guardian kana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="101"/>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="109"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="102"/>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="103"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="104"/>
        <source>Allergies / medical notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="105"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="107"/>
        <source>Emergency contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="109"/>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="126"/>
        <source>Save the child (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildSearch</name>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="25"/>
        <source>{years} y {months} m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="130"/>
        <source>Kana, name or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="132"/>
        <source>Search as you type (Ctrl+F). Enter chooses the highlighted child, Down moves into the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildrenPane</name>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="208"/>
        <source>Kana, name or phone (Ctrl+F)</source>
        <extracomment>How far ahead open interview slots are listed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="216"/>
        <source>Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="218"/>
        <source>&amp;Add child…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="219"/>
        <source>Add a child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="220"/>
        <source>&amp;Edit child…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="221"/>
        <source>Edit the selected child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="223"/>
        <source>&amp;March list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="224"/>
        <source>Registrations ending on 31 March with bookings after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="235"/>
        <source>Registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="236"/>
        <source>Interview slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="238"/>
        <source>March list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="256"/>
        <source>A&amp;pply at this facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="257"/>
        <source>Register the child at this facility (applied, waiting for the interview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="261"/>
        <source>Appro&amp;ve after interview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="262"/>
        <source>Approve the selected registration with the interview date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="266"/>
        <source>Re&amp;ject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="267"/>
        <source>Reject the selected registration with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="279"/>
        <source>Bookings at this facility from today:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="296"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="296"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="297"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="298"/>
        <source>Families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="302"/>
        <source>Add s&amp;lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="302"/>
        <source>Add an interview slot (admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="308"/>
        <source>&amp;Book interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="309"/>
        <source>Book the selected child&apos;s application into the selected slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="314"/>
        <source>Open interview slots (next %1 days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="445"/>
        <source>Registrations ending on %1 that still have bookings after it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="530"/>
        <source>Registration approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="538"/>
        <source>Reject registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="539"/>
        <source>Reason for rejecting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="566"/>
        <source>%1 has no application at this facility: apply first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="576"/>
        <source>Interview booked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="230"/>
        <source>Close a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="237"/>
        <source>&amp;From a time on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="253"/>
        <source>&amp;Close the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="258"/>
        <source>&amp;Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="260"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="35"/>
        <source>Welcome to Hoiku Desk</source>
        <translation>Hoiku Desk へようこそ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="40"/>
        <source>This database has no facility yet. Enter the facility this desk works for, or fill the database with demo data to try the program.</source>
        <translation>このデータベースには施設がまだ登録されていません。この受付で扱う施設を入力するか、デモデータを入れてお試しください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="51"/>
        <source>Temporary childcare (ichiji hoiku)</source>
        <translation>一時保育</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="52"/>
        <source>Kodomo daredemo tsuen</source>
        <translation>こども誰でも通園制度</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="54"/>
        <source>Facility &amp;name:</source>
        <translation>施設名(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="55"/>
        <source>Facility &amp;code:</source>
        <translation>施設コード(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="56"/>
        <source>&amp;Program:</source>
        <translation>事業(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="65"/>
        <source>C&amp;reate facility</source>
        <translation>施設を登録(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="69"/>
        <source>Fill with &amp;demo data</source>
        <translation>デモデータを入れる(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="72"/>
        <source>Two facilities, forty children and two weeks of bookings</source>
        <translation>2施設・児童40名・2週間分の予約</translation>
    </message>
</context>
<context>
    <name>InterviewDateDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="214"/>
        <source>Approve registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="227"/>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="228"/>
        <source>Interviewed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="229"/>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="246"/>
        <source>Valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="31"/>
        <source>Hoiku Desk</source>
        <translation>Hoiku Desk 保育受付</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="45"/>
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="45"/>
        <source>Booking</source>
        <translation>予約受付</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="45"/>
        <source>Approvals</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="46"/>
        <source>Reservations</source>
        <translation>予約一覧・キャンセル</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="46"/>
        <source>Attendance</source>
        <translation>出席簿</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="46"/>
        <source>Children</source>
        <translation>児童・利用登録</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="47"/>
        <source>Settings</source>
        <translation>施設設定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="95"/>
        <source>Facility:</source>
        <translation>施設:</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="113"/>
        <source>Database: %1</source>
        <translation>データベース: %1</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="116"/>
        <source>Waiting for approval: %1</source>
        <translation>承認待ち: %1件</translation>
    </message>
</context>
<context>
    <name>MonthTableModel</name>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="169"/>
        <source>Year end</source>
        <extracomment>The role giving a month cell&apos;s :class:`DayCell`.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="170"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="175"/>
        <source>Closed: weekly closed day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="177"/>
        <source>Closed: national holiday (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="179"/>
        <source>Closed: year-end holidays (12/29–1/3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="180"/>
        <source>Closed by the facility.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="183"/>
        <source>Booked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="195"/>
        <source>Booked %1 · Left %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="208"/>
        <source>Booked: %1 children this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="211"/>
        <source>Left: %1 places in the fullest slot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReservationsPane</name>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="334"/>
        <source>Child name, kana, phone or booking number (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="338"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="343"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="343"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="374"/>
        <source>&amp;Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="375"/>
        <source>Change the selected booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="376"/>
        <source>Cancel &amp;bookings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="377"/>
        <source>Cancel the selected bookings (Delete in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="379"/>
        <source>C&amp;lose a day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="380"/>
        <source>Close a day and cancel its bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="408"/>
        <source>%1 bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="446"/>
        <source>%1 bookings selected: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="458"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="459"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="461"/>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="462"/>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="463"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="464"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="465"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="466"/>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="467"/>
        <source>Pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="468"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="471"/>
        <source>Allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="510"/>
        <source>Close a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="510"/>
        <source>No bookings are affected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesForm</name>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="64"/>
        <source>Temporary childcare (ichiji)</source>
        <extracomment>Fields whose order does not matter: compared as sets.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="65"/>
        <source>Daredemo tsuen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="66"/>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="67"/>
        <source>Booking unit (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="68"/>
        <source>Shortest booking (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="69"/>
        <source>Capacity per slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="70"/>
        <source>Bookable days ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="71"/>
        <source>Days a child may hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="73"/>
        <source>Days ahead and held days apply to phone bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="74"/>
        <source>Youngest age (months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="75"/>
        <source>Oldest age (months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="76"/>
        <source>Monthly quota (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="79"/>
        <source>Opens at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="80"/>
        <source>Closes at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="87"/>
        <source>Closed weekdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="88"/>
        <source>Closed on public holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="89"/>
        <source>Closed at the year end (29 Dec – 3 Jan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="91"/>
        <source>Phone and walk-in bookings are confirmed at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="92"/>
        <source>Online bookings are confirmed at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="96"/>
        <source>Free cancellation until (days before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="97"/>
        <source>Free cancellation until (time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="99"/>
        <source> yen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="100"/>
        <source>Fee per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="103"/>
        <source>Late cancellation fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="105"/>
        <source>Late cancellations use up the monthly quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="110"/>
        <source>No fee for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="138"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPane</name>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="130"/>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="318"/>
        <source>Facility rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="133"/>
        <source>&amp;Save rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="134"/>
        <source>Save the changed rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="135"/>
        <source>&amp;Undo edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="136"/>
        <source>Show the saved rules again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="146"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="151"/>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="374"/>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="152"/>
        <source>Weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="153"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="159"/>
        <source>Only from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="170"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="172"/>
        <source>Children per slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="175"/>
        <source>Set &amp;capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="176"/>
        <source>Set the capacity; bookings beyond it are listed, never cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="185"/>
        <source>Capacities set in this session:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="191"/>
        <source>Closed and opened days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="196"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="203"/>
        <source>Reason (e.g. storm warning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="205"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="209"/>
        <source>Close &amp;day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="210"/>
        <source>Close the day (or from the time on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="216"/>
        <source>Open a holiday, year-end day or closed weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="218"/>
        <source>&amp;Open day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="219"/>
        <source>Open the day for bookings and lift its closures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="230"/>
        <source>Add a facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="234"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="237"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="241"/>
        <source>Temporary childcare (ichiji)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="242"/>
        <source>Daredemo tsuen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="246"/>
        <source>Add &amp;facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="247"/>
        <source>Add a facility with the program&apos;s default rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="344"/>
        <source>Nothing to save: no rule was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="351"/>
        <source>Saved. New bookings follow the new rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="394"/>
        <source>All day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="397"/>
        <source>Capacity set: %1 children per slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="404"/>
        <source>Bookings beyond capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="405"/>
        <source>These %1 bookings are now beyond the capacity. Nothing was cancelled:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="429"/>
        <source>Closed %1. %2 bookings are affected: cancel them in the Reservations pane with the reason “%3” and phone the families.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="434"/>
        <source>Closed %1. No bookings are affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="448"/>
        <source>%1 is open for bookings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="464"/>
        <source>Added %1 %2: choose it in the status bar to work on it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/about_dialog.py" line="49"/>
        <source>About Hoiku Desk</source>
        <translation>Hoiku Desk について</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/about_dialog.py" line="51"/>
        <source>Hoiku Desk</source>
        <translation>Hoiku Desk 保育受付</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/about_dialog.py" line="54"/>
        <source>Version: %1</source>
        <translation>バージョン：%1</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/about_dialog.py" line="55"/>
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/about_dialog.py" line="57"/>
        <source>Qt %1, PySide6 %2</source>
        <translation>Qt %1、PySide6 %2</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/about_dialog.py" line="61"/>
        <source>Bundled components and their licences:</source>
        <translation>同梱しているソフトウェアとライセンス：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/about_dialog.py" line="65"/>
        <source>The licence texts are in the licenses folder of the installed program.</source>
        <translation>ライセンスの全文はインストール先の licenses フォルダにあります。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/about_dialog.py" line="81"/>
        <source>Component</source>
        <translation>ソフトウェア</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/about_dialog.py" line="81"/>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
</context>
<context>
    <name>ActualsExportDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="81"/>
        <source>Export actuals</source>
        <translation>利用実績の書き出し</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="83"/>
        <source>The month&apos;s actual use, one row per child, for the municipality&apos;s monthly report:</source>
        <translation>市区町村への月次報告に使う、その月の利用実績（児童ごとに1行）を書き出します：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="89"/>
        <source>Up/Down: one month; Alt+Down: calendar</source>
        <translation>↑↓：1か月ずつ移動&#x3000;Alt+↓：カレンダー</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="90"/>
        <source>&amp;CSV: the rows per child, and the summary by age in a second file</source>
        <translation>CSV(&amp;C)：児童ごとの実績と、年齢区分別の集計を別ファイルに</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="93"/>
        <source>E&amp;xcel workbook (.xlsx): both on sheets of one file</source>
        <translation>Excelブック(&amp;X)（.xlsx）：実績と集計を1つのファイルのシートに</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="96"/>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="99"/>
        <source>&amp;Month:</source>
        <translation>対象月(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="100"/>
        <source>Format:</source>
        <translation>形式：</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../hoiku_desk/views/app.py" line="67"/>
        <source>The database is damaged. Restore the backup of %1? (The damaged file is kept.)</source>
        <translation>データベースが壊れています。%1のバックアップから復元しますか？（壊れたファイルは残します）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/app.py" line="77"/>
        <source>The backup could not be put in place (%1).</source>
        <translation>バックアップを元に戻せませんでした（%1）。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/app.py" line="80"/>
        <source>The backup of %1 was restored. The damaged database was kept as “%2”.</source>
        <translation>%1のバックアップから復元しました。壊れたデータベースは「%2」として残してあります。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/app.py" line="92"/>
        <source>Today&apos;s backup could not be made (%1). You can keep working; please tell the administrator.</source>
        <translation>今日のバックアップを作成できませんでした（%1）。このまま作業を続けられますので、管理者にお知らせください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/app.py" line="107"/>
        <source>demo data</source>
        <translation>デモデータ</translation>
    </message>
</context>
<context>
    <name>ApprovalPane</name>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="27"/>
        <source>Booking</source>
        <translation>予約</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="28"/>
        <source>Regular use</source>
        <translation>定期利用</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="29"/>
        <source>Registration</source>
        <translation>利用登録</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="30"/>
        <source>Interview</source>
        <translation>面談</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="31"/>
        <source>Cancellation</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="47"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="48"/>
        <source>Received</source>
        <translation>受付日時</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="49"/>
        <source>Source</source>
        <translation>受付経路</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="50"/>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="51"/>
        <source>Problems</source>
        <translation>問題点</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="60"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="98"/>
        <source>&amp;Approve</source>
        <translation>承認(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="99"/>
        <source>Approve the selected item</source>
        <translation>選んだ申請を承認します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="101"/>
        <source>&amp;Reject…</source>
        <translation>不承認(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="102"/>
        <source>Reject the selected item with a reason</source>
        <translation>選んだ申請を、理由を添えて不承認にします</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="105"/>
        <source>Approve all &amp;without problems…</source>
        <translation>問題のない申請をまとめて承認(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="106"/>
        <source>Approve every item that has no problems</source>
        <translation>問題のない申請をすべて承認します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="108"/>
        <source>&amp;Import file…</source>
        <translation>ファイルから取り込み(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="109"/>
        <source>Import a request file from the online channels</source>
        <translation>オンライン申請（Web・LINEなど）のファイルを取り込みます</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="150"/>
        <source>Waiting for approval: %1</source>
        <translation>承認待ち：%1件</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="181"/>
        <source>Problems:</source>
        <translation>問題点：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="182"/>
        <source>- %1</source>
        <translation>・%1</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="184"/>
        <source>No problems: it can be approved as it is.</source>
        <translation>問題はありません。このまま承認できます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="209"/>
        <source>Regular use approved</source>
        <translation>定期利用を承認しました</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="217"/>
        <source>Reject</source>
        <translation>不承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="217"/>
        <source>Reason for rejecting:</source>
        <translation>不承認の理由：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="231"/>
        <source>Approve every item without problems (%1)?</source>
        <translation>問題のない申請%1件をすべて承認しますか？</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="254"/>
        <source>- %1: %2</source>
        <translation>・%1：%2</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="265"/>
        <source>Days booked: %1. These days could not be booked:</source>
        <translation>%1日分を予約しました。次の日は予約できませんでした：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="274"/>
        <source>Import request file</source>
        <translation>申請ファイルの取り込み</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="275"/>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSVファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="232"/>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="238"/>
        <source>Approve all</source>
        <translation>まとめて承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="251"/>
        <source>Approved: %1</source>
        <translation>承認しました：%1件</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/approval_pane.py" line="253"/>
        <source>Not approved: %1</source>
        <translation>承認できませんでした：%1件</translation>
    </message>
</context>
<context>
    <name>AttendancePane</name>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="54"/>
        <source>In care</source>
        <translation>お預かり中</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="78"/>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="115"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="79"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="80"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="81"/>
        <source>Age</source>
        <translation>年齢</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="83"/>
        <source>Allergies</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="85"/>
        <source>Pick-up</source>
        <translation>お迎え</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="87"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="89"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="90"/>
        <source>Fee due</source>
        <translation>利用料</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="91"/>
        <source>Paid</source>
        <translation>入金済</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="107"/>
        <source>age %1: %2</source>
        <translation>%1歳 %2名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="117"/>
        <source>Children</source>
        <translation>児童数</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="118"/>
        <source>By age</source>
        <translation>年齢別</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="119"/>
        <source>Caregivers</source>
        <translation>保育者</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="127"/>
        <source>Expected %1 · present %2 · gone home %3 · no-shows %4 · fees due %5, paid %6</source>
        <translation>予定 %1名 ・ 在園 %2名 ・ 降園 %3名 ・ 無断欠席 %4名 ・ 料金 請求 %5、受領 %6</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="176"/>
        <source>&amp;Date:</source>
        <translation>日付(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="181"/>
        <source>Check-in and check-out are recorded at this time (the current time unless changed)</source>
        <translation>登園・降園はこの時刻で記録します（変更しなければ現在時刻）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="183"/>
        <source>Ti&amp;me:</source>
        <translation>時刻(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="186"/>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="187"/>
        <source>Show today&apos;s list</source>
        <translation>今日の出席簿を表示します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="189"/>
        <source>Check &amp;in</source>
        <translation>登園(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="190"/>
        <source>The selected child has arrived</source>
        <translation>選んだ児童の登園を記録します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="191"/>
        <source>Check &amp;out</source>
        <translation>降園(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="192"/>
        <source>The selected child has gone home</source>
        <translation>選んだ児童の降園を記録します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="194"/>
        <source>&amp;No-show…</source>
        <translation>無断欠席(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="195"/>
        <source>The selected child did not come (charged as a late cancellation)</source>
        <translation>選んだ児童が連絡なく来なかったことを記録します（期限後のキャンセルと同じ料金がかかります）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="196"/>
        <source>&amp;Payment…</source>
        <translation>入金(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="197"/>
        <source>Record a payment for the selected child</source>
        <translation>選んだ児童の利用料の入金を記録します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="240"/>
        <source>Caregivers needed: children of each age divided by that age&apos;s ratio, rounded up; at least 2 while any child is present</source>
        <translation>必要な保育者数：年齢ごとの児童数を配置基準で割った合計の切り上げ。児童がいる間は2名以上</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="245"/>
        <source>&amp;Caregivers needed</source>
        <translation>必要な保育者数(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="284"/>
        <source>Children: %1 / in care now: %2</source>
        <translation>利用予定 %1名 / お預かり中 %2名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="357"/>
        <source>%1 is leaving before %2. Note for the list (e.g. 体調不良のため早退):</source>
        <translation>%1さんは%2より前に降園します。出席簿のメモ（例：体調不良のため早退）：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="359"/>
        <source>Early pick-up</source>
        <translation>早退</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="370"/>
        <source>Record %1 as a no-show? The fee is charged as for a late cancellation.</source>
        <translation>%1さんを無断欠席として記録しますか？期限後のキャンセルと同じ料金がかかります。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="372"/>
        <source>No-show</source>
        <translation>無断欠席</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="382"/>
        <source>Amount received for %1 in yen (empty: %2 still due):</source>
        <translation>%1さんから受け取った金額（円）を入力してください（空欄のときは未収の%2）：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="384"/>
        <source>Payment</source>
        <translation>入金</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/attendance_pane.py" line="409"/>
        <source>Attendance %1.pdf</source>
        <translation>出席簿_%1.pdf</translation>
    </message>
</context>
<context>
    <name>AuditPane</name>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="68"/>
        <source>Only an administrator can see the audit log.</source>
        <extracomment>The newest entries the list shows; the export writes every matching entry. The days the list starts with (today and the six before). Children offered for a search in the child filter. The child filter&apos;s value when the search found no child: nothing matches.</extracomment>
        <translation>監査ログは管理者だけが見られます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="91"/>
        <source>Choose an entry to see what it changed.</source>
        <translation>記録を選ぶと、変更の内容が表示されます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="116"/>
        <source>&amp;From</source>
        <translation>期間(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="116"/>
        <source>&amp;To</source>
        <translation>〜(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="117"/>
        <source>&amp;Staff</source>
        <translation>職員(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="117"/>
        <source>&amp;Action</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="132"/>
        <source>Kana, name or phone</source>
        <translation>フリガナ・氏名・電話番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="134"/>
        <source>Type to choose a child; Down moves to the children found.</source>
        <translation>入力して児童を選びます。↓キーで見つかった児童に移ります。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="144"/>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="145"/>
        <source>Write the entries matching the filters (all of them, not only those listed) to a CSV file. It holds personal data</source>
        <translation>条件に合う記録（一覧に表示していない分も含めすべて）をCSVファイルに書き出します。個人情報を含みます</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="148"/>
        <source>C&amp;hild</source>
        <translation>児童(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="206"/>
        <source>Showing the newest %1 of %2 entries. Narrow the filters to see older ones; the export writes them all.</source>
        <translation>%2件のうち新しい%1件を表示しています。古い記録は条件を絞ると表示されます。書き出しにはすべて含まれます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="209"/>
        <source>%1 entries.</source>
        <translation>%1件</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="211"/>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="294"/>
        <source>No entries match the filters.</source>
        <translation>条件に合う記録はありません。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="223"/>
        <source>All staff</source>
        <translation>すべての職員</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="238"/>
        <source>All children</source>
        <translation>すべての児童</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="245"/>
        <source>No child found</source>
        <translation>該当する児童はいません</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="291"/>
        <source>Export the audit log</source>
        <translation>監査ログの書き出し</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_pane.py" line="309"/>
        <source>Wrote %1 entries to %2. The file holds personal data: keep it safe and delete it when done.</source>
        <translation>%1件を「%2」に書き出しました。個人情報を含むファイルです。大切に扱い、使い終わったら削除してください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="51"/>
        <source>Booking made</source>
        <extracomment>Bookkeeping fields never worth a line of their own (ids, search keys, timestamps of a row). The fields that name a record in the list, by entity (&quot;times&quot; joins start and end, &quot;period&quot; the first and last day).</extracomment>
        <translation>予約の登録</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="52"/>
        <source>Booking beyond the rules</source>
        <translation>規則を超えた予約</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="53"/>
        <source>Booking changed</source>
        <translation>予約の変更</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="54"/>
        <source>Cancellation</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="55"/>
        <source>Booking confirmed</source>
        <translation>予約の確定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="56"/>
        <source>Booking rejected</source>
        <translation>予約の不承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="57"/>
        <source>Fee waived</source>
        <translation>料金の免除</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="58"/>
        <source>Check-in</source>
        <translation>登園</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="59"/>
        <source>Check-out</source>
        <translation>降園</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="60"/>
        <source>No-show</source>
        <translation>無断欠席</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="61"/>
        <location filename="../../hoiku_desk/views/audit_model.py" line="121"/>
        <source>Payment</source>
        <translation>入金</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="62"/>
        <source>Child added</source>
        <translation>児童の登録</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="63"/>
        <source>Child&apos;s record changed</source>
        <translation>児童情報の変更</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="64"/>
        <source>Registration applied for</source>
        <translation>利用登録の申込み</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="65"/>
        <source>Registration approved</source>
        <translation>利用登録の承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="66"/>
        <source>Registration rejected</source>
        <translation>利用登録の不承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="67"/>
        <source>Interview slot added</source>
        <translation>面談枠の追加</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="68"/>
        <source>Regular use requested</source>
        <translation>定期利用の申込み</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="69"/>
        <source>Regular use approved</source>
        <translation>定期利用の承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="70"/>
        <source>Regular use rejected</source>
        <translation>定期利用の不承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="71"/>
        <source>Request approved</source>
        <translation>申請の承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="72"/>
        <source>Request rejected</source>
        <translation>申請の不承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="73"/>
        <source>Request withdrawn</source>
        <translation>申請の取り下げ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="74"/>
        <source>Facility added</source>
        <translation>施設の追加</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="75"/>
        <source>Facility renamed</source>
        <translation>施設名の変更</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="76"/>
        <source>Rules changed</source>
        <translation>ルールの変更</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="77"/>
        <source>Capacity set</source>
        <translation>定員の設定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="78"/>
        <source>Capacity setting removed</source>
        <translation>定員設定の削除</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="79"/>
        <source>Day closed</source>
        <translation>休園日の設定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="80"/>
        <source>Day opened</source>
        <translation>休園日の取り消し</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="81"/>
        <source>Staff account added</source>
        <translation>職員アカウントの追加</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="82"/>
        <source>Staff account changed</source>
        <translation>職員アカウントの変更</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="83"/>
        <location filename="../../hoiku_desk/views/audit_model.py" line="148"/>
        <source>Password changed</source>
        <translation>パスワードの変更</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="84"/>
        <source>Logged in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="85"/>
        <source>Login failed</source>
        <translation>ログイン失敗</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="86"/>
        <source>Decisions exported</source>
        <translation>判定結果の書き出し</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="87"/>
        <source>Backup restored</source>
        <translation>バックアップからの復元</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="94"/>
        <source>All actions</source>
        <translation>すべての操作</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="95"/>
        <source>Bookings</source>
        <translation>予約</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="96"/>
        <source>Cancellations and fees</source>
        <translation>キャンセル・料金</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="97"/>
        <source>Attendance</source>
        <translation>出席</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="98"/>
        <source>Children</source>
        <translation>児童</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="99"/>
        <source>Registrations and interviews</source>
        <translation>利用登録・面談</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="100"/>
        <location filename="../../hoiku_desk/views/audit_model.py" line="115"/>
        <source>Regular use</source>
        <translation>定期利用</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="101"/>
        <source>Approvals</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="102"/>
        <source>Facility settings</source>
        <translation>施設設定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="103"/>
        <source>Staff accounts and logins</source>
        <translation>職員アカウント・ログイン</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="104"/>
        <source>Files and backups</source>
        <translation>ファイル・バックアップ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="111"/>
        <source>Booking</source>
        <translation>予約</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="112"/>
        <source>Child</source>
        <translation>児童</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="113"/>
        <source>Registration</source>
        <translation>利用登録</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="114"/>
        <source>Request</source>
        <translation>申請</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="116"/>
        <source>Interview slot</source>
        <translation>面談枠</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="117"/>
        <source>Facility</source>
        <translation>施設</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="118"/>
        <source>Closure</source>
        <translation>休園</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="119"/>
        <location filename="../../hoiku_desk/views/audit_model.py" line="148"/>
        <source>Capacity</source>
        <translation>定員</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="120"/>
        <source>Charge</source>
        <translation>料金</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="122"/>
        <source>Staff account</source>
        <translation>職員アカウント</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="123"/>
        <source>Decision file</source>
        <translation>判定結果ファイル</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="124"/>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="131"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="131"/>
        <source>Number</source>
        <translation>予約番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="131"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="131"/>
        <location filename="../../hoiku_desk/views/audit_model.py" line="149"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="132"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="132"/>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="132"/>
        <source>Source</source>
        <translation>受付経路</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="132"/>
        <source>Fee</source>
        <translation>料金</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="133"/>
        <source>Hourly fee</source>
        <translation>1時間あたりの料金</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="133"/>
        <source>Comment</source>
        <translation>連絡事項</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="133"/>
        <source>Pick-up</source>
        <translation>お迎え</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="134"/>
        <source>Pick-up person</source>
        <translation>お迎えの方</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="134"/>
        <source>Pick-up relation</source>
        <translation>お迎えの方の続柄</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="135"/>
        <source>Pick-up phone</source>
        <translation>お迎えの方の電話番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="135"/>
        <source>Beyond the rules</source>
        <translation>規則を超えた予約</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="135"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="136"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="136"/>
        <source>After the deadline</source>
        <translation>期限後</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="136"/>
        <source>Counted against quota</source>
        <translation>利用時間に算入</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="137"/>
        <source>Length</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="137"/>
        <source>Waived</source>
        <translation>免除</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="137"/>
        <source>Reason for waiving</source>
        <translation>免除の理由</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="138"/>
        <source>Checked in</source>
        <translation>登園時刻</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="138"/>
        <source>Checked out</source>
        <translation>降園時刻</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="138"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="139"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="139"/>
        <source>Paid</source>
        <translation>入金日時</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="139"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="139"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="140"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="140"/>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="140"/>
        <source>Allergies</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="140"/>
        <source>Notes</source>
        <translation>特記事項</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="141"/>
        <source>Guardian</source>
        <translation>保護者</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="141"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="141"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="142"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="142"/>
        <source>Emergency contacts</source>
        <translation>緊急連絡先</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="142"/>
        <source>Relation</source>
        <translation>続柄</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="143"/>
        <source>Interviewed on</source>
        <translation>面談日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="143"/>
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="144"/>
        <location filename="../../hoiku_desk/views/audit_model.py" line="170"/>
        <source>Applied</source>
        <translation>申込み日時</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="144"/>
        <source>Decided</source>
        <translation>判定日時</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="144"/>
        <source>Reason for rejecting</source>
        <translation>不承認の理由</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="145"/>
        <source>Note on the decision</source>
        <translation>判定のメモ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="145"/>
        <source>First day</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="145"/>
        <source>Last day</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="146"/>
        <source>Weekdays</source>
        <translation>曜日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="146"/>
        <source>Login</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="146"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="146"/>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="147"/>
        <source>Failed logins</source>
        <translation>ログイン失敗回数</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="147"/>
        <source>Locked until</source>
        <translation>ロック解除時刻</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="148"/>
        <source>Facility code</source>
        <translation>施設コード</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="149"/>
        <source>Weekday</source>
        <translation>曜日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="149"/>
        <source>From</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="149"/>
        <source>Opened</source>
        <translation>開園</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="150"/>
        <source>Rows</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="150"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="150"/>
        <source>Program</source>
        <translation>事業</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="151"/>
        <source>Booking unit</source>
        <translation>予約の単位</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="151"/>
        <source>Shortest booking</source>
        <translation>最短の利用時間</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="152"/>
        <source>Capacity per slot</source>
        <translation>1枠の定員</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="152"/>
        <source>Opening time</source>
        <translation>開園時刻</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="153"/>
        <source>Closing time</source>
        <translation>閉園時刻</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="153"/>
        <source>Closed weekdays</source>
        <translation>休園曜日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="154"/>
        <source>Closed on public holidays</source>
        <translation>祝日は休園</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="154"/>
        <source>Closed at year end</source>
        <translation>年末年始は休園</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="155"/>
        <source>Youngest age (months)</source>
        <translation>対象年齢の下限（か月）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="155"/>
        <source>Oldest age (months)</source>
        <translation>対象年齢の上限（か月）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="156"/>
        <source>Bookable days ahead</source>
        <translation>予約受付期間（日数）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="156"/>
        <source>Days a child may hold</source>
        <translation>同時に予約できる日数</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="157"/>
        <source>Days ahead and held days apply to phone bookings</source>
        <translation>受付期間と予約日数の上限を電話予約にも適用する</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="158"/>
        <source>Monthly quota</source>
        <translation>月の利用時間の上限</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="159"/>
        <source>Cancellation deadline (days before)</source>
        <translation>無料キャンセルの期限（何日前）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="160"/>
        <source>Cancellation deadline (time)</source>
        <translation>無料キャンセルの期限（時刻）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="161"/>
        <source>Late cancellation fee (%)</source>
        <translation>期限後のキャンセル料（%）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="162"/>
        <source>Late cancellations count against the quota</source>
        <translation>期限後のキャンセルも月の利用時間に含める</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="163"/>
        <source>Fee-free reasons</source>
        <translation>キャンセル料なしの理由</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="163"/>
        <source>Phone bookings confirmed</source>
        <translation>電話・窓口の予約はその場で確定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="164"/>
        <source>Online bookings confirmed</source>
        <translation>オンラインの予約もその場で確定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="164"/>
        <source>Caregiver ratios</source>
        <translation>保育士の配置基準</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="170"/>
        <source>Pending</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="170"/>
        <source>Requested</source>
        <translation>申込み中</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="171"/>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="171"/>
        <source>Rejected</source>
        <translation>不承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="171"/>
        <source>Withdrawn</source>
        <translation>取り下げ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="203"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="203"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="216"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="216"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="216"/>
        <source>Unspecified</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="246"/>
        <source>Not logged in</source>
        <translation>ログインしていません</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="247"/>
        <source>Built-in administrator</source>
        <translation>組み込みの管理者</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="322"/>
        <source>No field changed.</source>
        <translation>変更された項目はありません。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="335"/>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="336"/>
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="337"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/audit_model.py" line="338"/>
        <source>What</source>
        <translation>対象</translation>
    </message>
</context>
<context>
    <name>AvailabilityExportDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="36"/>
        <source>Export availability</source>
        <translation>空き状況の書き出し</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="38"/>
        <source>Capacity, taken and remaining places of every open slot, for the online channels:</source>
        <translation>ネット予約などの受付窓口向けに、開所している各枠の定員・予約数・空き数を書き出します：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="45"/>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="48"/>
        <source>&amp;From:</source>
        <translation>開始日(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="49"/>
        <source>&amp;To:</source>
        <translation>終了日(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/export_dialogs.py" line="64"/>
        <source>The last day is before the first day. Choose a last day on or after the first.</source>
        <translation>終了日が開始日より前になっています。開始日と同じ日かそれより後の日を選んでください。</translation>
    </message>
</context>
<context>
    <name>BookingColumns</name>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="19"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="20"/>
        <source>Walk-in</source>
        <translation>窓口</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="21"/>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="29"/>
        <source>Guardian</source>
        <translation>保護者</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="48"/>
        <source>Number</source>
        <translation>予約番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="49"/>
        <source>Date</source>
        <translation>利用日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="50"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="51"/>
        <source>Child</source>
        <translation>児童</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="52"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="53"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="54"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="56"/>
        <source>Source</source>
        <translation>受付経路</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="57"/>
        <source>Fee</source>
        <translation>利用料</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_columns.py" line="59"/>
        <source>Pick-up</source>
        <translation>お迎え</translation>
    </message>
</context>
<context>
    <name>BookingPane</name>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="111"/>
        <source>&amp;Child</source>
        <translation>児童(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="142"/>
        <source>Type the time as digits: &quot;10&quot; for 10:00, &quot;103&quot; for 10:30</source>
        <translation>時刻は数字で入力できます（「10」で10:00、「103」で10:30）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="149"/>
        <source>&amp;to</source>
        <translation>〜 終了(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="155"/>
        <source>&amp;Date</source>
        <translation>利用日(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="157"/>
        <source>&amp;Start</source>
        <translation>開始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="163"/>
        <source>Cancellation policy (read out to the parent)</source>
        <translation>キャンセル規定（保護者に読み上げてください）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="169"/>
        <source>Read out; the parent &amp;agrees</source>
        <translation>読み上げ済み・保護者の同意あり(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="171"/>
        <source>Space to tick, once the policy is read out (Alt+A)</source>
        <translation>規定を読み上げたら、スペースキーでチェック（Alt+A）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="178"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="181"/>
        <source>Guardian</source>
        <translation>保護者</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="182"/>
        <source>Someone else</source>
        <translation>保護者以外</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="184"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="185"/>
        <source>Relation</source>
        <translation>続柄</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="186"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="193"/>
        <source>Anything the nursery should know</source>
        <translation>園への連絡事項</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="194"/>
        <source>&amp;Walk-in (at the counter, may join the slot now running)</source>
        <translation>窓口で受付(&amp;W)（始まっている枠にも途中から入れます）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="197"/>
        <source>&amp;Pick-up</source>
        <translation>お迎え(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="200"/>
        <source>Co&amp;mment</source>
        <translation>連絡事項(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="201"/>
        <source>Source</source>
        <translation>受付経路</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="205"/>
        <source>&amp;Regular use request…</source>
        <translation>定期利用の申し込み(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="219"/>
        <source>Send regular-use request</source>
        <translation>定期利用を申し込む</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="222"/>
        <source>Uses the child, times, pick-up and comment above; waits for approval (Enter)</source>
        <translation>上の児童・時間・お迎え・連絡事項で申し込みます。承認待ちになります（Enter）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="227"/>
        <source>Weekdays</source>
        <translation>曜日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="228"/>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="229"/>
        <source>Until</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="236"/>
        <source>Confirm &amp;booking</source>
        <translation>予約を確定(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="240"/>
        <source>Confirm the booking (Enter from any field, Alt+B)</source>
        <translation>予約を確定します（どの欄からでもEnter、Alt+B）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="498"/>
        <source>Closed on {day}.</source>
        <translation>{day}は休園日です。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="502"/>
        <source>Places left {start}–{end}: {left}</source>
        <translation>{start}〜{end}の残り：{left}</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="512"/>
        <source>Choose an end time after the start time.</source>
        <translation>終了時刻は開始時刻より後にしてください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="605"/>
        <source>Booking number {number}</source>
        <translation>予約番号 {number}</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="611"/>
        <source>{name}: {weekdays} {start}–{end}, {first} to {last}</source>
        <translation>{name}さん：毎週{weekdays} {start}〜{end}（{first}〜{last}）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/booking_pane.py" line="615"/>
        <source>Regular-use request sent for approval</source>
        <translation>定期利用の申し込みを承認待ちに送りました</translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="107"/>
        <source>Previous month (PageUp)</source>
        <translation>前の月（PageUp）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="108"/>
        <source>Next month (PageDown)</source>
        <translation>次の月（PageDown）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="109"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="109"/>
        <source>Today (Home)</source>
        <translation>今日（Home）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="156"/>
        <source>Booked: children with a booking that day. Left: the fewest places left in any slot of the day.</source>
        <translation>予約：その日に予約のある児童の数。残り：その日いちばん混んでいる枠の空き。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_pane.py" line="183"/>
        <source>Enter or double-click: book this slot. Esc: back to the month.</source>
        <translation>Enterまたはダブルクリック：この枠で予約受付。Esc：月の表示に戻る。</translation>
    </message>
</context>
<context>
    <name>CallListDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="252"/>
        <source>Number</source>
        <translation>予約番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="253"/>
        <source>Date</source>
        <translation>利用日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="255"/>
        <source>Child</source>
        <translation>児童</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="256"/>
        <source>Guardian</source>
        <translation>保護者</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="257"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="310"/>
        <source>Call list</source>
        <translation>電話連絡の一覧</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="320"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="329"/>
        <source>Please phone these families:</source>
        <translation>次のご家庭に電話でご連絡ください：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="341"/>
        <source>Call list %1.pdf</source>
        <translation>連絡リスト_%1.pdf</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="68"/>
        <source>Late</source>
        <translation>期限後</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="69"/>
        <source>In time</source>
        <translation>期限内</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="80"/>
        <source>Number</source>
        <translation>予約番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="81"/>
        <source>Child</source>
        <translation>児童</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="82"/>
        <source>Date</source>
        <translation>利用日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="84"/>
        <source>Timing</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="85"/>
        <source>Fee</source>
        <translation>キャンセル料</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="86"/>
        <source>Quota used</source>
        <translation>利用時間に算入</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="87"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="108"/>
        <source>Cancel bookings</source>
        <translation>予約のキャンセル</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="130"/>
        <source>Cancel the &amp;bookings</source>
        <translation>キャンセルする(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="131"/>
        <source>&amp;Keep them</source>
        <translation>キャンセルしない(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="134"/>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="135"/>
        <source>&amp;Detail:</source>
        <translation>詳細(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="164"/>
        <source>Bookings: %1, late: %2 — fees %3, quota used %4</source>
        <translation>%1件（うち期限後 %2件）&#x3000;キャンセル料 合計%3&#x3000;利用時間への算入 %4</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="90"/>
        <source>Change booking %1</source>
        <translation>予約 %1 の変更</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="110"/>
        <source>Guardian</source>
        <translation>保護者</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="111"/>
        <source>Someone else</source>
        <translation>保護者以外</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="211"/>
        <source>Free changes until %1</source>
        <translation>%1までは無料で変更できます</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="123"/>
        <source>&amp;Save the change</source>
        <translation>変更を保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="133"/>
        <source>Booking:</source>
        <translation>予約：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="134"/>
        <source>&amp;Date:</source>
        <translation>利用日(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="135"/>
        <source>&amp;Time:</source>
        <translation>時間(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="138"/>
        <source>&amp;Pick-up:</source>
        <translation>お迎え(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="139"/>
        <source>Name:</source>
        <translation>氏名：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="140"/>
        <source>Relation:</source>
        <translation>続柄：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="141"/>
        <source>Phone:</source>
        <translation>電話番号：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="142"/>
        <source>C&amp;omment:</source>
        <translation>連絡事項(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="226"/>
        <source>Late change</source>
        <translation>期限後の変更</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="227"/>
        <source>Save the change?</source>
        <translation>変更を保存しますか？</translation>
    </message>
</context>
<context>
    <name>ChildCard</name>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="72"/>
        <source>Age</source>
        <translation>年齢</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="73"/>
        <source>Guardian</source>
        <translation>保護者</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="74"/>
        <source>Allergies</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="75"/>
        <source>Contacts</source>
        <translation>緊急連絡先</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="76"/>
        <source>Registrations</source>
        <translation>利用登録</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="77"/>
        <source>Held days</source>
        <translation>予約中の日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="78"/>
        <source>Monthly quota</source>
        <translation>月の利用時間</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="94"/>
        <source>No child chosen: search by kana, name or phone.</source>
        <translation>児童が選ばれていません。フリガナ・氏名・電話番号で検索してください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="105"/>
        <source>{name} ({kana})</source>
        <translation>{name}（{kana}）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="106"/>
        <source>{age} (born {birth})</source>
        <translation>{age}（{birth}生まれ）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="111"/>
        <location filename="../../hoiku_desk/views/child_card.py" line="114"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="117"/>
        <source>Not registered</source>
        <translation>利用登録なし</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="125"/>
        <source>({relation})</source>
        <translation>（{relation}）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="133"/>
        <source>approved, valid until {until}</source>
        <translation>承認済み（{until}まで有効）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="134"/>
        <source>expired on {until}</source>
        <translation>有効期限切れ（{until}まで）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="135"/>
        <source>applied, interview pending</source>
        <translation>申込み中（面談待ち）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="136"/>
        <source>rejected</source>
        <translation>不承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="138"/>
        <source>{facility}: {state}</source>
        <translation>{facility}：{state}</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="143"/>
        <source>{held} of {most}</source>
        <translation>{held}日（上限{most}日）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_card.py" line="152"/>
        <source>{month}: used {used}, left {left} of {quota}</source>
        <translation>{month}：利用 {used}・残り {left}（上限 {quota}）</translation>
    </message>
</context>
<context>
    <name>ChildDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="51"/>
        <source>Edit child</source>
        <translation>児童の編集</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="51"/>
        <source>Add child</source>
        <translation>児童の登録</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="60"/>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="88"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="61"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="69"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="70"/>
        <source>Age today</source>
        <translation>現在の年齢</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="73"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="73"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="74"/>
        <source>Unspecified</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="77"/>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="78"/>
        <source>Guardian</source>
        <translation>保護者氏名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="79"/>
        <source>Guardian kana</source>
        <translation>保護者フリガナ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="80"/>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="88"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="81"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="82"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="83"/>
        <source>Allergies / medical notes</source>
        <translation>アレルギー・医療的配慮</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="84"/>
        <source>Notes</source>
        <translation>特記事項</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="86"/>
        <source>Emergency contacts</source>
        <translation>緊急連絡先</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="88"/>
        <source>Relation</source>
        <translation>続柄</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="105"/>
        <source>Save the child (Enter)</source>
        <translation>児童を保存します（Enter）</translation>
    </message>
</context>
<context>
    <name>ChildSearch</name>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="36"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="37"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="38"/>
        <source>Born (age)</source>
        <translation>生年月日（年齢）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="39"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="125"/>
        <source>Kana, name or phone</source>
        <translation>フリガナ・氏名・電話番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_search.py" line="127"/>
        <source>Search as you type (Ctrl+F). Enter chooses the highlighted child, Down moves into the list.</source>
        <translation>入力するそばから検索します（Ctrl+F）。Enterで選択中の児童に決定、↓で一覧に移ります。</translation>
    </message>
</context>
<context>
    <name>ChildrenPane</name>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="71"/>
        <source>Applied</source>
        <translation>申込み中</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="72"/>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="73"/>
        <source>Rejected</source>
        <translation>不承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="74"/>
        <source>Expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="82"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="85"/>
        <source>Approved until %1</source>
        <translation>承認済み（%1まで）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="96"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="97"/>
        <location filename="../../hoiku_desk/views/children_pane.py" line="159"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="98"/>
        <source>Birth date</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="100"/>
        <source>Age</source>
        <translation>年齢</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="101"/>
        <source>Guardian</source>
        <translation>保護者</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="102"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="103"/>
        <source>Registration</source>
        <translation>この施設の利用登録</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="115"/>
        <source>Facility</source>
        <translation>施設</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="116"/>
        <location filename="../../hoiku_desk/views/children_pane.py" line="143"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="118"/>
        <source>Interviewed on</source>
        <translation>面談日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="120"/>
        <location filename="../../hoiku_desk/views/children_pane.py" line="160"/>
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="128"/>
        <location filename="../../hoiku_desk/views/children_pane.py" line="140"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="129"/>
        <location filename="../../hoiku_desk/views/children_pane.py" line="141"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="131"/>
        <source>Capacity</source>
        <translation>定員</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="132"/>
        <source>Left</source>
        <translation>残り</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="139"/>
        <source>Number</source>
        <translation>予約番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="142"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="158"/>
        <source>Child</source>
        <translation>児童</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="161"/>
        <source>Bookings after it</source>
        <translation>期限後の予約</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="203"/>
        <source>Kana, name or phone (Ctrl+F)</source>
        <translation>フリガナ・氏名・電話番号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="220"/>
        <source>Search:</source>
        <translation>検索：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="210"/>
        <source>&amp;Add child…</source>
        <translation>児童を登録(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="211"/>
        <source>Add a child</source>
        <translation>新しい児童を登録します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="212"/>
        <source>&amp;Edit child…</source>
        <translation>児童を編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="213"/>
        <source>Edit the selected child</source>
        <translation>選んだ児童の情報を編集します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="215"/>
        <source>&amp;March list</source>
        <translation>3月末の一覧(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="216"/>
        <source>Registrations ending on 31 March with bookings after it</source>
        <translation>3月31日で利用登録が切れるのに、4月以降の予約がある児童の一覧</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="232"/>
        <source>Registrations</source>
        <translation>利用登録</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="233"/>
        <source>Interview slots</source>
        <translation>面談枠</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="235"/>
        <source>March list</source>
        <translation>3月末の一覧</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="252"/>
        <source>A&amp;pply at this facility</source>
        <translation>この施設に利用申込み(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="253"/>
        <source>Register the child at this facility (applied, waiting for the interview)</source>
        <translation>選んだ児童をこの施設に利用申込みします（申込み中・面談待ち）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="256"/>
        <source>Appro&amp;ve after interview…</source>
        <translation>面談後に承認(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="257"/>
        <source>Approve the selected registration with the interview date</source>
        <translation>面談日を入れて、選んだ利用登録を承認します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="259"/>
        <source>Re&amp;ject…</source>
        <translation>不承認(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="260"/>
        <source>Reject the selected registration with a reason</source>
        <translation>選んだ利用登録を、理由を添えて不承認にします</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="276"/>
        <source>Bookings at this facility from today:</source>
        <translation>この施設での今日以降の予約：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="293"/>
        <source>Day</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="293"/>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="294"/>
        <source>To</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="295"/>
        <source>Families</source>
        <translation>組数</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="299"/>
        <source>Add s&amp;lot</source>
        <translation>面談枠を追加(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="299"/>
        <source>Add an interview slot (admin)</source>
        <translation>面談枠を追加します（管理者）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="305"/>
        <source>&amp;Book interview</source>
        <translation>面談を予約(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="306"/>
        <source>Book the selected child&apos;s application into the selected slot</source>
        <translation>選んだ児童の面談を、選んだ枠に予約します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="312"/>
        <source>Open interview slots (next %1 days):</source>
        <translation>空きのある面談枠（今後%1日間）：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="425"/>
        <source>Registrations ending on %1 that still have bookings after it: %2</source>
        <translation>%1で利用登録が切れるのに、その後の予約がある児童：%2名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="509"/>
        <source>Registration approved</source>
        <translation>利用登録を承認しました</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="510"/>
        <location filename="../../hoiku_desk/views/children_pane.py" line="558"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="518"/>
        <source>Reject registration</source>
        <translation>利用登録の不承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="519"/>
        <source>Reason for rejecting:</source>
        <translation>不承認の理由：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="546"/>
        <source>%1 has no application at this facility: apply first.</source>
        <translation>%1さんはこの施設に利用申込みがありません。先に利用申込みをしてください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/children_pane.py" line="557"/>
        <source>Interview booked</source>
        <translation>面談を予約しました</translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="198"/>
        <source>Close a day</source>
        <translation>休園日の設定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="202"/>
        <source>&amp;From a time on</source>
        <translation>途中の時刻から(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="211"/>
        <source>&amp;Close the day</source>
        <translation>休園にする(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="214"/>
        <source>&amp;Day:</source>
        <translation>日付(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/cancel_dialog.py" line="216"/>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>DayDateEdit</name>
    <message>
        <location filename="../../hoiku_desk/views/widgets.py" line="123"/>
        <source>Up/Down: one day; Alt+Down: calendar</source>
        <translation>↑↓：1日ずつ移動&#x3000;Alt+↓：カレンダー</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/widgets.py" line="124"/>
        <source>Alt+Down: calendar</source>
        <translation>Alt+↓：カレンダー</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="110"/>
        <source>Administrator account</source>
        <translation>管理者アカウント</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="112"/>
        <source>Create the administrator&apos;s account (the director or head teacher). The administrator sets the facility&apos;s rules and capacities and makes the other staff accounts. Children&apos;s data is protected by the accounts&apos; passwords.</source>
        <translation>管理者（園長・主任）のアカウントを作成します。管理者は施設のルールや定員を設定し、ほかの職員のアカウントを作成します。児童の個人情報はアカウントのパスワードで守られます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="123"/>
        <source>&amp;Name:</source>
        <translation>氏名(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="124"/>
        <source>&amp;Login:</source>
        <translation>ログインID(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="125"/>
        <source>&amp;Password (8 or more characters):</source>
        <translation>パスワード（8文字以上）(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="126"/>
        <source>Password &amp;again:</source>
        <translation>パスワード（確認）(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="129"/>
        <source>C&amp;reate account</source>
        <translation>アカウントを作成(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="130"/>
        <source>&amp;Later</source>
        <translation>後で設定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="142"/>
        <source>The two passwords differ. Please type them again.</source>
        <translation>2つのパスワードが一致しません。もう一度入力してください。</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="39"/>
        <source>Welcome to Hoiku Desk</source>
        <translation>Hoiku Desk へようこそ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="44"/>
        <source>This database has no facility yet. Enter the facility this desk works for, or fill the database with demo data to try the program.</source>
        <translation>このデータベースには施設がまだ登録されていません。この受付で扱う施設を入力するか、デモデータを入れてお試しください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="55"/>
        <source>Temporary childcare (ichiji hoiku)</source>
        <translation>一時保育</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="56"/>
        <source>Kodomo daredemo tsuen</source>
        <translation>こども誰でも通園制度</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="58"/>
        <source>Facility &amp;name:</source>
        <translation>施設名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="59"/>
        <source>Facility &amp;code:</source>
        <translation>施設コード(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="60"/>
        <source>&amp;Program:</source>
        <translation>事業(&amp;P)：</translation>
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
        <location filename="../../hoiku_desk/views/first_start.py" line="74"/>
        <source>Demo data can only fill a database without staff accounts</source>
        <translation>デモデータは職員アカウントのないデータベースにだけ入れられます</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/first_start.py" line="77"/>
        <source>Two facilities, forty children and two weeks of bookings</source>
        <translation>2施設・児童40名・2週間分の予約</translation>
    </message>
</context>
<context>
    <name>IdleMinutesDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/idle_lock.py" line="236"/>
        <source>Automatic lock</source>
        <translation>自動ロック</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/idle_lock.py" line="237"/>
        <source>Lock the window after this many minutes without use. The password is then asked again; what is on the screen is kept. This setting is for this PC only.</source>
        <translation>この時間操作がないと画面をロックします。ロック後はパスワードを再入力します。画面の内容はそのまま残ります。この設定はこのパソコンだけに適用されます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/idle_lock.py" line="244"/>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/idle_lock.py" line="245"/>
        <source>Never</source>
        <translation>ロックしない</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/idle_lock.py" line="247"/>
        <source>&amp;Lock after:</source>
        <translation>ロックまでの時間(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../hoiku_desk/views/import_dialog.py" line="53"/>
        <source>Import request file</source>
        <translation>申請ファイルの取り込み</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/import_dialog.py" line="54"/>
        <source>Importing %1…</source>
        <translation>「%1」を取り込んでいます…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/import_dialog.py" line="55"/>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/import_dialog.py" line="82"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/import_dialog.py" line="84"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/import_dialog.py" line="108"/>
        <source>Import report</source>
        <translation>取り込み結果</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/import_dialog.py" line="109"/>
        <source>File: %1</source>
        <translation>ファイル：%1</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/import_dialog.py" line="115"/>
        <source>Rows not imported (select and copy them with Ctrl+C):</source>
        <translation>取り込めなかった行（選んで Ctrl+C でコピーできます）：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/import_dialog.py" line="122"/>
        <source>&amp;Copy rows</source>
        <translation>行をコピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/import_dialog.py" line="123"/>
        <source>Copy the selected rows (all rows when none is selected)</source>
        <translation>選んだ行をコピーします（選んでいないときはすべての行）</translation>
    </message>
</context>
<context>
    <name>InboxWatcher</name>
    <message>
        <location filename="../../hoiku_desk/views/inbox.py" line="179"/>
        <source>It was moved to the folder “%1”.</source>
        <translation>ファイルは「%1」フォルダに移しました。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/inbox.py" line="196"/>
        <source>The rows of “%1” that were not imported could not be written to “%2” (%3).</source>
        <translation>「%1」の取り込めなかった行を「%2」に書き出せませんでした（%3）。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/inbox.py" line="217"/>
        <source>“%1” could not be moved to the folder “%2” (%3). Please move it out of the inbox folder.</source>
        <translation>「%1」を「%2」フォルダに移せませんでした（%3）。受信フォルダから手で移動してください。</translation>
    </message>
</context>
<context>
    <name>InterviewDateDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="194"/>
        <source>Approve registration</source>
        <translation>利用登録の承認</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="203"/>
        <source>Child</source>
        <translation>児童</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="204"/>
        <source>Interviewed on</source>
        <translation>面談日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="205"/>
        <source>Approval</source>
        <translation>承認の有効期限</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/child_dialog.py" line="222"/>
        <source>Valid until %1</source>
        <translation>%1まで有効</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="63"/>
        <source>Log in to Hoiku Desk</source>
        <translation>Hoiku Desk にログイン</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="65"/>
        <source>The window is locked. Enter the password to go on where you left off, or log in as another staff member.</source>
        <translation>画面をロックしました。パスワードを入力すると、続きから作業できます。別の職員のログインIDでログインすることもできます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="68"/>
        <source>Enter your login and password.</source>
        <translation>ログインIDとパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="75"/>
        <source>&amp;Login:</source>
        <translation>ログインID(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="76"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/login_dialog.py" line="78"/>
        <source>&amp;Log in</source>
        <translation>ログイン(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="122"/>
        <source>Hoiku Desk</source>
        <extracomment>The tabs in order, Ctrl+1 … Ctrl+8.</extracomment>
        <translation>Hoiku Desk 保育受付</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="141"/>
        <source>Opening…</source>
        <translation>開いています…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="166"/>
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="166"/>
        <source>Booking</source>
        <translation>予約受付</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="166"/>
        <source>Approvals</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="167"/>
        <source>Reservations</source>
        <translation>予約一覧・キャンセル</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="167"/>
        <source>Attendance</source>
        <translation>出席簿</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="167"/>
        <source>Children</source>
        <translation>児童・利用登録</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="168"/>
        <source>Settings</source>
        <translation>施設設定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="168"/>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="252"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="253"/>
        <source>&amp;Import request file…</source>
        <translation>申請ファイルの取り込み(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="257"/>
        <source>Export &amp;decisions…</source>
        <translation>判定結果の書き出し(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="259"/>
        <source>Export &amp;availability…</source>
        <translation>空き状況の書き出し(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="261"/>
        <source>Export ac&amp;tuals…</source>
        <translation>利用実績の書き出し(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="264"/>
        <source>Automatic &amp;lock…</source>
        <translation>自動ロックの時間(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="265"/>
        <source>Log &amp;out</source>
        <translation>ログアウト(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="267"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="297"/>
        <source>Export decisions</source>
        <translation>判定結果の書き出し</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="312"/>
        <source>Export availability</source>
        <translation>空き状況の書き出し</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="328"/>
        <source>Export actuals</source>
        <translation>利用実績の書き出し</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="404"/>
        <source>Inbox: imported “%1”. %2</source>
        <translation>受信フォルダの「%1」を取り込みました。%2</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="408"/>
        <source>The rows not imported are listed beside the file in “%1”.</source>
        <translation>取り込めなかった行の一覧は「%1」フォルダのファイルの隣にあります。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="413"/>
        <source>Inbox, “%1”: %2</source>
        <translation>受信フォルダの「%1」：%2</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="423"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="424"/>
        <source>About Hoiku Desk</source>
        <translation>Hoiku Desk について</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="456"/>
        <source>No administrator account yet: working as the built-in administrator (create one in Settings → Staff accounts)</source>
        <translation>管理者アカウント未設定：組み込みの管理者として動作中（施設設定 → 職員アカウントで作成できます）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="464"/>
        <source>Facility:</source>
        <translation>施設：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="489"/>
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="498"/>
        <source>%1 (administrator)</source>
        <translation>%1（管理者）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="498"/>
        <source>%1 (staff)</source>
        <translation>%1（職員）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="501"/>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="503"/>
        <source>Not logged in</source>
        <translation>ログインしていません</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/main_window.py" line="517"/>
        <source>Waiting for approval: %1</source>
        <translation>承認待ち：%1件</translation>
    </message>
</context>
<context>
    <name>MonthTableModel</name>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="167"/>
        <source>Year end</source>
        <translation>年末年始</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="168"/>
        <source>Closed</source>
        <translation>休園日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="173"/>
        <source>Closed: weekly closed day.</source>
        <translation>休園日です（定休日）。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="175"/>
        <source>Closed: national holiday (%1).</source>
        <translation>祝日（%1）のため休園です。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="177"/>
        <source>Closed: year-end holidays (12/29–1/3).</source>
        <translation>年末年始（12/29〜1/3）のため休園です。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="178"/>
        <source>Closed by the facility.</source>
        <translation>施設の都合により休園です。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="181"/>
        <source>Booked %1</source>
        <translation>予約%1</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="193"/>
        <source>Booked %1 · Left %2</source>
        <translation>予約%1・残り%2</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="206"/>
        <source>Children booked this day: %1</source>
        <translation>この日に予約のある児童：%1名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="209"/>
        <source>Places left in the fullest slot: %1</source>
        <translation>いちばん混んでいる枠の残り：%1名</translation>
    </message>
</context>
<context>
    <name>PrintButtons</name>
    <message>
        <location filename="../../hoiku_desk/views/print_preview.py" line="66"/>
        <source>Print pre&amp;view…</source>
        <translation>印刷プレビュー(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/print_preview.py" line="67"/>
        <source>Show the pages as they will print</source>
        <translation>印刷されるページを表示します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/print_preview.py" line="68"/>
        <source>P&amp;rint…</source>
        <translation>印刷(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/print_preview.py" line="69"/>
        <source>Print on paper</source>
        <translation>紙に印刷します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/print_preview.py" line="70"/>
        <source>Save as P&amp;DF…</source>
        <translation>PDFで保存(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/print_preview.py" line="71"/>
        <source>Save the pages as a PDF file</source>
        <translation>ページをPDFファイルに保存します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/print_preview.py" line="129"/>
        <location filename="../../hoiku_desk/views/print_preview.py" line="134"/>
        <source>Save PDF</source>
        <translation>PDFに保存</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/print_preview.py" line="130"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <location filename="../../hoiku_desk/views/privacy.py" line="36"/>
        <source>This file holds children&apos;s personal data and will be saved outside the data folder (%1). If you save it on a USB stick or in a shared folder, please handle it with care. Save it?</source>
        <translation>児童の個人情報を含むファイルを、データフォルダの外（%1）に保存します。USBメモリや共有フォルダに保存する場合は取り扱いにご注意ください。よろしいですか？</translation>
    </message>
</context>
<context>
    <name>ReservationsPane</name>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="289"/>
        <source>Child name, kana, phone or booking number (Ctrl+F)</source>
        <translation>児童名・フリガナ・電話番号・予約番号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="294"/>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="299"/>
        <source>Active</source>
        <translation>仮予約・確定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="299"/>
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="323"/>
        <source>&amp;Change…</source>
        <translation>変更(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="324"/>
        <source>Change the selected booking</source>
        <translation>選んだ予約を変更します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="325"/>
        <source>Cancel &amp;bookings…</source>
        <translation>予約をキャンセル(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="326"/>
        <source>Cancel the selected bookings (Delete in the list)</source>
        <translation>選んだ予約をキャンセルします（一覧ではDeleteキーでも）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="328"/>
        <source>C&amp;lose a day…</source>
        <translation>休園日の設定(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="329"/>
        <source>Close a day and cancel its bookings</source>
        <translation>休園日を設定して、その日の予約をキャンセルします</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="384"/>
        <source>Bookings: %1</source>
        <translation>%1件</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="385"/>
        <source>Showing %2 of %1 bookings (scroll for more)</source>
        <translation>%1件中 %2件を表示（続きはスクロールで表示）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="409"/>
        <source>Selected bookings (%1): %2</source>
        <translation>選択中の予約 %1件：%2</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="421"/>
        <source>Number</source>
        <translation>予約番号</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="422"/>
        <source>Date</source>
        <translation>利用日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="424"/>
        <source>Child</source>
        <translation>児童</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="425"/>
        <source>Guardian</source>
        <translation>保護者</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="426"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="427"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="428"/>
        <source>Source</source>
        <translation>受付経路</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="429"/>
        <source>Fee</source>
        <translation>利用料</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="430"/>
        <source>Pick-up</source>
        <translation>お迎え</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="431"/>
        <source>Comment</source>
        <translation>連絡事項</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="434"/>
        <source>Allergies</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="435"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="481"/>
        <source>Close a day</source>
        <translation>休園日の設定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/reservations_pane.py" line="481"/>
        <source>No bookings are affected.</source>
        <translation>影響を受ける予約はありません。</translation>
    </message>
</context>
<context>
    <name>RulesForm</name>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="69"/>
        <source>Temporary childcare (ichiji)</source>
        <translation>一時保育</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="70"/>
        <source>Daredemo tsuen</source>
        <translation>こども誰でも通園制度</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="71"/>
        <source>Program</source>
        <translation>事業</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="72"/>
        <source>Booking unit (minutes)</source>
        <translation>予約の単位（分）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="73"/>
        <source>Shortest booking (minutes)</source>
        <translation>最短の利用時間（分）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="74"/>
        <source>Capacity per slot</source>
        <translation>1枠の定員</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="75"/>
        <source>Bookable days ahead</source>
        <translation>予約受付期間（日数）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="76"/>
        <source>Days a child may hold</source>
        <translation>同時に予約できる日数</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="78"/>
        <source>Days ahead and held days apply to phone bookings</source>
        <translation>受付期間と予約日数の上限を電話予約にも適用する</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="79"/>
        <source>Youngest age (months)</source>
        <translation>対象年齢の下限（か月）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="80"/>
        <source>Oldest age (months)</source>
        <translation>対象年齢の上限（か月）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="81"/>
        <source>Monthly quota (minutes)</source>
        <translation>月の利用上限（分）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="84"/>
        <source>Opens at</source>
        <translation>開園時刻</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="85"/>
        <source>Closes at</source>
        <translation>閉園時刻</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="92"/>
        <source>Closed weekdays</source>
        <translation>休園曜日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="93"/>
        <source>Closed on public holidays</source>
        <translation>祝日は休園</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="94"/>
        <source>Closed at the year end (29 Dec – 3 Jan)</source>
        <translation>年末年始（12/29〜1/3）は休園</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="96"/>
        <source>Phone and walk-in bookings are confirmed at once</source>
        <translation>電話・窓口の予約はその場で確定する</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="97"/>
        <source>Online bookings are confirmed at once</source>
        <translation>オンラインの予約もその場で確定する</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="101"/>
        <source>Free cancellation until (days before)</source>
        <translation>無料キャンセルの期限（何日前）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="102"/>
        <source>Free cancellation until (time)</source>
        <translation>無料キャンセルの期限（時刻）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="104"/>
        <source> yen</source>
        <translation>円</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="105"/>
        <source>Fee per hour</source>
        <translation>1時間あたりの利用料</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="108"/>
        <source>Late cancellation fee</source>
        <translation>期限後のキャンセル料</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="110"/>
        <source>Late cancellations use up the monthly quota</source>
        <translation>期限後のキャンセルも月の利用時間に含める</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="115"/>
        <source>No fee for</source>
        <translation>キャンセル料なし</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="120"/>
        <source>Children per caregiver, by age in years:</source>
        <translation>保育者1人あたりの児童数（年齢別）：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="124"/>
        <source> children</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="126"/>
        <source>Age %1 and up</source>
        <translation>%1歳以上</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="126"/>
        <source>Age %1</source>
        <translation>%1歳</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/rules_form.py" line="155"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <location filename="../../hoiku_desk/views/idle_lock.py" line="216"/>
        <source>Hoiku Desk is locked</source>
        <translation>Hoiku Desk はロック中です</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/idle_lock.py" line="217"/>
        <source>Quit Hoiku Desk? What is typed in the window and not yet saved is lost.</source>
        <translation>Hoiku Desk を終了しますか？画面に入力したまま保存していない内容は失われます。</translation>
    </message>
</context>
<context>
    <name>SettingsPane</name>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="167"/>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="440"/>
        <source>Facility rules</source>
        <translation>施設のルール</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="169"/>
        <source>&amp;Save rules</source>
        <translation>ルールを保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="170"/>
        <source>Save the changed rules</source>
        <translation>変更したルールを保存します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="171"/>
        <source>&amp;Undo edits</source>
        <translation>編集を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="172"/>
        <source>Show the saved rules again</source>
        <translation>保存されているルールを表示し直します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="72"/>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="186"/>
        <source>Capacity</source>
        <translation>定員</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="70"/>
        <source>Applies to</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="71"/>
        <source>Hours</source>
        <translation>時間帯</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="55"/>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="191"/>
        <source>Every day</source>
        <translation>毎日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="86"/>
        <source>Login</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="88"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="89"/>
        <source>Account</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="90"/>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="91"/>
        <source>Inactive</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="144"/>
        <source>Only an administrator can change the facility&apos;s rules, capacities and closed days, add a facility or manage the staff accounts. You can change your own password under Staff accounts.</source>
        <translation>施設のルール・定員・休園日の変更、施設の追加、職員アカウントの管理は管理者だけができます。自分のパスワードは「職員アカウント」で変更できます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="192"/>
        <source>Weekday</source>
        <translation>曜日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="193"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="199"/>
        <source>Only from</source>
        <translation>時間帯を指定</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="210"/>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="212"/>
        <source>Children per slot</source>
        <translation>1枠の定員</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="215"/>
        <source>Set &amp;capacity</source>
        <translation>定員を設定(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="216"/>
        <source>Set the capacity; bookings beyond it are listed, never cancelled</source>
        <translation>定員を設定します。定員を超える予約は一覧に出し、キャンセルはしません</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="243"/>
        <source>Closed and opened days</source>
        <translation>休園日と開園日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="248"/>
        <source>From</source>
        <translation>途中から</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="255"/>
        <source>Reason (e.g. storm warning)</source>
        <translation>理由（例：暴風警報）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="257"/>
        <source>Close</source>
        <translation>休園</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="261"/>
        <source>Close &amp;day</source>
        <translation>休園にする(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="262"/>
        <source>Close the day (or from the time on)</source>
        <translation>その日を休園にします（指定した時刻からの休園もできます）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="269"/>
        <source>Open a holiday, year-end day or closed weekday</source>
        <translation>祝日・年末年始・休園曜日を開園日にする</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="271"/>
        <source>&amp;Open day</source>
        <translation>開園日にする(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="272"/>
        <source>Open the day for bookings and lift its closures</source>
        <translation>その日の予約を受け付けられるようにし、休園の設定を解除します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="285"/>
        <source>Add a facility</source>
        <translation>施設の追加</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="290"/>
        <source>Code</source>
        <translation>施設コード</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="87"/>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="293"/>
        <source>Name</source>
        <translation>施設名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="297"/>
        <source>Temporary childcare (ichiji)</source>
        <translation>一時保育</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="298"/>
        <source>Daredemo tsuen</source>
        <translation>こども誰でも通園制度</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="303"/>
        <source>Add a facility with the program&apos;s default rules</source>
        <translation>事業の標準のルールで施設を追加します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="313"/>
        <source>Staff accounts</source>
        <translation>職員アカウント</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="323"/>
        <source>Add &amp;account…</source>
        <translation>アカウントを追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="324"/>
        <source>Add a staff account</source>
        <translation>職員アカウントを追加します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="325"/>
        <source>&amp;Edit account…</source>
        <translation>アカウントを編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="326"/>
        <source>Change the selected account&apos;s name or role (Enter in the list)</source>
        <translation>選んだアカウントの氏名や役割を変更します（一覧でEnter）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="328"/>
        <source>Change &amp;password…</source>
        <translation>パスワード変更(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="329"/>
        <source>Set a new password for the selected account</source>
        <translation>選んだアカウントのパスワードを新しくします</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="331"/>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="667"/>
        <source>&amp;Deactivate</source>
        <translation>無効にする(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="332"/>
        <source>Deactivate or activate the selected account</source>
        <translation>選んだアカウントを無効にする／有効に戻します</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="351"/>
        <source>Inbox folder for request files</source>
        <translation>申請ファイルの受信フォルダ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="356"/>
        <source>The folder the online channels save request files in</source>
        <translation>ネット予約などの申請ファイルが保存されるフォルダ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="360"/>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="362"/>
        <source>Choose the inbox folder</source>
        <translation>受信フォルダを選びます</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="364"/>
        <source>&amp;Watch this folder and import new files automatically</source>
        <translation>このフォルダを見張り、新しいファイルを自動で取り込む(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="367"/>
        <source>Request files (CSV) saved in this folder are imported as they arrive. Imported files move to its sub-folder “%1”, with the rows not imported listed beside them; files that are not request files move to “%2”. This setting is kept on this computer only.</source>
        <translation>このフォルダに保存された申請ファイル（CSV）は、届きしだい取り込みます。取り込んだファイルは中の「%1」フォルダへ移し、取り込めなかった行の一覧をその隣に置きます。申請ファイルでないものは「%2」フォルダへ移します。この設定はこのパソコンだけに保存されます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="427"/>
        <source>Only an administrator can change this</source>
        <translation>管理者だけが変更できます</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="439"/>
        <source>Facility rules: %1</source>
        <translation>施設のルール：%1</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="487"/>
        <source>Nothing to save: no rule was changed.</source>
        <translation>変更されたルールがないため、保存するものはありません。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="494"/>
        <source>Saved. New bookings follow the new rules.</source>
        <translation>保存しました。これからの予約は新しいルールで受け付けます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="634"/>
        <source>Logged in: %1 (%2), %3.</source>
        <translation>ログイン中：%1（%2）、%3</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="637"/>
        <source>Nobody is logged in.</source>
        <translation>ログインしていません。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="639"/>
        <source>No account exists yet: the program acts as the built-in administrator. Add the administrator&apos;s account first, then one for each member of staff.</source>
        <translation>まだアカウントがありません。組み込みの管理者として動作しています。まず管理者のアカウントを作成し、続けて職員ごとにアカウントを作成してください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="666"/>
        <source>&amp;Activate</source>
        <translation>有効にする(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="703"/>
        <source>Added the account %1.</source>
        <translation>アカウント「%1」を追加しました。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="704"/>
        <source>Saved the account %1.</source>
        <translation>アカウント「%1」を保存しました。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="705"/>
        <source>Set a new password for %1.</source>
        <translation>「%1」のパスワードを変更しました。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="716"/>
        <source>Deactivate the account</source>
        <translation>アカウントを無効にする</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="717"/>
        <source>Deactivate the account %1? It can no longer log in; what it did stays in the audit log.</source>
        <translation>アカウント「%1」を無効にしますか？ログインできなくなります。これまでの操作は監査ログに残ります。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="724"/>
        <source>Deactivated %1.</source>
        <translation>「%1」を無効にしました。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="724"/>
        <source>Activated %1.</source>
        <translation>「%1」を有効にしました。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="741"/>
        <source>Inbox folder</source>
        <translation>受信フォルダ</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="756"/>
        <source>The folder “%1” does not exist. Choose a folder first.</source>
        <translation>「%1」というフォルダはありません。先にフォルダを選んでください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="757"/>
        <source>Choose a folder first.</source>
        <translation>先にフォルダを選んでください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="767"/>
        <source>New request files in “%1” are imported automatically.</source>
        <translation>「%1」に届いた申請ファイルを自動で取り込んでいます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="770"/>
        <source>The inbox is off: import request files with File ▸ Import request file (Ctrl+I).</source>
        <translation>受信フォルダは使っていません。申請ファイルは「ファイル」▸「申請ファイルの取り込み」（Ctrl+I）で取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="61"/>
        <source>All day</source>
        <translation>終日</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="226"/>
        <source>&amp;Remove setting…</source>
        <translation>設定を削除(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="227"/>
        <source>Remove the selected capacity setting (Delete in the list)</source>
        <translation>選んだ定員設定を削除します（一覧ではDeleteキーでも）</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="229"/>
        <source>Stored capacities: a date&apos;s wins over a weekday&apos;s, a weekday&apos;s over every day&apos;s. Every day, all day is the rules&apos; capacity per slot.</source>
        <translation>登録済みの定員設定：日付の設定は曜日の設定より、曜日の設定は毎日の設定より優先されます。毎日・終日の定員は施設ルールの「1枠の定員」です。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="302"/>
        <source>&amp;Add facility</source>
        <translation>施設を追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="358"/>
        <source>Fo&amp;lder:</source>
        <translation>フォルダ(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="530"/>
        <source>Capacity set: %1 per slot.</source>
        <translation>定員を1枠%1名に設定しました。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="539"/>
        <source>%1, %2: %3 per slot</source>
        <translation>%1・%2：1枠%3名</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="541"/>
        <source>Remove the capacity setting %1? The capacity that applies without it takes its place.</source>
        <translation>定員設定「%1」を削除しますか？削除すると、この設定がないときの定員に戻ります。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="543"/>
        <source>Remove capacity setting</source>
        <translation>定員設定の削除</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="549"/>
        <source>Removed the capacity setting %1.</source>
        <translation>定員設定「%1」を削除しました。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="556"/>
        <source>Bookings now beyond the capacity: %1. Nothing was cancelled:</source>
        <translation>定員を超えた予約が%1件あります。キャンセルはしていません：</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="578"/>
        <source>%1 from %2</source>
        <translation>%1 %2〜</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="580"/>
        <source>Closed %1. Bookings affected: %2. Cancel them in the Reservations pane with the reason “%3” and phone the families.</source>
        <translation>%1を休園にしました。影響を受ける予約が%2件あります。「予約一覧・キャンセル」画面で理由「%3」を選んでキャンセルし、ご家庭に電話でご連絡ください。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="555"/>
        <source>Bookings beyond capacity</source>
        <translation>定員を超えた予約</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="585"/>
        <source>Closed %1. No bookings are affected.</source>
        <translation>%1を休園にしました。影響を受ける予約はありません。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="599"/>
        <source>%1 is open for bookings.</source>
        <translation>%1を開園日にしました。予約を受け付けられます。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/settings_pane.py" line="615"/>
        <source>Added %1 %2: choose it in the status bar to work on it.</source>
        <translation>%1 %2を追加しました。この施設で作業するときは、下のステータスバーで選んでください。</translation>
    </message>
</context>
<context>
    <name>SlotTableModel</name>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="238"/>
        <source>Places left in this slot</source>
        <translation>この枠の残り</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="241"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="242"/>
        <source>Capacity</source>
        <translation>定員</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="244"/>
        <source>Taken</source>
        <translation>予約</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/calendar_model.py" line="246"/>
        <source>Remaining</source>
        <translation>残り</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="20"/>
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="21"/>
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="55"/>
        <source>Add a staff account</source>
        <translation>職員アカウントの追加</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="56"/>
        <source>Edit the staff account</source>
        <translation>職員アカウントの編集</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="57"/>
        <source>Change the password</source>
        <translation>パスワードの変更</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="67"/>
        <source>Letters, digits, “.”, “_” or “-”</source>
        <translation>半角英数字と「.」「_」「-」</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="77"/>
        <source>&amp;Login:</source>
        <translation>ログインID(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="78"/>
        <source>&amp;Name:</source>
        <translation>氏名(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="80"/>
        <source>&amp;Role:</source>
        <translation>役割(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="86"/>
        <source>&amp;Password (8 or more characters):</source>
        <translation>パスワード（8文字以上）(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="87"/>
        <source>Password &amp;again:</source>
        <translation>パスワード（確認）(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="92"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="95"/>
        <source>The first account must be an administrator; you are logged in with it once it is made.</source>
        <translation>最初のアカウントは管理者にしてください。作成すると、そのアカウントでログインした状態になります。</translation>
    </message>
    <message>
        <location filename="../../hoiku_desk/views/staff_dialog.py" line="111"/>
        <source>The two passwords differ. Please type them again.</source>
        <translation>2つのパスワードが一致しません。もう一度入力してください。</translation>
    </message>
</context>
</TS>

#!/bin/bash
# A certificate end to end, through the real parts: the kiosk (headless, demo devices) asks
# the embedded central server over mutual TLS, shows the preview, prints through a real
# CUPS scheduler (tests/support/cups.sh, fixture "cups") and says "please take it" only
# when the job completed; the PDF that came out carries the serial and the masked ID.
# Then the failure paths: a printer without paper (the citizen is told what to do), and the
# central system going away (the banner, and certificates plainly unavailable).
#   certificate.sh KIOSK CUPS_DIR SCENARIO_DIR SCREENSHOT_DIR
set -euo pipefail
kiosk=$1 cups_dir=$2 scenarios=$3 shots=$4
# shellcheck disable=SC1091
source "$cups_dir/env"
work=$(mktemp -d /tmp/onestop-e2e-cert.XXXXXX)
trap 'rm -rf "$work"' EXIT
export LSAN_OPTIONS=${LSAN_OPTIONS:-}

run() {   # queue scenario
  printf '[printer]\nqueue = "%s"\ncups_server = "%s"\n' "$1" "$ONESTOP_CUPS_SERVER" > "$work/kiosk.toml"
  "$kiosk" --demo --central "$work/central" --config "$work/kiosk.toml" --headless \
    --scenario "$scenarios/$2" --screenshots "$shots/${2%.scn}" --log-level info 2> "$work/${2%.scn}.log" || {
    echo "FAILED: scenario $2 on queue $1; kiosk log:" >&2
    tail -12 "$work/${2%.scn}.log" >&2
    exit 1
  }
}

touch "$work/before"
run PDF certificate_print.scn
serial=$(grep -o 'certificate ZM[0-9]* issued' "$work/certificate_print.log" | head -1 | awk '{print $2}')
[[ -n $serial ]] || { echo "FAILED: the log does not name the issued certificate" >&2; exit 1; }
# Other suites print to the same queue meanwhile: ours is the new PDF with our serial.
pdf="" text=""
while IFS= read -r -d '' f; do
  t=$(pdftotext "$f" - 2>/dev/null || true)
  if grep -q "$serial" <<<"$t"; then pdf=$f text=$t; break; fi
done < <(find "$ONESTOP_CUPS_OUT" -name '*.pdf' -newer "$work/before" -print0)
[[ -n $pdf ]] || { echo "FAILED: no PDF with serial $serial came out of the CUPS queue" >&2; exit 1; }
grep -q '110105\*\*\*\*\*\*\*\*0312' <<<"$text" || { echo "FAILED: printed PDF lacks the masked ID number" >&2; exit 1; }
grep -q '证明期间：' <<<"$text" || { echo "FAILED: printed PDF does not state its period" >&2; exit 1; }
if grep -q '110105198503140312' <<<"$text"; then echo "FAILED: full ID number on paper" >&2; exit 1; fi
# The log names the certificate but never the citizen.
if grep -qE '110105198503140312|测试张伟' "$work"/*.log; then echo "FAILED: personal data in the kiosk log" >&2; exit 1; fi

# Receipts out of the simulated receipt printer (as PNGs): certificate and rating of the first
# round; none in the second (out of paper); certificate and (provisional) rating of the third.
receipts=$(find "$work/central/receipts" -name '*.png' -size +1k | wc -l)
[[ $receipts -eq 4 ]] || { echo "FAILED: expected 4 receipt images, found $receipts" >&2; exit 1; }
# Both ratings reached the server: the one given online, and the one kept while it was down.
delivered=$(grep -c 'central: rating [0-9]* delivered' "$work/certificate_print.log" || true)
[[ $delivered -eq 2 ]] || { echo "FAILED: expected 2 ratings delivered, the log shows $delivered" >&2; exit 1; }

run KIOSK-NOPAPER certificate_no_paper.scn

# Filings: one accepted while the citizen waited (and rated), one kept while the system was
# down and delivered when it returned; each with its receipt, and the rating's. The log never
# holds the phone number.
rm -rf "$work/central/receipts"   # each run's simulator numbers its receipts from 1
run PDF filing.scn
receipts=$(find "$work/central/receipts" -name '*.png' -size +1k | wc -l)
[[ $receipts -eq 3 ]] || { echo "FAILED: expected 3 receipts (2 filings, 1 rating), found $receipts" >&2; exit 1; }
filed=$(grep -c 'central: filing [0-9]* delivered' "$work/filing.log" || true)
[[ $filed -eq 2 ]] || { echo "FAILED: expected 2 filings delivered, the log shows $filed" >&2; exit 1; }
if grep -qE '13912345678|13800005678' "$work"/*.log; then echo "FAILED: a phone number in the kiosk log" >&2; exit 1; fi

# What the kiosk told the server about the paper (through its outbox, delivered by now): the
# three certificates that came out are recorded printed; the one the printer without paper
# never printed is void — revoked for that reason, and not among the citizen's applications.
db="$work/central/central/demo.db"
printed=$(sqlite3 "$db" "SELECT COUNT(*) FROM certificates WHERE printed_at IS NOT NULL")
[[ $printed -eq 3 ]] || { echo "FAILED: expected 3 certificates recorded printed, found $printed" >&2; exit 1; }
void=$(sqlite3 "$db" "SELECT acceptance_number FROM certificates WHERE revoke_reason = 'not printed at the kiosk (void)'")
[[ $(wc -w <<<"$void") -eq 1 ]] || { echo "FAILED: expected 1 void certificate, found: $void" >&2; exit 1; }
left=$(sqlite3 "$db" "SELECT COUNT(*) FROM applications WHERE acceptance_number = '$void'")
[[ $left -eq 0 ]] || { echo "FAILED: the void certificate is still recorded as an application" >&2; exit 1; }

# The accepted filing's receipt, held up to the camera: its QR code gives the acceptance
# number, and the kiosk shows the filing's progress from the server (status only).
cat > "$work/progress.scn" <<SCN
wait 请选择您要办理的业务
tap home.scan
wait 请将二维码对准摄像头
qr show-image $work/central/receipts/receipt-1.png
wait 已识别业务回执 10
wait 办理状态 20
expect 已受理，等待审核
expect 联系电话变更
expect-not 139
screenshot 01-progress
SCN
"$kiosk" --demo --central "$work/central" --headless --scenario "$work/progress.scn" \
  --screenshots "$shots/progress" --log-level info 2> "$work/progress.log" || {
  echo "FAILED: progress by the receipt's QR code; kiosk log:" >&2; tail -12 "$work/progress.log" >&2; exit 1; }

# The certificate in English (screens in English, the document in Chinese).
run PDF certificate_en.scn

# One calendar year (last year: the buttons offer this year and the four before, so the
# scenario is written for today): the period on the preview, and on paper.
year=$(( $(date +%Y) - 1 ))
cat > "$work/period.scn" <<SCN
wait 请选择您要办理的业务
tap home.group.certificate
tap guide.service.cert_rights_record
tap detail.start
wait 读卡器已就绪 5
card present worker
wait 身份核验通过 8
tap identified.issue
wait 请选择证明的期间 10
tap certificate.period.$year
wait 请核对左侧证明内容 60
expect "证明期间：${year}年1月 至 ${year}年12月"
screenshot 01-preview-year
tap certificate.print
wait 请取走您的证明 90
expect "证明期间：${year}年1月 至 ${year}年12月"
screenshot 02-take-it-year
tap certificate.finish
wait 请选择您要办理的业务
SCN
touch "$work/before-year"
"$kiosk" --demo --central "$work/central" --config "$work/kiosk.toml" --headless --scenario "$work/period.scn" \
  --screenshots "$shots/period" --log-level info 2> "$work/period.log" || {
  echo "FAILED: a certificate for $year; kiosk log:" >&2; tail -12 "$work/period.log" >&2; exit 1; }
year_serial=$(grep -o 'certificate ZM[0-9]* issued' "$work/period.log" | head -1 | awk '{print $2}')
year_text=""
while IFS= read -r -d '' f; do
  t=$(pdftotext "$f" - 2>/dev/null || true)
  if grep -q "$year_serial" <<<"$t"; then year_text=$t; break; fi
done < <(find "$ONESTOP_CUPS_OUT" -name '*.pdf' -newer "$work/before-year" -print0)
grep -q "证明期间：${year}年01月 至 ${year}年12月" <<<"$year_text" || {
  echo "FAILED: the certificate for $year does not say so on paper" >&2; exit 1; }

# A counter service: a queue number from the server, printed.
run PDF ticket.scn
grep -q 'central: queue ticket B[0-9]* taken' "$work/ticket.log" || { echo "FAILED: no queue ticket from the server" >&2; exit 1; }
offline_ticket=$(sed -n 's/.*central: queue ticket \(B[0-9]*\) handed out offline.*/\1/p' "$work/ticket.log" | head -1)
[[ -n $offline_ticket ]] || { echo "FAILED: no queue ticket handed out offline" >&2; exit 1; }
grep -q 'central: ticket [0-9]* delivered' "$work/ticket.log" || { echo "FAILED: the offline ticket $offline_ticket never reached the server" >&2; exit 1; }
if grep -qaE '13912345678|13800005678|110105198503140312' "$work/central/kiosk/outbox.db"*; then
  echo "FAILED: personal data in clear in the outbox" >&2; exit 1
fi
grep -q 'not printed' "$work/certificate_no_paper.log" || { echo "FAILED: the failed job was not logged" >&2; exit 1; }
echo "certificate printed as $(basename "$pdf") with serial $serial; paper-out and offline paths passed"

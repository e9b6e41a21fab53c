#!/bin/bash
# A throwaway CUPS scheduler for the printing tests, on a Unix socket only.
#   cups.sh start DIR   start cupsd with its own configuration and spool under DIR, add the
#                       queues below, write DIR/env (ONESTOP_CUPS_SERVER, ONESTOP_CUPS_OUT)
#   cups.sh stop DIR    stop it and delete everything it made
# Queues:
#   PDF       cups-pdf: every job becomes a PDF in DIR/out, named <title>-job_<id>.pdf
#   DISABLED  like PDF, but disabled (cupsdisable): the printer is stopped
#   FAILING   a backend that fails every job (exit 1) under printer-error-policy=abort-job:
#             jobs end "aborted"
#   NOPAPER   a backend that reports media-empty-error, then fails the job
#   KIOSK-NOPAPER  the same, for the kiosk's end-to-end test
#   RECEIPTS  a raw queue (ESC/POS for a receipt printer) whose backend saves each job as
#             DIR/out/raw-job_<id>.bin
# Needs root: cupsd starts as root to run backends, and cups-pdf refuses to run without it.
# cups-pdf reads its configuration only from /etc/cups, so each run adds one file there,
# /etc/cups/cups-pdf-onestop-test-<id>.conf, removed again by stop.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
cmd=$1
dir=$(realpath -m "$2")
ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd

# cupsd may still be reloading when it first answers: an admin command is retried briefly.
admin() {
  local attempt
  for attempt in $(seq 30); do
    "$@" 2>>"$home/log/admin.log" && return 0
    sleep 0.2
  done
  echo "failed: $*" >&2
  cat "$home/log/admin.log" >&2
  return 1
}

home_of() { if [[ -f $dir/home ]]; then cat "$dir/home"; else echo "$dir"; fi; }

stop_cups() {
  local home
  home=$(home_of)
  if [[ -f $home/cupsd.pid ]]; then
    local pid
    pid=$(cat "$home/cupsd.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  if [[ -f $home/instance ]]; then rm -f "/etc/cups/cups-pdf-$(cat "$home/instance").conf"; fi
  [[ $home != "$dir" ]] && rm -rf "$home"
  rm -rf "$dir"
}

start_cups() {
  [[ $(id -u) -eq 0 ]] || { echo "the CUPS test server needs root (cupsd runs backends as root; cups-pdf requires it)" >&2; exit 1; }
  for f in /usr/sbin/cupsd /usr/sbin/lpadmin /usr/sbin/cupsdisable /usr/lib/cups/backend/cups-pdf "$ppd"; do
    [[ -e $f ]] || { echo "$f missing: apt-get install cups cups-client printer-driver-cups-pdf (deploy/debian-packages.txt)" >&2; exit 1; }
  done
  stop_cups   # whatever an interrupted run left behind
  mkdir -p "$dir"
  # The socket path must fit in sun_path (108 bytes).
  local home=$dir
  if (( ${#dir} > 70 )); then home=$(mktemp -d /tmp/onestop-cups.XXXXXX); echo "$home" > "$dir/home"; fi
  local instance="onestop-test-$$-$RANDOM"
  echo "$instance" > "$home/instance"
  mkdir -p "$home"/{etc,spool,tmp,cache,state,log,out,pdf-spool,bin/backend}
  chmod 755 "$home" "$home/out"
  chown lp:lp "$home/tmp"

  # ServerBin: the system's filters and backends, plus the two test backends.
  for sub in /usr/lib/cups/*; do
    [[ $(basename "$sub") == backend ]] || ln -s "$sub" "$home/bin/$(basename "$sub")"
  done
  for b in /usr/lib/cups/backend/*; do ln -s "$b" "$home/bin/backend/$(basename "$b")"; done
  cat > "$home/bin/backend/onestop-fail" <<'SH'
#!/bin/sh
# Test backend: every job fails (CUPS_BACKEND_FAILED).
[ $# -eq 0 ] && exit 0
echo "ERROR: simulated printer failure" >&2
exit 1
SH
  cat > "$home/bin/backend/onestop-nopaper" <<'SH'
#!/bin/sh
# Test backend: the printer reports it is out of paper, and the job fails.
[ $# -eq 0 ] && exit 0
echo "STATE: +media-empty-error" >&2
echo "ERROR: out of paper" >&2
exit 1
SH
  cat > "$home/bin/backend/onestop-save" <<'SH'
#!/bin/sh
# Test backend: saves the job's bytes as they came (a raw queue) in the URI's directory.
[ $# -eq 0 ] && exit 0
out=${DEVICE_URI#onestop-save:}
if [ $# -ge 6 ]; then cat "$6"; else cat; fi > "$out/raw-job_$1.bin"
SH
  chmod 700 "$home/bin/backend/onestop-fail" "$home/bin/backend/onestop-nopaper" "$home/bin/backend/onestop-save"

  cat > "$home/etc/cups-files.conf" <<CONF
ServerRoot $home/etc
ServerBin $home/bin
DataDir /usr/share/cups
RequestRoot $home/spool
TempDir $home/tmp
CacheDir $home/cache
StateDir $home/state
ErrorLog $home/log/error_log
Printcap $home/printcap
AccessLog $home/log/access_log
PageLog $home/log/page_log
FileDevice No
User lp
Group lp
SystemGroup root
Sandboxing Relaxed
CONF
  cat > "$home/etc/cupsd.conf" <<CONF
Listen $home/cups.sock
LogLevel info
WebInterface No
Browsing No
JobRetryLimit 0
DefaultPolicy test
<Policy test>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order deny,allow
    Allow all
  </Limit>
</Policy>
<Location />
  Order allow,deny
  Allow all
</Location>
CONF
  cat > "/etc/cups/cups-pdf-$instance.conf" <<CONF
Out $home/out
AnonDirName $home/out
Spool $home/pdf-spool
Log $home/log
Label 1
TitlePref 1
Grp root
CONF

  setsid /usr/sbin/cupsd -f -c "$home/etc/cupsd.conf" -s "$home/etc/cups-files.conf" \
    >"$home/log/cupsd.out" 2>&1 < /dev/null &
  echo $! > "$home/cupsd.pid"
  local sock=$home/cups.sock
  for _ in $(seq 100); do
    lpstat -h "$sock" -r >/dev/null 2>&1 && break
    sleep 0.1
  done
  lpstat -h "$sock" -r >/dev/null 2>&1 || { echo "cupsd did not start:" >&2; cat "$home/log/cupsd.out" "$home/log/error_log" >&2 2>/dev/null; exit 1; }

  # pdftocairo keeps the text of our PDFs through CUPS' PostScript step (the default
  # renderer turns it into outlines, and pdftotext would find nothing).
  local common=(-E -P "$ppd" -o printer-error-policy=abort-job -o pdftops-renderer-default=pdftocairo)
  admin lpadmin -h "$sock" -p PDF -v "cups-pdf:/$instance" "${common[@]}"
  admin lpadmin -h "$sock" -p DISABLED -v "cups-pdf:/$instance" "${common[@]}"
  admin cupsdisable -h "$sock" -r "disabled by the test set-up" DISABLED
  admin lpadmin -h "$sock" -p FAILING -v "onestop-fail:/" "${common[@]}"
  admin lpadmin -h "$sock" -p NOPAPER -v "onestop-nopaper:/" "${common[@]}"
  # The same for the kiosk's end-to-end test: a paper-out state left behind must not
  # change what the printing suite's NOPAPER test sees.
  admin lpadmin -h "$sock" -p KIOSK-NOPAPER -v "onestop-nopaper:/" "${common[@]}"
  admin lpadmin -h "$sock" -p RECEIPTS -E -v "onestop-save:$home/out"   # no PPD: a raw queue

  {
    echo "ONESTOP_CUPS_SERVER=$sock"
    echo "ONESTOP_CUPS_OUT=$home/out"
  } > "$dir/env"
  echo "CUPS test server on $sock (queues PDF, DISABLED, FAILING, NOPAPER, KIOSK-NOPAPER, RECEIPTS), output in $home/out"
}

# A start that fails half way leaves nothing behind (its logs go to stderr first).
on_start_exit() {
  local rc=$?
  if [[ $rc -ne 0 ]]; then
    cat "$(home_of)"/log/{cupsd.out,admin.log} >&2 2>/dev/null || true
    stop_cups
  fi
  exit $rc
}

case $cmd in
  start) trap on_start_exit EXIT; start_cups ;;
  stop) stop_cups ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# Bad input reaches the person running the kiosk as a clear message and a non-zero exit,
# never a crash: unknown language, missing fonts, malformed scenario, bad config.
set -u
KIOSK="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
passes=0

expect_failure() {   # name, expected message (regex), command...
  local name="$1" pattern="$2"; shift 2
  local out code
  out=$("$@" 2>&1); code=$?
  if [ "$code" -eq 0 ]; then echo "FAIL $name: exit 0"; fails=$((fails + 1)); return; fi
  if [ "$code" -gt 2 ]; then echo "FAIL $name: exit $code (crash?)"; echo "$out" | tail -5; fails=$((fails + 1)); return; fi
  if ! grep -Eq -- "$pattern" <<<"$out"; then echo "FAIL $name: message does not match /$pattern/:"; echo "$out" | tail -5; fails=$((fails + 1)); return; fi
  echo "ok   $name"; passes=$((passes + 1))
}

expect_failure "unknown --lang" "unknown language 'fr' \(available: zh-CN, en, zh-TW\)" \
  "$KIOSK" --headless --lang fr --exit-after 1
expect_failure "bad --window" "--window huge: expected WIDTHxHEIGHT" "$KIOSK" --headless --window huge
expect_failure "unknown option" "unknown option --colour" "$KIOSK" --colour

printf '[kiosk]\ninactivity_seconds = 2\n' > "$tmp/range.toml"
expect_failure "config out of range" "inactivity_seconds = 2 is out of range" \
  "$KIOSK" --headless --config "$tmp/range.toml" --exit-after 1
printf '[kiosk\n' > "$tmp/syntax.toml"
expect_failure "config syntax error" "syntax.toml:1" "$KIOSK" --headless --config "$tmp/syntax.toml"
expect_failure "config missing" "cannot read config file" "$KIOSK" --headless --config "$tmp/nope.toml"

printf 'tap home.open_guide\ntapp nothing\n' > "$tmp/typo.scn"
expect_failure "scenario unknown step" "typo.scn:2: unknown step 'tapp'" \
  "$KIOSK" --headless --scenario "$tmp/typo.scn"
printf 'tap "unterminated\n' > "$tmp/quote.scn"
expect_failure "scenario bad quote" "quote.scn:1: unterminated quote" "$KIOSK" --headless --scenario "$tmp/quote.scn"
printf 'expect "这段文字不在屏幕上"\n' > "$tmp/expect.scn"
expect_failure "scenario expectation fails" "line 1: expect .*not on screen" \
  "$KIOSK" --headless --scenario "$tmp/expect.scn" --screenshots "$tmp/shots"
[ -f "$tmp/shots/failure.png" ] && { echo "ok   failure screenshot saved"; passes=$((passes + 1)); } || { echo "FAIL no failure screenshot"; fails=$((fails + 1)); }

# No fonts at all: fontconfig sees an empty configuration.
printf '<?xml version="1.0"?>\n<fontconfig><cachedir>%s/fc</cachedir></fontconfig>\n' "$tmp" > "$tmp/fonts.conf"
expect_failure "missing fonts" "Noto Sans CJK SC.*apt-get install fonts-noto-cjk" \
  env FONTCONFIG_FILE="$tmp/fonts.conf" "$KIOSK" --headless --exit-after 1

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]

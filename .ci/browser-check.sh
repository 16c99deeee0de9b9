#!/usr/bin/env bash
# The sample's page checked in a real browser: `validate --html` renders the
# Bắc Giang Q3/2023 report, headless Chromium (Debian's `chromium`, installed
# here where missing) loads it, and its own DOM (`--dump-dom`) must mark
# exactly the rows expected below, list every indicator of the catalogue,
# and load nothing from outside; both pages must parse as HTML5 without a
# single parse error (html5lib, strict). Then a screenshot of the page with its
# localisation (`--locate`) is taken for README's picture.
#
#   bash .ci/browser-check.sh               check, screenshot to a scratch file
#   bash .ci/browser-check.sh --screenshot  check, and refresh docs/sample-page.png
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
    echo "== installing chromium"
    apt-get update
    apt-get install -y chromium
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== validate --html (the sample)"
cargo build --quiet --example validate
validate=target/debug/examples/validate
set +e
"$validate" --html > "$work/page.html"
status=$?
"$validate" --html --locate > "$work/located.html"
located_status=$?
set -e
# The sample has one error: exit code 1, as without --html.
if [ "$status" -ne 1 ] || [ "$located_status" -ne 1 ]; then
    echo "validate --html exited $status (--locate: $located_status), expected 1" >&2
    exit 1
fi

chrome() {
    # --no-sandbox: CI runs as root. No network is needed: the page is a file.
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --no-first-run --disable-extensions "$@" 2>"$work/chromium.log"
}

echo "== strict HTML5 parse (html5lib)"
if ! python3 -c 'import html5lib' 2>/dev/null; then
    python3 -m pip install --quiet html5lib 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages html5lib
fi
python3 - "$work/page.html" "$work/located.html" <<'PYTHON'
import sys
import html5lib

for path in sys.argv[1:]:
    parser = html5lib.HTMLParser(strict=True)
    with open(path, encoding="utf-8") as page:
        parser.parse(page.read())
    print(f"{path}: parses as HTML5 without error")
PYTHON

echo "== chromium --dump-dom"
chrome --dump-dom "file://$work/page.html" > "$work/dom.html"
chrome --dump-dom "file://$work/located.html" > "$work/located-dom.html"

python3 - "$work/dom.html" "$work/located-dom.html" schemas/catalogue.json <<'PYTHON'
import json
import re
import sys
from html.parser import HTMLParser

# The sample's findings, worked out by hand from the source document
# (tests/data/bac_giang_2023_q3_source.txt, its seven forms at its end):
EXPECTED = {
    # Form 1 row 2 (plan completion rate) is blank, but rows 2.1 and 2.2
    # give it: 100 × 40 / 56 = 71,43 % — a derivable blank, a note.
    ("1", "2"): "info",
    # Form 3 row 1.4 prints 1.902 procedures, its levels 1.486 + 255 + 155
    # = 1.896: the total and its parts disagree by 6 — an error.
    ("3", "1.4"): "error",
    # Form 4 row 1.5 counts 858 public service units, form 6 row 2.1 counts
    # the same units as 840 — a warning.
    ("4", "1.5"): "warning",
    # Form 6 row 1 (disbursement rate) is blank, but rows 1.1 and 1.2 give
    # it: 100 × 6.832.000 / 8.007.000 = 85,33 % — a note.
    ("6", "1"): "info",
}


class Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows = []
        self.outside = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-form" in attrs:
            self.rows.append((attrs["data-form"], attrs["data-stt"], attrs.get("data-severity")))
        if tag == "script":
            self.scripts += 1
        for name in ("src", "href", "srcset", "poster", "data"):
            value = attrs.get(name)
            if value is not None and not value.startswith("#"):
                self.outside.append((tag, name, value))


def read(path):
    parser = Rows()
    with open(path, encoding="utf-8") as page:
        text = page.read()
    parser.feed(text)
    return parser, text


catalogue = json.load(open(sys.argv[3], encoding="utf-8"))
indicators = [(str(i["form"]), i["stt"]) for i in catalogue["indicators"]]
failures = []
for path in sys.argv[1:3]:
    parser, text = read(path)
    listed = [(form, stt) for form, stt, _ in parser.rows]
    if listed != indicators:
        failures.append(f"{path}: {len(listed)} indicator rows, expected the catalogue's {len(indicators)}")
    marked = {(form, stt): severity for form, stt, severity in parser.rows if severity}
    if marked != EXPECTED:
        failures.append(f"{path}: marked rows {sorted(marked.items())}, expected {sorted(EXPECTED.items())}")
    if parser.outside:
        failures.append(f"{path}: loads or links outside the page: {parser.outside}")
    if parser.scripts:
        failures.append(f"{path}: has {parser.scripts} script element(s)")
    if re.search(r"url\(|@import", text):
        failures.append(f"{path}: its style loads a resource")
    print(f"{path}: {len(listed)} indicator rows, marked {sorted(marked.items())}")

# With localisation, the suggested values stand beside the reported ones:
# any of the four cells of 3/1.4 can take the 6 that is missing.
_, located = read(sys.argv[2])
for suggested in ("→ 1.896", "→ 1.492", "→ 261", "→ 161"):
    if suggested not in located:
        failures.append(f"--locate page: no suggested value {suggested}")

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("browser check: the marked rows are exactly the expected ones")
PYTHON

echo "== screenshot"
shot="$work/sample-page.png"
if [ "${1:-}" = "--screenshot" ]; then
    shot=docs/sample-page.png
fi
chrome --window-size=1100,1500 --screenshot="$shot" "file://$work/located.html"
test -s "$shot"
echo "screenshot: $shot"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the studio's screenshots in this folder from the demo catalog (and a catalog
# imported from plain CSV files), offscreen: `bash docs/screenshots/regenerate.sh [BUILD_DIR]`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build}"
vitrine="$build/app/vitrine"
cli="$build/app/vitrine-cli"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
# Screenshots never touch the user's settings or recent files.
export XDG_CONFIG_HOME="$work/config"

demo="$work/demo.vitrine"
"$cli" --db "$demo" -q demo --end 2026-11-30 >/dev/null

# A shop's plain export: few fields, no categories, some items without a title.
plain="$work/plain.vitrine"
printf 'user_id,item_id,ts\n' >"$work/events.csv"
for i in $(seq 1 400); do
    printf 'P%03d,SKU-%02d,2026-%02d-%02dT10:00:00\n' $((i % 37)) $((i % 23)) $((i % 11 + 1)) $((i % 27 + 1)) >>"$work/events.csv"
done
"$cli" --db "$plain" -q import events "$work/events.csv" --create-missing >/dev/null

shot() { # FILE CATALOG-OR-EMPTY ARGS...
    local file="$1" catalog="$2"
    shift 2
    if [ -n "$catalog" ]; then
        "$vitrine" --screenshot "$here/$file" "$@" "$catalog"
    else
        "$vitrine" --screenshot "$here/$file" --no-restore "$@"
    fi
    echo "wrote docs/screenshots/$file"
}

shot welcome.png ""
shot overview.png "$demo" --workspace overview
shot items.png "$demo" --workspace items
shot item-page.png "$demo" --workspace items --show SKU-00042
shot people.png "$demo" --workspace people
shot person-page.png "$demo" --workspace people --show U00012
shot history.png "$demo" --workspace history
shot audience.png "$demo" --workspace segments --show outdoor-readers
shot slots.png "$demo" --workspace slots --show home-for-you
shot slots-plain.png "$plain" --workspace slots
shot import-wizard.png "$demo" --import "$work/events.csv"
shot items-plain.png "$plain" --workspace items
shot people-plain.png "$plain" --workspace people
shot overview-dark.png "$demo" --workspace overview --palette dark
shot people-dark.png "$demo" --workspace people --show U00012 --palette dark
QT_SCALE_FACTOR=2 shot overview-200.png "$demo" --workspace overview
# The audience workspace's tabs with a segment built in the test (and one on a plain catalog).
VITRINE_SCREENSHOTS="$here" VITRINE_SCREENSHOT_DB="$demo" "$build/tests/tst_audienceworkspace" screenshots >/dev/null \
    && echo "wrote docs/screenshots/audience-*.png"
# The slot editor's lint, what-if and evaluation on the demo.
VITRINE_SCREENSHOTS="$here" VITRINE_SCREENSHOT_DB="$demo" "$build/tests/tst_slotsworkspace" screenshots >/dev/null \
    && echo "wrote docs/screenshots/slot-*.png"
# Each page of the import wizard, from its test suite (small files with foreign column names).
VITRINE_SCREENSHOTS="$here" "$build/tests/tst_importwizard" >/dev/null && echo "wrote docs/screenshots/import-*.png"
VITRINE_SCREENSHOTS="$here" VITRINE_DARK=1 "$build/tests/tst_importwizard" >/dev/null && echo "wrote docs/screenshots/import-*-dark.png"

#!/usr/bin/env bash
# Records the classes Cairn loads from launch until its window shows the demo store, into
# installers/src/main/app/cairn.classlist. The packages' post-install script builds the AppCDS archive from
# that list. Run by hand on Linux after `mvn -Pinstallers -DskipTests package` when start-up code changes
# much (a stale list only makes start-up slower: classes it names that no longer exist are skipped).
# Needs Xvfb and xdotool.
#   usage: installers/src/classlist/make-classlist.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
image=installers/target/jpackage-work/image/cairn
out=installers/src/main/app/cairn.classlist
[ -x "$image/bin/cairn" ] || { echo "make-classlist: no app image at $image; build with -Pinstallers first" >&2; exit 1; }
app="$PWD/$image/lib/app"
cp=$(sed -n 's/^app\.classpath=//p' "$app/cairn.cfg" | sed "s|\\\$APPDIR|$app|g" | paste -sd: -)
java="$image/lib/runtime/bin/java"
tmp=$(mktemp -d)
disp=:$((120 + RANDOM % 50))
Xvfb "$disp" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
trap 'kill "${apid:-}" "$xpid" 2>/dev/null; rm -rf "$tmp"' EXIT
"$image/bin/cairn" demo --store "$tmp/demo.db" >/dev/null
sleep 1
DISPLAY=$disp "$java" -XX:DumpLoadedClassList="$tmp/cairn.classlist" -cp "$cp" dev.cairn.app.Main \
  --store "$tmp/demo.db" >"$tmp/app.log" 2>&1 &
apid=$!
for _ in $(seq 1 60); do
  DISPLAY=$disp xdotool search --name "demo.db" >/dev/null 2>&1 && break
  sleep 0.5
done
sleep 3  # the run table and details fill in after the window appears
kill "$apid"; wait "$apid" 2>/dev/null || true
cp "$tmp/cairn.classlist" "$out"
echo "make-classlist: $(grep -vc '^[#@]' "$out") classes in $out"

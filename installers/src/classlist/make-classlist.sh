#!/usr/bin/env bash
# Records the classes Cairn loads from launch until its window shows the demo store's runs table, into
# installers/src/main/app/cairn.classlist. The packages' post-install script builds the AppCDS archive from
# that list. Run by hand on Linux when start-up code changes much (a stale list only makes start-up slower:
# classes it names that no longer exist are skipped), after either
#   mvn -Pinstallers -DskipTests package     (uses the app image and its runtime), or
#   mvn -pl app -am -DskipTests package      (uses the app distribution app/target/cairn and `java` on PATH or
#                                             JAVA_HOME: the class names are the same, only the paths differ)
# Needs Xvfb and xdotool.
#   usage: installers/src/classlist/make-classlist.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
image=installers/target/jpackage-work/image/cairn
dist=app/target/cairn
out=installers/src/main/app/cairn.classlist
if [ -x "$image/bin/cairn" ]; then
  app="$PWD/$image/lib/app"
  cp=$(sed -n 's/^app\.classpath=//p' "$app/cairn.cfg" | sed "s|\\\$APPDIR|$app|g" | paste -sd: -)
  java="$image/lib/runtime/bin/java"
  cairn="$image/bin/cairn"
elif [ -x "$dist/bin/cairn" ]; then
  cp="$PWD/$dist/lib/*"
  java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  cairn="$dist/bin/cairn"
else
  echo "make-classlist: no app image at $image and no distribution at $dist; build one first" >&2
  exit 1
fi
tmp=$(mktemp -d)
disp=:$((120 + RANDOM % 50))
Xvfb "$disp" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
trap 'kill "${apid:-}" "$xpid" 2>/dev/null; rm -rf "$tmp"' EXIT
CAIRN_CDS=off "$cairn" demo --store "$tmp/demo.db" >/dev/null
sleep 1
DISPLAY=$disp "$java" -Xshare:off -XX:DumpLoadedClassList="$tmp/cairn.classlist" -cp "$cp" dev.cairn.app.Main \
  --store "$tmp/demo.db" >"$tmp/app.log" 2>&1 &
apid=$!
for _ in $(seq 1 120); do
  DISPLAY=$disp xdotool search --name "demo.db" >/dev/null 2>&1 && break
  sleep 0.5
done
sleep 8  # the runs table, its default columns and the run details fill in after the window appears
kill "$apid"; wait "$apid" 2>/dev/null || true
cp "$tmp/cairn.classlist" "$out"
echo "make-classlist: $(grep -vc '^[#@]' "$out") classes ($(grep -c '^dev/cairn/' "$out") of Cairn) in $out"

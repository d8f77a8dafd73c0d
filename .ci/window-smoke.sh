#!/usr/bin/env bash
# Starts a Cairn command under Xvfb and waits for its window titled "Cairn — <store file name>".
#   usage: window-smoke.sh STORE_FILE COMMAND [ARGS...]     (exit 0 when the window appeared within 60 s)
set -euo pipefail
store=$1; shift
title="Cairn — $(basename "$store")"
disp=:$((150 + RANDOM % 50))
Xvfb "$disp" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
DISPLAY=$disp "$@" --store "$store" >/tmp/cairn-window-smoke.log 2>&1 &
apid=$!
cleanup() { kill "$apid" 2>/dev/null || true; sleep 1; kill -9 "$apid" 2>/dev/null || true; kill "$xpid" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 60); do
  if DISPLAY=$disp xdotool search --name "$title" >/dev/null 2>&1; then
    echo "window-smoke: '$title' is on screen"
    exit 0
  fi
  if ! kill -0 "$apid" 2>/dev/null; then
    echo "window-smoke: the app exited before its window appeared:" >&2
    tail -20 /tmp/cairn-window-smoke.log >&2
    exit 1
  fi
  sleep 1
done
echo "window-smoke: no window titled '$title' after 60 s" >&2
tail -20 /tmp/cairn-window-smoke.log >&2
exit 1

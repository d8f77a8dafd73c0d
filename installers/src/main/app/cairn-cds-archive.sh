#!/bin/sh
# Makes Cairn's AppCDS archive (lib/app/cairn.jsa) for the installed class path, so the JVM maps the
# classes Cairn loads at start-up instead of parsing them. Run by the package's post-install script;
# best effort: without the archive Cairn starts as usual, a little slower.
#   usage: sh cairn-cds-archive.sh APP_DIR        (APP_DIR: /opt/cairn)
set -u
dir=${1:?usage: cairn-cds-archive.sh APP_DIR}
cfg="$dir/lib/app/cairn.cfg"
jsa="$dir/lib/app/cairn.jsa"
java="$dir/lib/runtime/bin/java"
rm -f "$jsa"
[ -r "$cfg" ] && [ -x "$java" ] || exit 0
# the class path exactly as the launcher builds it (the archive is valid only for that class path)
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\\\$APPDIR|$dir/lib/app|g" | paste -sd: -)
tmp=$(mktemp -d) || exit 0
# a short CLI session that creates a store and logs a run: the classes every command loads
# (the archive is written at exit whatever the exit code)
HOME="$tmp" "$java" -XX:ArchiveClassesAtExit="$jsa" -Xshare:auto -Xlog:disable -cp "$cp" \
  dev.cairn.app.Main log --store "$tmp/cds.db" --experiment cds --param lr=0.1 --metric loss=0.5@1 >/dev/null 2>&1
rm -rf "$tmp"
[ -f "$jsa" ] && chmod 644 "$jsa"
exit 0

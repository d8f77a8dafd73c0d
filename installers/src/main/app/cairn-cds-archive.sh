#!/bin/sh
# Makes Cairn's AppCDS archive (lib/app/cairn.jsa) for the installed class path, so the JVM maps the
# classes Cairn loads from launch to window (listed in cairn.classlist) instead of parsing them again on
# every start. Run by the package's post-install script; best effort: without the archive Cairn starts
# as usual, only slower.
#   usage: sh cairn-cds-archive.sh APP_DIR        (APP_DIR: /opt/cairn)
set -u
dir=${1:?usage: cairn-cds-archive.sh APP_DIR}
cfg="$dir/lib/app/cairn.cfg"
list="$dir/lib/app/cairn.classlist"
jsa="$dir/lib/app/cairn.jsa"
java="$dir/lib/runtime/bin/java"
rm -f "$jsa"
[ -r "$cfg" ] && [ -r "$list" ] && [ -x "$java" ] || exit 0
# the class path exactly as the launcher builds it (the archive is valid only for that class path)
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\\\$APPDIR|$dir/lib/app|g" | paste -sd: -)
if "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$jsa" -Xlog:disable \
     -cp "$cp" >/dev/null 2>&1; then
  chmod 644 "$jsa"
else
  rm -f "$jsa"
  echo "cairn: no start-up (CDS) archive was made; Cairn starts without it" >&2
fi
exit 0

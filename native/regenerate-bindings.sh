#!/bin/sh
# Regenerates the liburing bindings of io-uring (package io.tursoj.io.uring.ffi) with an installed jextract.
#
# Run only when the pinned liburing version (liburing.version) changes; the output is committed and never edited.
# Needs: jextract on PATH or in $JEXTRACT (https://github.com/openjdk/jextract, built against libclang),
#        the liburing development headers of the pinned version (Debian: liburing-dev), pkg-config.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out="$here/../io-uring/src/main/generated/java"
pkg=io.tursoj.io.uring.ffi
jextract=${JEXTRACT:-$(command -v jextract || true)}

if [ -z "$jextract" ] || [ ! -x "$jextract" ]; then
  echo "jextract not found: put it on PATH or set JEXTRACT=/path/to/bin/jextract" >&2
  exit 1
fi

pinned=$(cat "$here/liburing.version")
installed=$(pkg-config --modversion liburing 2>/dev/null || true)
if [ "$installed" != "$pinned" ]; then
  echo "liburing headers are version '${installed:-missing}', but liburing.version pins $pinned." >&2
  echo "Install liburing-dev $pinned, or update liburing.version and liburing.includes together." >&2
  exit 1
fi
header="$(pkg-config --variable=includedir liburing)/liburing.h"

rm -rf "$out/io/tursoj/io/uring/ffi"
# -l :liburing.so.2 loads the versioned soname that the runtime package (liburing2) ships;
# -l uring would look for the unversioned liburing.so, which only the -dev package has.
"$jextract" --output "$out" -t "$pkg" -l :liburing.so.2 --header-class-name liburing_h \
  @"$here/liburing.includes" "$header"

echo "regenerated $(find "$out/io/tursoj/io/uring/ffi" -name '*.java' | wc -l) files under $out"

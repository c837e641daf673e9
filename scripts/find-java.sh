# Sourced by every entry point (./run-tests, ./tursodb, .ci/run, bench/run).
# Finds a JDK >= 25: JAVA_HOME when it qualifies, else the newest under /usr/lib/jvm.
# Exports JAVA_HOME and puts its bin first on PATH, or stops with what to install.

tursoj_java_major() { # $1 = JDK home; prints its feature version, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

tursoj_find_java() {
  local required=25 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(tursoj_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$required" ]; then
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] || continue
    major=$(tursoj_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$required" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "TursoJ needs a JDK $required or newer (java and javac)." >&2
    echo "None found: JAVA_HOME=${JAVA_HOME:-<unset>}, nothing suitable under /usr/lib/jvm." >&2
    echo "Install one (for example Temurin 25: apt-get install temurin-25-jdk) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

tursoj_find_java || exit 1

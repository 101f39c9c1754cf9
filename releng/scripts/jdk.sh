# SPDX-License-Identifier: EPL-2.0
# Sourced by every Orrery script: finds a JDK 21 or newer and exports JAVA_HOME, or explains in one line.
# Order: $JAVA_HOME if new enough, then the newest JDK under /usr/lib/jvm (ORRERY_JVM_DIR overrides the folder).
# Leaves the JDK's feature version (e.g. 25) in orrery_jdk_major.

orrery_java_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), nothing if it is not a JDK.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local rel="$1/release" line
  if [ -f "$rel" ]; then
    # Read by the shell itself (POSIX: mvnw sources this file with sh): every command on the launcher's path
    # costs a process start.
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"[0-9]*)
          line="${line#JAVA_VERSION=\"}"
          echo "${line%%[!0-9]*}"
          return 0
          ;;
      esac
    done <"$rel"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

orrery_find_jdk() {
  local want=21 best="" best_major=0 candidate major jvms="${ORRERY_JVM_DIR:-/usr/lib/jvm}"
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(orrery_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$want" ]; then
      orrery_jdk_major="$major"
      return 0
    fi
  fi
  for candidate in "$jvms"/*; do
    [ -L "$candidate" ] && continue
    major=$(orrery_java_major "$candidate") || continue
    [ -n "$major" ] || continue
    if [ "$major" -ge "$want" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    local seen="unset"
    [ -n "${JAVA_HOME:-}" ] && seen="$JAVA_HOME (JDK $(orrery_java_major "$JAVA_HOME" || echo '?'))"
    echo "orrery: building and running Orrery needs a JDK 21 or newer; looked at JAVA_HOME=$seen and under $jvms, found none: install one (e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 25) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  orrery_jdk_major="$best_major"
}

orrery_find_jdk || exit 3
export PATH="$JAVA_HOME/bin:$PATH"

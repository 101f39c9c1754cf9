# SPDX-License-Identifier: EPL-2.0
# Sourced by ./orrery after JAR, LIB, stamp, ROOT, major, cache_key, jvm_opts, short_opts and classpath are set.
# Start-up cache (JDK 25+, JEP 483/514 AOT cache): the ~4,500 classes a DSL command loads are parsed, verified and
# linked once, by a training run after each CLI build (or JDK / JVM option change), then mapped by every later
# start. Lives in build/cli/ (one folder per CLI build, so a running command never loses its jars);
# ORRERY_STARTUP_CACHE=0 turns it off.
CACHE="$ROOT/build/cli"
cache_current() { # sets cache_dir to the cache made for the current CLI build and JDK, if there is one
  local dir="" key=""
  cache_dir=""
  # Files read by bash itself (no cat): every process the launcher starts is time before the command runs.
  { IFS= read -r dir <"$CACHE/current"; } 2>/dev/null || [ -n "$dir" ] || return 1
  { IFS= read -r key <"$dir/key"; } 2>/dev/null || true
  [ -f "$dir/orrery.aot" ] && [ -f "$dir/classpath" ] && [ ! "$stamp" -nt "$dir/orrery.aot" ] \
    && [ "$key" = "$cache_key" ] && cache_dir="$dir"
}
prepare_startup_cache() {
  mkdir -p "$CACHE"
  # One launcher prepares; others run without the cache meanwhile. A lock left by a killed launcher expires.
  find "$CACHE" -maxdepth 1 -name .lock -mmin +10 -exec rmdir {} \; 2>/dev/null || true
  mkdir "$CACHE/.lock" 2>/dev/null || return 0
  echo "orrery: preparing the start-up cache (once per CLI build)..." >&2
  local dir="$CACHE/$(date +%s%N)" cp previous training="$ROOT/examples/flight-control/system.orrery"
  previous="$(cat "$CACHE/current" 2>/dev/null || true)"
  mkdir -p "$dir"
  # The cache skips classes of signed jars (the Eclipse ones), so it is built over unsigned copies.
  if cp="$("$JAVA_HOME/bin/java" -cp "$JAR" org.orrery.cli.launcher.UnsignedJars "$dir/lib" "$JAR" "$LIB"/*.jar 2>"$dir/prepare.log")" \
     && { [ -f "$training" ] && set -- generate "$training" -o "$dir/training" || set -- --help; } \
     && "$JAVA_HOME/bin/java" "${jvm_opts[@]}" "${short_opts[@]}" -XX:AOTCacheOutput="$dir/orrery.aot" -cp "$cp" \
          org.orrery.cli.OrreryCli "$@" >>"$dir/prepare.log" 2>&1 \
     && [ -f "$dir/orrery.aot" ]; then
    printf '%s' "$cp" >"$dir/classpath"
    printf '%s' "$cache_key" >"$dir/key"
    rm -rf "$dir/training"
    printf '%s\n' "$dir" >"$CACHE/current.tmp" && mv "$CACHE/current.tmp" "$CACHE/current"
    # Keep the previous build's folder for commands still running from it; older ones go.
    for old in "$CACHE"/[0-9]*; do
      [ "$old" = "$dir" ] || [ "$old" = "$previous" ] || rm -rf "$old"
    done
  else
    # Not retried on every start: only after the next CLI build or option change.
    printf '%s' "$cache_key" >"$CACHE/failed"
    echo "orrery: start-up cache not created (see $dir/prepare.log); running without it" >&2
  fi
  rmdir "$CACHE/.lock" 2>/dev/null || true
}
if [ "${ORRERY_STARTUP_CACHE:-1}" != 0 ] && [ "$major" -ge 25 ]; then
  failed=""
  { IFS= read -r failed <"$CACHE/failed"; } 2>/dev/null || true
  if ! cache_current && ! { [ "$failed" = "$cache_key" ] && [ "$CACHE/failed" -nt "$stamp" ]; }; then
    prepare_startup_cache
    cache_current || true
  fi
  if [ -n "$cache_dir" ]; then
    dir="$cache_dir"
    IFS= read -r classpath <"$dir/classpath" || true
    # A cache that no longer matches (e.g. a JDK update) is ignored by the JVM: say nothing, run without it.
    jvm_opts+=("-XX:AOTCache=$dir/orrery.aot" "-Xlog:aot*=off" "-Xlog:cds*=off")
  fi
fi

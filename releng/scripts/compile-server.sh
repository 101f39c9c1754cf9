# SPDX-License-Identifier: EPL-2.0
# Sourced by ./orrery for `orrery check` after startup-cache.sh. A warm compile server (org.orrery.cli.server)
# answers the check, so the JVM start, class loading and Xtext's injector are paid once, not per call; the client
# is bash itself (server-client.sh), so a served check starts no JVM at all. One server per user, CLI build, JVM
# options and working directory; it stops after ORRERY_SERVER_IDLE seconds (default 600) without a request. Only
# the user reaches it: it serves requests carrying the token in its endpoint file, which is in a folder of the
# user's own with mode 0700. ORRERY_SERVER=0 checks in this process.
# Returns (to run the command in-process) when no server can serve; otherwise exits with the check's exit code.
. "$ROOT/releng/scripts/server-client.sh"
serve_check() {
  local dir="${ORRERY_SERVER_DIR:-${XDG_RUNTIME_DIR:-/tmp}/orrery-$EUID}" key endpoint rc opt gc=()
  if [ ! -d "$dir" ]; then
    mkdir -m 700 "$dir" 2>/dev/null || return 0
  fi
  # The folder is the server's only lock: someone else's, or one others may enter, means no server (the server
  # itself refuses such a folder too).
  [ -O "$dir" ] && [ "$(stat -c %a "$dir")" = 700 ] || return 0
  # A new CLI build, start-up cache, JDK or option set means a new server; the old one idles out.
  key="$(printf '%s\n' "$PWD" "$JAVA_HOME" "$classpath" "${jvm_opts[*]}" "${ORRERY_JAVA_OPTS:-}" \
      "$(stat -c %Y "$JAR" "$stamp" 2>/dev/null)" | cksum | cut -d' ' -f1)"
  endpoint="$dir/check-$key"
  rc=0; orrery_server_call "$endpoint" 0 "" "$@" || rc=$?
  [ "$rc" -eq 111 ] || exit "$rc"
  # No server yet (or a stale endpoint): start one, detached from this terminal, and hand it this check.
  # C1 only, like the in-process commands: C2 spent 15-18 s of CPU compiling Xtext's parser and linker over the
  # first ten checks of the 1,000-partition system, more than its faster code saved there (44 s of CPU in all
  # vs 35 s with C1; a server idles out after ten minutes). A young generation large enough for one big
  # system's check spares copying the model it builds; the server collects between requests.
  local server_opts=()
  for opt in "${jvm_opts[@]}"; do
    [ "$opt" = -XX:+UseSerialGC ] || server_opts+=("$opt")
  done
  case "${ORRERY_JAVA_OPTS:-} ${ORRERY_SERVER_JAVA_OPTS:-}" in *Use*GC*) ;; *) gc=(-XX:+UseSerialGC -Xmn768m) ;; esac
  local detach=()
  command -v setsid >/dev/null && detach=(setsid)
  "${detach[@]}" "$JAVA_HOME/bin/java" "${server_opts[@]}" "${gc[@]}" ${ORRERY_JAVA_OPTS:-} ${ORRERY_SERVER_JAVA_OPTS:-} \
      -cp "$classpath" org.orrery.cli.server.CompileServer "$endpoint" "${ORRERY_SERVER_IDLE:-600}" \
      </dev/null >>"$endpoint.log" 2>&1 &
  local pid=$!
  rc=0; orrery_server_call "$endpoint" "${ORRERY_SERVER_WAIT:-60}" "$pid" "$@" || rc=$?
  [ "$rc" -eq 111 ] || exit "$rc"
  # The server did not start (see $endpoint.log): check in this process, as without a server.
}
if [ "${ORRERY_SERVER:-1}" != 0 ]; then
  serve_check "$@"
fi

# SPDX-License-Identifier: EPL-2.0
# The client of the compile server (org.orrery.cli.server.CompileServer), in bash: a served `orrery check` then
# starts no JVM of its own. Sourced by compile-server.sh (and by CompileServerTest).
#
# orrery_server_call ENDPOINT WAIT_SECONDS SERVER_PID ARGS...
#   Reads the server's port and token from ENDPOINT.tcp (the user's alone, in a 0700 folder: reading it is the
#   authentication), connects over the loopback interface with bash's /dev/tcp, sends ARGS and the current
#   directory, copies the server's stdout and stderr to its own in the order they were written, and returns the
#   command's exit code. Returns 111 when no server answered before anything was printed. With WAIT_SECONDS > 0 it
#   waits that long for a server that is starting, and no longer than SERVER_PID (if not empty) lives.
#   The wire format is org.orrery.cli.server.Protocol's. Output is copied byte for byte except NUL bytes, which
#   bash's read cannot hold (diagnostics are text).
orrery_server_call() {
  local endpoint="$1" wait="$2" pid="$3"
  shift 3
  local LC_ALL=C port token fd kind len data arg cwd printed=0 deadline
  deadline=$((SECONDS + ${wait%%.*}))
  while :; do
    if [ -r "$endpoint.tcp" ] && read -r port token <"$endpoint.tcp" \
        && { exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      break
    fi
    [ "$SECONDS" -lt "$deadline" ] || return 111
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      return 111
    fi
    sleep 0.02
  done
  # The server compares the directory with its own (the JVM's, symbolic links resolved).
  cwd="$(pwd -P)"
  # A server that is just stopping resets the connection: a write then fails, and must not kill this shell.
  trap '' PIPE
  {
    printf 'ORR2 %s\n%d:%s%d\n' "$token" "${#cwd}" "$cwd" "$#"
    for arg in "$@"; do
      printf '%d:%s' "${#arg}" "$arg"
    done
  } >&"$fd" 2>/dev/null || { trap - PIPE; exec {fd}>&-; return 111; }
  trap - PIPE
  while IFS=' ' read -r kind len <&"$fd"; do
    case "$kind" in
      O | E)
        [[ "$len" =~ ^[0-9]+$ ]] || break
        data=
        [ "$len" -eq 0 ] || IFS= read -r -N "$len" data <&"$fd" || break
        if [ "$kind" = O ]; then printf '%s' "$data"; else printf '%s' "$data" >&2; fi
        printed=1
        ;;
      X)
        exec {fd}>&-
        [[ "$len" =~ ^[0-9]+$ ]] || return 1
        return "$len"
        ;;
      *) break ;;
    esac
  done
  exec {fd}>&-
  # The server went away before saying anything (it was stopping when we connected, or it refused us): not served.
  [ "$printed" = 1 ] || return 111
  echo "orrery: the compile server stopped in the middle of the command; run it again, or with ORRERY_SERVER=0" \
    "to check in this process" >&2
  return 1
}

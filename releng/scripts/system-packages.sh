# SPDX-License-Identifier: EPL-2.0
# Sourced by the Orrery scripts: installs the Debian packages the build and tests meet as real components
# (a virtual display, GTK for SWT, X tools for the product smoke test, babeltrace2, xmllint). Installs only
# what is missing, only as root; otherwise says in one line what is missing and fails.

orrery_require_packages() {
  # Arguments: pairs "command-or-path:package".
  local missing=() pair probe pkg
  for pair in "$@"; do
    probe="${pair%%:*}"; pkg="${pair#*:}"
    if [[ "$probe" == /* ]]; then
      compgen -G "$probe" >/dev/null && continue
    else
      command -v "$probe" >/dev/null 2>&1 && continue
    fi
    missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "orrery: missing system packages: ${missing[*]} (install them with apt-get as root, then rerun)." >&2
    return 1
  fi
  echo "orrery: installing system packages: ${missing[*]}" >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/orrery-apt.log 2>&1; then
    apt-get update -qq >/tmp/orrery-apt.log 2>&1 || true
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >>/tmp/orrery-apt.log 2>&1; then
      echo "orrery: could not install ${missing[*]} with apt-get (see /tmp/orrery-apt.log)." >&2
      return 1
    fi
  fi
}

# What a graphical run of Studio needs.
ORRERY_DISPLAY_PACKAGES=(
  "xvfb-run:xvfb"
  "/usr/lib/x86_64-linux-gnu/libgtk-3.so.0:libgtk-3-0"
  "xauth:xauth"
)

# What the tests additionally drive as real clients.
ORRERY_TEST_PACKAGES=(
  "xdotool:xdotool"
  "xwininfo:x11-utils"
  "import:imagemagick"
  "babeltrace2:babeltrace2"
  "xmllint:libxml2-utils"
  "/usr/lib/jvm/java-17-openjdk-amd64/bin/jdb:openjdk-17-jdk-headless"
)

#!/usr/bin/env bash
# Installs Debian packages for an integration test, never failing CI: where apt-get is unavailable,
# not root without passwordless sudo, or the install fails, it says so and exits 0, and the test
# skips with a printed reason. Shared by install-chromium.sh and install-pre-commit.sh.
#
#   apt-install.sh NAME TEST-NAME PRESENT-CHECK VERSION-COMMAND PACKAGE...
#
# PRESENT-CHECK is a shell test for "already installed"; VERSION-COMMAND prints what was installed.
set -u
NAME=$1 TEST=$2 PRESENT=$3 VERSION=$4
shift 4

say() { echo "install-$NAME: $*"; }

if eval "$PRESENT"; then
  say "$(eval "$VERSION" 2>/dev/null || echo "$NAME") already installed; nothing to do"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  say "apt-get not available; $NAME not installed (the $TEST test will skip)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    say "not root and no passwordless sudo; $NAME not installed (the $TEST test will skip)"
    exit 0
  fi
fi
say "installing $* with apt-get"
if $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; then
  if eval "$PRESENT"; then
    say "installed: $(eval "$VERSION" 2>/dev/null || echo "$NAME")"
  else
    say "apt-get finished but $NAME is missing (the $TEST test will skip)"
  fi
else
  say "apt-get failed; $NAME not installed (the $TEST test will skip)"
fi
exit 0

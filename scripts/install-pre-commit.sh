#!/usr/bin/env bash
# Installs Debian's pre-commit for the hook's integration test, test/integration/pre-commit.test.ts.
# Idempotent: does nothing when `pre-commit` is on PATH. Never fails CI: where apt-get is
# unavailable, or the install fails, it says so and exits 0, and the test skips with a printed reason.
set -u

say() { echo "install-pre-commit: $*"; }

if command -v pre-commit >/dev/null 2>&1; then
  say "$(pre-commit --version 2>/dev/null || echo pre-commit) already installed; nothing to do"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  say "apt-get not available; pre-commit not installed (the pre-commit test will skip)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    say "not root and no passwordless sudo; pre-commit not installed (the pre-commit test will skip)"
    exit 0
  fi
fi

say "installing pre-commit with apt-get"
if $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q pre-commit; then
  say "installed: $(pre-commit --version 2>/dev/null || echo '(pre-commit not on PATH)')"
else
  say "apt-get failed; pre-commit not installed (the pre-commit test will skip)"
fi
exit 0

#!/usr/bin/env bash
# Installs Debian's Chromium (and CJK fonts, so that the Chinese report renders) for the HTML
# report's browser test, test/integration/browser.test.ts. Idempotent: does nothing when
# /usr/bin/chromium exists. Never fails CI: where apt-get is unavailable, or the install fails,
# it says so and exits 0, and the browser test skips with a printed reason.
set -u

CHROMIUM=${AA_CHROMIUM:-/usr/bin/chromium} # the path the browser test launches
PACKAGES=(chromium fonts-noto-cjk)

say() { echo "install-chromium: $*"; }

if [ -x "$CHROMIUM" ]; then
  say "$CHROMIUM already installed; nothing to do"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  say "apt-get not available; Chromium not installed (the browser test will skip)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    say "not root and no passwordless sudo; Chromium not installed (the browser test will skip)"
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
say "installing ${PACKAGES[*]} with apt-get"
if $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${PACKAGES[@]}"; then
  if [ -x "$CHROMIUM" ]; then
    say "installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  else
    say "apt-get finished but $CHROMIUM is missing (the browser test will skip)"
  fi
else
  say "apt-get failed; Chromium not installed (the browser test will skip)"
fi
exit 0

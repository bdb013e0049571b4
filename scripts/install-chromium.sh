#!/usr/bin/env bash
# Installs Debian's Chromium (and CJK fonts, so that the Chinese report renders) for the HTML
# report's browser test, test/integration/browser.test.ts. Idempotent; never fails CI (apt-install.sh).
CHROMIUM=${AA_CHROMIUM:-/usr/bin/chromium} # the path the browser test launches
exec bash "$(dirname "$0")/apt-install.sh" chromium browser "[ -x '$CHROMIUM' ]" "'$CHROMIUM' --version" chromium fonts-noto-cjk

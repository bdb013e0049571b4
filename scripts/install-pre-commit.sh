#!/usr/bin/env bash
# Installs Debian's pre-commit for the hook's integration test, test/integration/pre-commit.test.ts.
# Idempotent; never fails CI (apt-install.sh).
exec bash "$(dirname "$0")/apt-install.sh" pre-commit pre-commit "command -v pre-commit >/dev/null 2>&1" "pre-commit --version" pre-commit

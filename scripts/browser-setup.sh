#!/bin/sh
# Installs what the browser and PDF tests need, without downloading any
# browser build: Debian's chromium, poppler-utils and qpdf (with apt-get, when
# missing) and the npm packages playwright-core and axe-core into
# tests/browser/node_modules, and action-validator (the workflow files'
# schema check) into tests/workflows/node_modules.
set -eu
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null 2>&1 || ! command -v qpdf >/dev/null 2>&1; then
	echo "browser-setup: installing Debian chromium, poppler-utils and qpdf" >&2
	SUDO=""
	if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core poppler-utils qpdf >/dev/null
fi

if ! command -v npm >/dev/null 2>&1; then
	echo "browser-setup: npm is missing; install Node.js (Debian: apt-get install nodejs npm)" >&2
	exit 1
fi

if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ] ||
	[ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
	echo "browser-setup: installing npm packages into tests/browser/node_modules" >&2
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
fi

if [ ! -d tests/workflows/node_modules/@action-validator/cli ] ||
	[ tests/workflows/package-lock.json -nt tests/workflows/node_modules/.package-lock.json ]; then
	echo "browser-setup: installing npm packages into tests/workflows/node_modules" >&2
	npm ci --prefix tests/workflows --no-audit --no-fund --loglevel=error
fi

#!/usr/bin/env bash
# System packages the browser and notebook tests need (Debian; run as root):
# - chromium: tests/playground drives it with playwright-core (no browser download);
# - jupyter-nbconvert, python3-nbclient, python3-ipykernel: tests/notebooks executes
#   examples/notebooks/*.ipynb headlessly with the Deno kernel (npm's `deno` package, registered
#   with `deno jupyter --install`).
# Idempotent: skips apt when everything is present. Call it from .ci/run before the tests.
set -euo pipefail

packages=(chromium jupyter-nbconvert python3-nbclient python3-ipykernel)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Register Deno's Jupyter kernel for this user (~/.local/share/jupyter/kernels/deno), for people
# opening the notebooks. Always with --force: the kernelspec names this clone's
# node_modules/.bin/deno, which moves between clones. Needs `npm ci` first; tests/notebooks does
# not need it (it writes its own kernelspec to a temporary JUPYTER_PATH).
cd "$(dirname "$0")/.."
if [ -x node_modules/.bin/deno ]; then
  node_modules/.bin/deno jupyter --install --force
else
  echo "ci-system-packages: node_modules/.bin/deno not installed yet (npm ci); Deno kernel not registered"
fi

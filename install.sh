#!/usr/bin/env bash
# Installs boxctl from this checkout on Debian 12 or Ubuntu 24.04.
#
#   sudo ./install.sh   installs the Debian packages boxctl needs, builds (as the owner of
#                       the checkout, so the files stay theirs) and links
#                       /usr/local/bin/boxctl
#   ./install.sh        names the missing packages and the command that installs them,
#                       builds when it can, and links ~/.local/bin/boxctl
#
# Idempotent: a second run installs nothing new, reinstalls the npm dependencies only
# when package-lock.json changed, and rebuilds.
set -Eeuo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

readonly NODE_MIN=20.19.0
# Needed to build: a C compiler and make, python3 for node-gyp, the runtime's libraries.
readonly BUILD_PACKAGES=(build-essential python3 pkg-config libseccomp-dev libjson-c-dev)
# Needed to run containers: newuidmap/newgidmap and the overlay fallback; networking
# wants one of passt (pasta) and slirp4netns, checked apart.
readonly RUN_PACKAGES=(uidmap fuse-overlayfs)
readonly NETWORK_PACKAGES=(passt slirp4netns)

say() { echo "install.sh: $*"; }
die() {
    echo "install.sh: $*" >&2
    exit 1
}

installed() {
    [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

check_node() {
    command -v node >/dev/null ||
        die "Node.js is not installed: boxctl needs Node.js $NODE_MIN or newer (Debian 12 and Ubuntu 24.04 ship older ones; see https://nodejs.org/en/download)"
    node -e '
        const n = (v) => v.split(".").reduce((sum, part) => sum * 1000 + Number(part), 0);
        process.exit(n(process.versions.node) < n(process.argv[1]) ? 1 : 0);
    ' "$NODE_MIN" || die "Node.js $(node --version) is too old: boxctl needs $NODE_MIN or newer (see https://nodejs.org/en/download)"
}

# Fills MISSING_BUILD and MISSING_RUN with the packages that are not installed.
find_missing() {
    local pkg
    MISSING_BUILD=() MISSING_RUN=()
    for pkg in "${BUILD_PACKAGES[@]}"; do installed "$pkg" || MISSING_BUILD+=("$pkg"); done
    for pkg in "${RUN_PACKAGES[@]}"; do installed "$pkg" || MISSING_RUN+=("$pkg"); done
    installed passt || installed slirp4netns || MISSING_RUN+=("${NETWORK_PACKAGES[@]}")
}

packages() {
    if ! command -v dpkg-query >/dev/null; then
        say "not a Debian system: install a C compiler, make, python3, pkg-config, the libseccomp and json-c headers, newuidmap/newgidmap, fuse-overlayfs and passt or slirp4netns yourself"
        return
    fi
    find_missing
    local missing=("${MISSING_BUILD[@]}" "${MISSING_RUN[@]}")
    ((${#missing[@]})) || return 0
    if [[ $EUID -eq 0 ]]; then
        say "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q
        apt-get install -y -q "${missing[@]}"
        return
    fi
    say "missing Debian packages: ${missing[*]}"
    say "install them with: sudo apt-get install -y ${missing[*]}   (or run: sudo ./install.sh)"
    ((${#MISSING_BUILD[@]} == 0)) || die "cannot build without ${MISSING_BUILD[*]}"
}

# The build runs as the checkout's owner: root must not leave root-owned files in a user's tree.
as_owner() {
    local owner
    owner=$(stat -c %U .)
    if [[ $EUID -eq 0 && $owner != root ]]; then
        runuser -u "$owner" -- "$@"
    else
        "$@"
    fi
}

build() {
    # npm ci builds too (the install and prepare scripts); without a lockfile change
    # the dependencies stay and only boxctl is rebuilt.
    if [[ node_modules/.package-lock.json -nt package-lock.json ]]; then
        say "building (dependencies up to date)"
        as_owner node scripts/build-native.mjs
        as_owner node scripts/bundle.mjs
    else
        say "installing npm dependencies and building"
        as_owner npm ci --no-audit --no-fund
    fi
}

link() {
    local bin=$HOME/.local/bin
    [[ $EUID -ne 0 ]] || bin=/usr/local/bin
    mkdir -p "$bin"
    ln -sfn "$PWD/dist/boxctl.js" "$bin/boxctl"
    say "boxctl is $bin/boxctl"
    if [[ $(command -v boxctl || true) != "$bin/boxctl" ]]; then
        say "$bin is not on your PATH yet: log in again (Debian's and Ubuntu's ~/.profile add ~/.local/bin once it exists) or run: export PATH=\"$bin:\$PATH\""
    fi
}

# The systemd user generator that turns Quadlet-style .container and .volume files into
# units (docs/systemd.md). systemd reads user generators only from system directories,
# so only root can install it. It names node and boxctl.js by absolute path: the user
# manager's PATH need not hold the node boxctl was built with.
readonly GENERATOR=/usr/local/lib/systemd/user-generators/boxctl-user-generator

generator() {
    if [[ $EUID -ne 0 ]]; then
        say "to run .container files under systemd, install the user generator as root: sudo ./install.sh"
        return
    fi
    local node script=$PWD/dist/boxctl.js
    node=$(readlink -f "$(command -v node)")
    [[ $node$script != *"'"* ]] || die "cannot write $GENERATOR: a path holds a single quote ($node, $script)"
    mkdir -p "$(dirname "$GENERATOR")"
    cat >"$GENERATOR.tmp" <<EOF
#!/bin/sh
# boxctl's systemd user generator, written by install.sh: .container and .volume files to units.
# Users who cannot read this checkout have none of boxctl's units.
[ -r '$script' ] || exit 0
exec '$node' '$script' quadlet generate "\$@"
EOF
    chmod 755 "$GENERATOR.tmp"
    mv -f "$GENERATOR.tmp" "$GENERATOR"
    say "systemd user generator: $GENERATOR (systemctl --user daemon-reload runs it)"
}

main() {
    check_node
    packages
    build
    link
    generator
    if ((${#MISSING_RUN[@]})); then
        say "done; before containers can run: sudo apt-get install -y ${MISSING_RUN[*]}"
    else
        say "done; try: boxctl run --rm hello"
    fi
}

MISSING_BUILD=() MISSING_RUN=()
main "$@"

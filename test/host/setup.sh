#!/usr/bin/env bash
# Prepares a Debian 12 machine for boxctl's host tests: test users, device
# permissions, a delegated cgroup v2 subtree, a local registry and test images.
# Run as root. Idempotent: a second run only checks and repairs.
set -Eeuo pipefail
umask 022

readonly STATE_DIR=/var/lib/boxctl-test
readonly TEST_USER=boxtest
readonly NOSUB_USER=boxnosub
readonly REGISTRY=127.0.0.1:5000
readonly REGISTRY_DIR=$STATE_DIR/registry
readonly REGISTRY_CONFIG=$REGISTRY_DIR/config.yml
readonly REGISTRY_PIDFILE=$REGISTRY_DIR/pid
readonly REGISTRY_LOG=$REGISTRY_DIR/registry.log
readonly CGROUP_NAME=boxctl-test
readonly PACKAGES=(uidmap slirp4netns passt fuse-overlayfs docker-registry skopeo umoci
    busybox-static zsh fish libseccomp-dev libjson-c-dev pkg-config python3 openssl zstd runc jq curl tmux util-linux podman strace)

STEP=startup
trap 'echo "setup.sh: FAILED in step \"$STEP\" (line $LINENO: $BASH_COMMAND)" >&2' ERR

step() {
    STEP=$1
    echo "==> $1"
}

die() {
    echo "setup.sh: FAILED in step \"$STEP\": $*" >&2
    exit 1
}

# shellcheck source=images.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/images.sh"

install_packages() {
    step "install packages"
    local pkg missing=()
    for pkg in "${PACKAGES[@]}"; do
        [[ $(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null) == "install ok installed" ]] ||
            missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        echo "installing: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q
        apt-get install -y -q "${missing[@]}"
    fi
}

create_users() {
    step "create users"
    id -u "$TEST_USER" >/dev/null 2>&1 || useradd -m -s /bin/bash "$TEST_USER"
    ensure_subordinate_range "$TEST_USER" /etc/subuid --add-subuids
    ensure_subordinate_range "$TEST_USER" /etc/subgid --add-subgids

    id -u "$NOSUB_USER" >/dev/null 2>&1 ||
        useradd -m -s /bin/bash -K SUB_UID_COUNT=0 -K SUB_GID_COUNT=0 "$NOSUB_USER"
    # Entries may name the user or its uid; either would give it a range.
    local owner file
    owner="^($NOSUB_USER|$(id -u "$NOSUB_USER")):"
    for file in /etc/subuid /etc/subgid; do
        if grep -qE "$owner" "$file"; then
            sed -i -E "/$owner/d" "$file"
        fi
    done
}

# useradd normally allocates the range itself; this covers hosts where it did not.
ensure_subordinate_range() { # USER FILE USERMOD_OPTION
    local user=$1 file=$2 option=$3 start
    grep -qE "^($user|$(id -u "$user")):" "$file" 2>/dev/null && return
    # Start after every existing range so none overlap.
    start=$(awk -F: 'BEGIN { next_free = 100000 }
        NF >= 3 && $2 + $3 > next_free { next_free = $2 + $3 }
        END { print next_free }' "$file" 2>/dev/null || echo 100000)
    usermod "$option" "$start-$((start + 65535))" "$user"
}

open_devices() {
    step "device permissions"
    if [[ ! -c /dev/net/tun ]]; then
        mkdir -p /dev/net
        mknod /dev/net/tun c 10 200
    fi
    [[ -c /dev/fuse ]] || mknod /dev/fuse c 10 229
    chmod 666 /dev/net/tun /dev/fuse
    chmod 1777 /tmp
}

create_runtime_dirs() {
    step "XDG_RUNTIME_DIR"
    local user
    install -d -m 0755 /run/user
    for user in "$TEST_USER" "$NOSUB_USER"; do
        install -d -m 0700 -o "$user" -g "$(id -g "$user")" "/run/user/$(id -u "$user")"
    done
}

delegate_cgroup() {
    step "delegate cgroup v2 subtree"
    # Hybrid hosts mount cgroup2 in varying places (e.g. /sys/fs/cgroup/unified).
    CGROUP2_MOUNT=$(awk '{
            for (i = 7; i < NF; i++) if ($i == "-") break
            if ($(i + 1) == "cgroup2") { print $5; exit }
        }' /proc/self/mountinfo)
    [[ -n $CGROUP2_MOUNT ]] || die "no cgroup2 mount in /proc/self/mountinfo"
    CGROUP_DIR=$CGROUP2_MOUNT/$CGROUP_NAME

    # Controllers bound to v1 hierarchies cannot be enabled; that is expected.
    local controller
    for controller in $(<"$CGROUP2_MOUNT/cgroup.controllers"); do
        { echo "+$controller" >"$CGROUP2_MOUNT/cgroup.subtree_control"; } 2>/dev/null ||
            echo "note: could not enable cgroup controller $controller"
    done

    mkdir -p "$CGROUP_DIR"
    # Delegation as systemd's Delegate=yes does it (which chowns only the
    # directory and the cgroup.* files it needs; all files is a harmless
    # superset on a test host): the user may create children and move its
    # processes between them.
    chown -R "$TEST_USER:$TEST_USER" "$CGROUP_DIR"
    probe_cgroup_delegation
}

# Puts a shell into the delegated cgroup as root, then checks that, as the test
# user, it can create a child cgroup and move itself there: what boxctl will do.
probe_cgroup_delegation() {
    local probe=$CGROUP_DIR/setup-probe expected actual
    [[ ! -d $probe ]] || rmdir "$probe"
    expected="0::${CGROUP_DIR#"$CGROUP2_MOUNT"}/setup-probe"
    # shellcheck disable=SC2016 # $1 and $$ expand in the inner shell.
    actual=$(
        echo "$BASHPID" >"$CGROUP_DIR/cgroup.procs"
        exec runuser -u "$TEST_USER" -- sh -c \
            'mkdir "$1" && echo $$ >"$1/cgroup.procs" && grep "^0::" /proc/self/cgroup' sh "$probe"
    )
    rmdir "$probe"
    [[ $actual == "$expected" ]] ||
        die "$TEST_USER could not move into a child of $CGROUP_DIR (got '$actual', expected '$expected')"
}

write_registry_config() {
    mkdir -p "$REGISTRY_DIR/data"
    # No blob descriptor cache: it could serve blobs that tests have deleted.
    cat >"$REGISTRY_CONFIG" <<EOF
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $REGISTRY_DIR/data
  delete:
    enabled: true
http:
  addr: $REGISTRY
EOF
}

registry_answers() {
    curl -sf -o /dev/null --max-time 2 "http://$REGISTRY/v2/"
}

# True when the pid file names a live registry process serving our config.
registry_is_ours() {
    local pid
    [[ -s $REGISTRY_PIDFILE ]] || return 1
    pid=$(<"$REGISTRY_PIDFILE")
    [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$REGISTRY_CONFIG"
}

# The package's own service listens on :5000 as well (all interfaces, htpasswd
# auth) and would shadow ours; it only starts where an init system runs it.
stop_distro_registry() {
    if [[ -d /run/systemd/system ]]; then
        systemctl disable --quiet --now docker-registry.service
    elif [[ -s /run/docker-registry.pid ]]; then
        /etc/init.d/docker-registry stop
    fi
}

start_registry() {
    step "local registry on $REGISTRY"
    stop_distro_registry
    write_registry_config
    if registry_answers; then
        registry_is_ours ||
            die "something other than $REGISTRY_CONFIG's registry answers on http://$REGISTRY/"
        echo "registry already running (pid $(<"$REGISTRY_PIDFILE"))"
        return
    fi
    # A live process that does not answer yet is still starting; a second one
    # would only fail to bind the port.
    if ! registry_is_ours; then
        setsid nohup docker-registry serve "$REGISTRY_CONFIG" >>"$REGISTRY_LOG" 2>&1 </dev/null &
        echo $! >"$REGISTRY_PIDFILE"
    fi
    local _
    for _ in {1..30}; do
        registry_answers && return
        registry_is_ours || die "registry exited; last log lines:
$(tail -n 20 "$REGISTRY_LOG")"
        sleep 0.5
    done
    die "registry did not answer on http://$REGISTRY/v2/ within 15 s; see $REGISTRY_LOG"
}

write_host_env() {
    step "write $STATE_DIR/host.env"
    cat >"$STATE_DIR/host.env.new" <<EOF
BOXCTL_TEST_USER=$TEST_USER
BOXCTL_TEST_UID=$(id -u "$TEST_USER")
BOXCTL_TEST_NOSUB_USER=$NOSUB_USER
BOXCTL_TEST_NOSUB_UID=$(id -u "$NOSUB_USER")
BOXCTL_TEST_REGISTRY=$REGISTRY
BOXCTL_TEST_CGROUP=$CGROUP_DIR
BOXCTL_TEST_CGROUP2_MOUNT=$CGROUP2_MOUNT
EOF
    mv "$STATE_DIR/host.env.new" "$STATE_DIR/host.env"
}

print_summary() {
    step "summary"
    cat <<EOF
users:     $TEST_USER (uid $(id -u "$TEST_USER"), subuid $(grep "^$TEST_USER:" /etc/subuid | cut -d: -f2-)), $NOSUB_USER (uid $(id -u "$NOSUB_USER"), no subordinate ids)
cgroup:    $CGROUP_DIR (owned by $TEST_USER)
registry:  http://$REGISTRY (pid $(<"$REGISTRY_PIDFILE"), log $REGISTRY_LOG)
images:
$(list_test_images | sed 's/^/  /')
env:       $STATE_DIR/host.env
EOF
}

main() {
    [[ $EUID -eq 0 ]] || die "must run as root"
    mkdir -p "$STATE_DIR"
    install_packages
    create_users
    open_devices
    create_runtime_dirs
    delegate_cgroup
    start_registry
    ensure_test_images
    write_host_env
    print_summary
}

main "$@"

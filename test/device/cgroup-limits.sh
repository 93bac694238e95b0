#!/bin/sh
# boxctl-runtime's cgroup v2 limits on a host that has the controllers (this
# project's test host has none on cgroup2, so test/integration/runtime-cgroup.test.ts
# can only check the refusals).  Run as root, from the repository root:
#
#   make -C native static          # on the build host: static runtime + busybox rootfs
#   sh test/device/cgroup-limits.sh
#
# It builds and downloads nothing and needs no Node.js: only
# native/build/static/{boxctl-runtime,rootfs} and a cgroup2 hierarchy with the
# memory, pids and cpu controllers.  Like systemd with Delegate=yes it hands a
# cgroup (boxctl-dev) to an unprivileged user, moves that user's shell into the
# leaf boxctl-dev/runner, and runs bundles as the user with linux.cgroupsPath
# beside it.  Prints PASS/FAIL lines and a summary; exits 1 on any FAIL.
#
# BOXCTL_DEV_DRY=1 goes on past a preflight that finds controllers missing, to
# check the script itself on a host without them: the limit checks then fail.
set -u

REPO=$(pwd)
RUNTIME_SRC=${RUNTIME:-$REPO/native/build/static/boxctl-runtime}
ROOTFS_SRC=${ROOTFS:-$REPO/native/build/static/rootfs}
DEV_USER=${BOXCTL_DEV_USER:-boxdev}
DRY=${BOXCTL_DEV_DRY:-0}
CG_NAME=boxctl-dev

WORK=
CG=
RESTORE_SYSCTLS=

note() { echo "NOTE $*"; }

preflight_fail() {
  echo "FAIL preflight: $*"
  echo "SUMMARY: 0 passed, 1 failed (preflight)"
  exit 1
}

cleanup() {
  if [ -n "$CG" ] && [ -d "$CG" ]; then
    [ -e "$CG/cgroup.kill" ] && echo 1 > "$CG/cgroup.kill" 2>/dev/null
    sleep 0.3
    "$BB" find "$CG" -depth -type d -exec rmdir {} \; 2>/dev/null
  fi
  for kv in $RESTORE_SYSCTLS; do
    echo "${kv#*=}" > "${kv%%=*}" 2>/dev/null
  done
  [ -n "$WORK" ] && rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- preflight ---------------------------------------------------------------
[ "$(id -u)" = 0 ] || preflight_fail "run as root (it creates a user and delegates a cgroup)"
[ -x "$RUNTIME_SRC" ] || preflight_fail "$RUNTIME_SRC is missing: run 'make -C native static' on the build host"
BB=$ROOTFS_SRC/bin/busybox
[ -x "$BB" ] || preflight_fail "$BB is missing: run 'make -C native static' on the build host"

# The cgroup2 mount, from mountinfo: never assume /sys/fs/cgroup.
CG2=$("$BB" awk '{ for (i = 7; i <= NF; i++) if ($i == "-") { if ($(i + 1) == "cgroup2") { print $5; exit } break } }' /proc/self/mountinfo)
[ -n "$CG2" ] || preflight_fail "no cgroup2 filesystem in /proc/self/mountinfo"
have=$(cat "$CG2/cgroup.controllers")
missing=
for c in memory pids cpu; do
  case " $have " in *" $c "*) ;; *) missing="$missing $c" ;; esac
done
if [ -n "$missing" ]; then
  msg="controller(s)$missing not available on the cgroup2 hierarchy at $CG2 (its cgroup.controllers has: ${have:-nothing}); a pure cgroup v2 host is needed"
  [ "$DRY" = 1 ] || preflight_fail "$msg"
  note "$msg; BOXCTL_DEV_DRY=1: going on, the limit checks will fail"
fi

# Rootless containers need unprivileged user namespaces; some distributions
# switch them off (Debian's old knob, Ubuntu 24.04's AppArmor restriction).
set_sysctl() {
  [ -w "$1" ] || return 0
  old=$(cat "$1")
  [ "$old" = "$2" ] && return 0
  echo "$2" > "$1" || preflight_fail "cannot set $1 to $2"
  RESTORE_SYSCTLS="$RESTORE_SYSCTLS $1=$old"
  note "set $1 to $2 for the run (was $old)"
}
set_sysctl /proc/sys/kernel/unprivileged_userns_clone 1
set_sysctl /proc/sys/kernel/apparmor_restrict_unprivileged_userns 0
[ "$(cat /proc/sys/user/max_user_namespaces 2>/dev/null || echo 1)" != 0 ] || preflight_fail "user.max_user_namespaces is 0"

# --- the user and its workspace -------------------------------------------------
if ! id -u "$DEV_USER" >/dev/null 2>&1; then
  if command -v useradd >/dev/null 2>&1; then
    useradd -m -s /bin/sh "$DEV_USER" || preflight_fail "useradd $DEV_USER"
  else
    # A minimal system without shadow's tools: the user needs no more than this.
    id -u 54321 >/dev/null 2>&1 && preflight_fail "no useradd, and uid 54321 is taken: set BOXCTL_DEV_USER"
    echo "$DEV_USER:x:54321:54321::/tmp:/bin/sh" >> /etc/passwd && echo "$DEV_USER:x:54321:" >> /etc/group \
      || preflight_fail "add $DEV_USER to /etc/passwd"
    note "no useradd: added $DEV_USER (uid 54321) to /etc/passwd and /etc/group"
  fi
fi
DEV_UID=$(id -u "$DEV_USER")
DEV_GID=$(id -g "$DEV_USER")

WORK=$(mktemp -d /tmp/boxctl-dev.XXXXXX) || preflight_fail "mktemp"
chmod 755 "$WORK"
cp -a "$ROOTFS_SRC" "$WORK/rootfs" && cp "$RUNTIME_SRC" "$WORK/boxctl-runtime" || preflight_fail "copy into $WORK"
chmod 755 "$WORK/boxctl-runtime"
chown -R "$DEV_UID:$DEV_GID" "$WORK"

# --- delegation, as systemd does it ------------------------------------------
CG=$CG2/$CG_NAME
if [ -d "$CG" ]; then
  note "removing $CG left by an earlier run"
  cleanup_cg=$CG
  [ -e "$cleanup_cg/cgroup.kill" ] && echo 1 > "$cleanup_cg/cgroup.kill"
  sleep 0.3
  "$BB" find "$cleanup_cg" -depth -type d -exec rmdir {} \; || preflight_fail "cannot remove the old $CG"
fi
ENABLE_ERR=
enable_at_root() {
  for c in memory pids cpu; do
    ENABLE_ERR=$( { echo "+$c" > "$CG2/cgroup.subtree_control"; } 2>&1 ) || return 1
  done
}
if ! enable_at_root && [ "$DRY" != 1 ]; then
  case "$ENABLE_ERR" in
    *busy*) ;;
    *) preflight_fail "cannot enable memory, pids and cpu in $CG2/cgroup.subtree_control: $ENABLE_ERR" ;;
  esac
  # A namespaced cgroup2 root (inside a container) that holds processes itself
  # cannot enable controllers for its children: move them to a leaf, as
  # systemd and container inits do.
  mkdir -p "$CG2/init.scope"
  for p in $(cat "$CG2/cgroup.procs"); do echo "$p" > "$CG2/init.scope/cgroup.procs" 2>/dev/null; done
  note "moved the processes of $CG2 into $CG2/init.scope to enable controllers there"
  enable_at_root || preflight_fail "cannot enable memory, pids and cpu in $CG2/cgroup.subtree_control (it has: $(cat "$CG2/cgroup.subtree_control"))"
fi
mkdir -p "$CG/runner" || preflight_fail "mkdir $CG/runner (is $CG2 writable?)"
chown -R "$DEV_UID:$DEV_GID" "$CG"

# --- the checks, as the user ---------------------------------------------------
cat > "$WORK/checks.sh" <<'CHECKS'
set -u
# Arguments: WORK CGREL CG UID GID
WORK=$1 CGREL=$2 CG=$3 UID_=$4 GID_=$5
BB=$WORK/rootfs/bin/busybox
RESULTS=$WORK/results

pass() { echo "PASS $*"; echo "PASS $*" >> "$RESULTS"; }
fail() { echo "FAIL $*"; echo "FAIL $*" >> "$RESULTS"; }

# bundle NAME CGROUPS_PATH RESOURCES_JSON ARGS_JSON
bundle() {
  mkdir -p "$WORK/$1/state"
  cat > "$WORK/$1/config.json" <<EOF
{
  "ociVersion": "1.0.2",
  "root": { "path": "$WORK/rootfs", "readonly": true },
  "process": { "args": $4, "cwd": "/", "env": ["PATH=/bin"] },
  "mounts": [
    { "destination": "/proc", "type": "proc", "source": "proc" },
    { "destination": "/dev", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "mode=755", "size=65536k"] },
    { "destination": "/tmp", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "nodev", "size=1m"] }
  ],
  "linux": {
    $([ -n "$2" ] && echo "\"cgroupsPath\": \"$2\", \"resources\": $3,")
    "namespaces": [{ "type": "user" }, { "type": "mount" }, { "type": "pid" }, { "type": "ipc" }, { "type": "uts" }, { "type": "cgroup" }],
    "uidMappings": [{ "containerID": 0, "hostID": $UID_, "size": 1 }],
    "gidMappings": [{ "containerID": 0, "hostID": $GID_, "size": 1 }]
  }
}
EOF
}

# run NAME: runs the bundle (30 s at most); sets RC and OUT (stdout+stderr).
run() {
  OUT=$("$BB" timeout -s KILL 30 "$WORK/boxctl-runtime" run --bundle "$WORK/$1" --state-dir "$WORK/$1/state" "$1" 2>&1)
  RC=$?
  [ -n "$OUT" ] && echo "$OUT" | "$BB" sed "s/^/    $1: /"
}

# expect_file NAME FILE VALUE
expect_file() {
  got=$(cat "$CG/$1/$2" 2>/dev/null || echo "(unreadable)")
  if [ "$got" = "$3" ]; then pass "$1: $2 is '$3'"; else fail "$1: $2 is '$got', expected '$3'"; fi
}

# event NAME FILE KEY: the counter KEY of a flat-keyed file such as memory.events
event() {
  "$BB" awk -v k="$3" '$1 == k { print $2 }' "$CG/$1/$2" 2>/dev/null
}

echo "== sanity: a container without a cgroup of its own"
bundle sanity "" "" '["/bin/echo", "hello"]'
run sanity
if [ "$RC" = 0 ] && [ "$OUT" = hello ]; then pass "sanity: the runtime runs a container here"; else fail "sanity: exit $RC (user namespaces or mounts refused?)"; fi

echo "== memory: 32M limit, no swap, a process that allocates 100M"
bundle mem "$CGREL/mem" '{ "memory": { "limit": 33554432, "swap": 33554432, "reservation": 16777216 } }' \
  '["/bin/dd", "if=/dev/zero", "of=/dev/null", "bs=100M", "count=1"]'
run mem
if [ "$RC" = 137 ]; then pass "mem: the allocation was killed (exit 137)"; else fail "mem: exit $RC, expected 137 (OOM kill)"; fi
expect_file mem memory.max 33554432
expect_file mem memory.low 16777216
if [ -e "$CG/mem/memory.swap.max" ]; then expect_file mem memory.swap.max 0; else echo "    (no memory.swap.max: swap accounting is off)"; fi
oom=$(event mem memory.events oom_kill)
if [ "${oom:-0}" -ge 1 ]; then pass "mem: memory.events oom_kill is $oom"; else fail "mem: memory.events oom_kill is '${oom:-}', expected >= 1"; fi

echo "== pids: limit 10, a shell that starts 30 background processes"
bundle pids "$CGREL/pids" '{ "pids": { "limit": 10 } }' \
  '["/bin/sh", "-c", "i=0; while [ $i -lt 30 ]; do sleep 5 & i=$((i+1)); done; echo started all 30"]'
run pids
expect_file pids pids.max 10
refused=$(event pids pids.events max)
if [ "${refused:-0}" -ge 1 ]; then pass "pids: $refused fork(s) refused (pids.events max)"; else fail "pids: pids.events max is '${refused:-}', expected >= 1"; fi
case "$OUT" in *"started all 30"*) fail "pids: all 30 processes started" ;; *) pass "pids: the shell could not start all 30 (exit $RC)" ;; esac

echo "== cpu: quota 50000 per 100000, shares 1024"
# The busy loop runs below a shell: pid 1 of a pid namespace ignores the SIGTERM of timeout.
bundle cpu "$CGREL/cpu" '{ "cpu": { "quota": 50000, "period": 100000, "shares": 1024 } }' \
  '["/bin/sh", "-c", "timeout 1 sh -c \"while :; do :; done\"; true"]'
run cpu
expect_file cpu cpu.max "50000 100000"
# runc's conversion: 1 + ((1024 - 2) * 9999) / 262142
expect_file cpu cpu.weight 39
throttled=$(event cpu cpu.stat nr_throttled)
if [ "${throttled:-0}" -ge 1 ]; then pass "cpu: a busy loop was throttled ($throttled periods)"; else fail "cpu: cpu.stat nr_throttled is '${throttled:-}', expected >= 1"; fi

echo "== no internal processes: a limit below the cgroup that holds this shell"
bundle busy "$CGREL/runner/ctr" '{ "pids": { "limit": 10 } }' '["/bin/true"]'
run busy
case "$OUT" in
  *"holds processes itself"*) [ "$RC" = 125 ] && pass "busy: refused, saying the cgroup holds processes" || fail "busy: exit $RC, expected 125" ;;
  *) fail "busy: exit $RC without the no-internal-processes message" ;;
esac
[ -d "$CG/runner/ctr" ] && fail "busy: the refused cgroup was left behind" || pass "busy: nothing left behind"

for d in mem pids cpu; do rmdir "$CG/$d" 2>/dev/null; done
true
CHECKS
chown "$DEV_UID:$DEV_GID" "$WORK/checks.sh"

CGREL=${CG#"$CG2"}
start=$(date +%s)
# Root moves the shell into the leaf first, then drops to the user (runuser,
# else setpriv, else busybox su).
if command -v runuser >/dev/null 2>&1; then
  DROP="runuser -u $DEV_USER --"
elif command -v setpriv >/dev/null 2>&1; then
  DROP="setpriv --reuid=$DEV_UID --regid=$DEV_GID --clear-groups"
else
  DROP="$BB su -s /bin/sh $DEV_USER -c"
fi
case "$DROP" in
  *" su "*) sh -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' sh "$CG/runner" \
    $DROP "sh $WORK/checks.sh $WORK $CGREL $CG $DEV_UID $DEV_GID" ;;
  *) sh -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' sh "$CG/runner" \
    $DROP env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp sh "$WORK/checks.sh" "$WORK" "$CGREL" "$CG" "$DEV_UID" "$DEV_GID" ;;
esac

passed=$(grep -c '^PASS' "$WORK/results" 2>/dev/null || true)
failed=$(grep -c '^FAIL' "$WORK/results" 2>/dev/null || true)
[ -s "$WORK/results" ] || { echo "FAIL the checks did not run as $DEV_USER"; failed=1; }
echo "SUMMARY: ${passed:-0} passed, ${failed:-0} failed in $(( $(date +%s) - start ))s"
[ "${failed:-0}" = 0 ]

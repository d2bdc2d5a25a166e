# Fresh Debian 12 roots for CI, sourced by .ci/run (needs root).
#
# A root is `debootstrap --variant=minbase bookworm` from the mirror this machine's own apt
# sources name, with /proc, /sys, /dev, /dev/pts and /dev/shm mounted. Only that bare base
# system is cached (a tarball under /var/cache); everything the project needs is installed
# inside the root by packaging/dev.sh, every run, so a missing install step fails CI.
#
#   freshroot_base              make or reuse the cached base tarball: sets FRESHROOT_TARBALL
#   freshroot_new NAME          a new root from that tarball: sets FRESHROOT_ROOT
# (globals, not output: a root made in a $(…) subshell would escape the cleanup trap)
#   freshroot_run ROOT CMD...   run CMD in ROOT (clean environment, as root, cwd /)
#   freshroot_destroy ROOT      stop its processes, unmount, delete (safe to call twice)
#   freshroot_destroy_all       every root made by this shell (for the trap)

FRESHROOT_CACHE=${FRESHROOT_CACHE:-/var/cache/sales-cockpit-ci}
FRESHROOT_MAX_AGE_DAYS=${FRESHROOT_MAX_AGE_DAYS:-14}
FRESHROOT_TMP=${FRESHROOT_TMP:-/var/tmp}
FRESHROOT_SUITE=bookworm
FRESHROOT_ROOTS=()

# The Debian mirror the host's apt sources name (deb822 .sources or one-line sources.list),
# and its security archive; deb.debian.org when none is named.
freshroot_mirror() {
    local uri
    uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null \
          | awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' | grep -v -- '-security' | grep -m1 '/debian/\?$' || true)
    [ -n "$uri" ] || uri=$(grep -hE '^deb\s' /etc/apt/sources.list 2>/dev/null \
          | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) { print $i; exit } }' | grep -v -- '-security' | head -n1 || true)
    echo "${uri:-http://deb.debian.org/debian}"
}

freshroot_security_mirror() {
    local uri
    uri=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | grep -E '^(URIs:|deb\s)' \
          | grep -oE '(https?|file)://[^ ]*debian-security/?' | head -n1 || true)
    echo "${uri:-http://deb.debian.org/debian-security}"
}

freshroot_base() {
    local mirror tarball
    mirror=$(freshroot_mirror)
    mkdir -p "$FRESHROOT_CACHE"
    tarball="$FRESHROOT_CACHE/$FRESHROOT_SUITE-minbase-$(echo "$mirror" | sha256sum | cut -c1-12).tar"
    FRESHROOT_TARBALL=$tarball
    if [ -f "$tarball" ] && [ -z "$(find "$tarball" -mtime +"$FRESHROOT_MAX_AGE_DAYS" -print)" ]; then
        return
    fi
    local dir
    dir=$(mktemp -d "$FRESHROOT_TMP/cockpit-base.XXXXXX")
    FRESHROOT_ROOTS+=("$dir")
    chmod 755 "$dir"
    echo "debootstrap --variant=minbase $FRESHROOT_SUITE from $mirror" >&2
    debootstrap --variant=minbase "$FRESHROOT_SUITE" "$dir" "$mirror" >"$dir.log" 2>&1 \
        || { tail -n 30 "$dir.log" >&2; rm -f "$dir.log"; return 1; }
    rm -f "$dir.log"
    rm -rf "$dir"/var/cache/apt/archives/*.deb
    tar -C "$dir" --numeric-owner -cf "$tarball.partial" .
    mv "$tarball.partial" "$tarball"
    freshroot_destroy "$dir"
}

freshroot_mount() {
    local root=$1
    mount -t proc proc "$root/proc"
    mount -t sysfs sysfs "$root/sys"
    mount --bind /dev "$root/dev"
    mount --bind /dev/pts "$root/dev/pts"
    mkdir -p "$root/dev/shm"
    mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
}

freshroot_new() {
    local name=$1 root
    root=$(mktemp -d "$FRESHROOT_TMP/cockpit-$name.XXXXXX")
    FRESHROOT_ROOTS+=("$root")
    chmod 755 "$root" # mktemp makes it 0700; apt's _apt user must reach /var/cache/apt
    tar -C "$root" --numeric-owner -xf "$FRESHROOT_TARBALL"
    local mirror security
    mirror=$(freshroot_mirror)
    security=$(freshroot_security_mirror)
    # What a fresh Debian 12 installation has: the release, its updates and security.
    cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $FRESHROOT_SUITE main
deb $mirror $FRESHROOT_SUITE-updates main
deb $security $FRESHROOT_SUITE-security main
EOF
    cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    # Packages must not start services inside the root.
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 755 "$root/usr/sbin/policy-rc.d"
    freshroot_mount "$root"
    FRESHROOT_ROOT=$root
}

freshroot_run() {
    local root=$1
    shift
    # In the background and waited for: bash runs a trap only between commands, so a signal
    # during a 10-minute build would otherwise wait for the build. `wait` returns at once.
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@" &
    wait $!
}

# Processes whose root directory is inside $1.
freshroot_pids() {
    local root p r
    root=$(readlink -f "$1")
    for p in /proc/[0-9]*; do
        r=$(readlink "$p/root" 2>/dev/null) || continue
        case "$r" in "$root" | "$root"/*) echo "${p#/proc/}" ;; esac
    done
}

freshroot_destroy() {
    local root=$1 pids m i
    [ -n "$root" ] && [ -d "$root" ] || return 0
    root=$(readlink -f "$root")
    case "$root" in "$FRESHROOT_TMP"/cockpit-*) ;; *) echo "freshroot: refusing to delete $root" >&2; return 1 ;; esac
    for i in 1 2 3; do
        pids=$(freshroot_pids "$root")
        [ -n "$pids" ] || break
        # shellcheck disable=SC2086
        kill -TERM $pids 2>/dev/null || true
        sleep 1
        pids=$(freshroot_pids "$root")
        # shellcheck disable=SC2086
        [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
    done
    # Unmount deepest first; lazily if something still holds a mount.
    for i in 1 2 3; do
        m=$(findmnt -rn -o TARGET | grep -E "^$root(/|$)" | sort -r || true)
        [ -n "$m" ] || break
        while read -r t; do
            umount "$t" 2>/dev/null || umount -l "$t" 2>/dev/null || true
        done <<<"$m"
    done
    if findmnt -rn -o TARGET | grep -qE "^$root(/|$)"; then
        echo "freshroot: $root still has mounts; left in place so nothing of the host is deleted" >&2
        return 1
    fi
    rm -rf --one-file-system "$root"
}

freshroot_destroy_all() {
    local r
    for r in "${FRESHROOT_ROOTS[@]}"; do
        freshroot_destroy "$r" || true
    done
}

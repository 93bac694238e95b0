#!/usr/bin/env bash
# Builds the benchmark images with umoci and pushes them with skopeo to the test
# registry (test/host/setup.sh must have run): bench/big, about 150 MB in five layers of
# incompressible data, and bench/smallfiles, one layer of 50,000 small files. Run as
# root, once; a second run finds them in the registry and does nothing.
set -Eeuo pipefail
REGISTRY=127.0.0.1:5000
WORK=/var/lib/boxctl-test/bench
copy=(skopeo --insecure-policy copy --quiet --dest-tls-verify=false)

present() {
    curl -sf -H 'Accept: application/vnd.oci.image.manifest.v1+json' "http://$REGISTRY/v2/bench/$1/manifests/latest" >/dev/null
}

new_image() { # TAG
    umoci new --image "$WORK/oci:$1"
    umoci config --image "$WORK/oci:$1" --architecture amd64 --os linux --config.cmd /bin/sh
}

add_layer() { # TAG FILL-COMMAND
    local bundle=$WORK/bundle-$1
    rm -rf "$bundle"
    umoci unpack --image "$WORK/oci:$1" "$bundle"
    (cd "$bundle/rootfs" && eval "$2")
    umoci repack --image "$WORK/oci:$1" "$bundle"
    rm -rf "$bundle"
}

mkdir -p "$WORK"
[ -d "$WORK/oci" ] || umoci init --layout "$WORK/oci"

if ! present big; then
    new_image big
    for i in 1 2 3 4 5; do
        add_layer big "mkdir -p data && head -c 30000000 /dev/urandom > data/blob-$i"
    done
    "${copy[@]}" "oci:$WORK/oci:big" "docker://$REGISTRY/bench/big:latest"
fi

if ! present smallfiles; then
    new_image smallfiles
    add_layer smallfiles 'for d in $(seq 0 99); do mkdir -p files/$d; for f in $(seq 0 499); do echo "file $d/$f" > files/$d/$f; done; done'
    "${copy[@]}" "oci:$WORK/oci:smallfiles" "docker://$REGISTRY/bench/smallfiles:latest"
fi
echo "bench images in $REGISTRY: bench/big:latest bench/smallfiles:latest"

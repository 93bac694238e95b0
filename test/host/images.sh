# shellcheck shell=bash
# Test images for boxctl. They are built with umoci and pushed with skopeo so
# that they never depend on boxctl's own (tested) image handling.
# Sourced by setup.sh, which provides REGISTRY, STATE_DIR, step and die.

readonly IMAGES_DIR=$STATE_DIR/images
readonly LAYOUT=$IMAGES_DIR/oci
readonly OCI_MANIFEST=application/vnd.oci.image.manifest.v1+json
readonly OCI_INDEX=application/vnd.oci.image.index.v1+json
readonly DOCKER_MANIFEST=application/vnd.docker.distribution.manifest.v2+json
readonly IMAGE_PATH_ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
readonly BUSYBOX_APPLETS=(sh ls cat echo id sleep true false env hostname mount ps
    wget nc httpd grep head tail touch mkdir rm stat readlink find chown chmod sed
    kill wc tr date uname printf test '[' seq yes sync)
# Longer than the 100-byte name field of a plain ustar header.
LONG_NAME="$(printf 'long-name-%02d-' {1..9})end.txt"
readonly LONG_NAME

# Prints the manifest (or index) tagged latest in REPO, if the registry has it.
registry_manifest() { # REPO MEDIA_TYPE
    curl -sf -H "Accept: $2" "http://$REGISTRY/v2/$1/manifests/latest"
}

ensure_test_images() {
    step "images: check registry"
    if registry_manifest boxctl/busybox "$OCI_MANIFEST" >/dev/null &&
        registry_manifest boxctl/layers "$OCI_MANIFEST" >/dev/null &&
        registry_manifest boxctl/multi "$OCI_INDEX" >/dev/null; then
        echo "test images already in the registry"
    else
        # All images are rebuilt together: multi and layers reuse the busybox
        # manifest and layer, so their digests must come from the same build.
        build_test_images
        push_test_images
    fi
    verify_test_images
    ensure_variant_images
}

build_test_images() {
    step "images: build OCI layout in $LAYOUT"
    [[ $(dpkg --print-architecture) == amd64 ]] ||
        die "the busybox image is declared amd64, so it must be built on an amd64 host"
    rm -rf "$IMAGES_DIR"
    mkdir -p "$IMAGES_DIR"
    umoci init --layout "$LAYOUT"
    build_busybox_image busybox amd64
    build_busybox_image busybox-arm64 arm64
    build_layers_image
    build_multi_index
}

build_busybox_image() { # TAG ARCH
    local tag=$1 arch=$2
    local bundle=$IMAGES_DIR/bundle-$tag
    umoci new --image "$LAYOUT:$tag"
    umoci config --image "$LAYOUT:$tag" --no-history --os linux --architecture "$arch" \
        --config.cmd /bin/sh --config.env "$IMAGE_PATH_ENV"
    umoci unpack --image "$LAYOUT:$tag" "$bundle" >/dev/null
    populate_busybox_rootfs "$bundle/rootfs" "$arch"
    umoci repack --image "$LAYOUT:$tag" --history.created_by "boxctl test: busybox rootfs ($arch)" "$bundle"
}

populate_busybox_rootfs() { # ROOTFS ARCH
    local root=$1 arch=$2 applet
    install -d -m 0755 "$root"/{bin,etc,proc,sys,dev,home,var}
    install -d -m 1777 "$root/tmp"
    install -d -m 0700 "$root/root"
    install -d -m 0755 -o 1000 -g 1000 "$root/home/app"
    # The arm64 variant carries the amd64 binary too: it only has to be told
    # apart from the amd64 one by platform selection, never run.
    install -m 0755 /bin/busybox "$root/bin/busybox"
    for applet in "${BUSYBOX_APPLETS[@]}"; do
        ln -s busybox "$root/bin/$applet"
    done
    cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
app:x:1000:1000:app:/home/app:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
    cat >"$root/etc/group" <<'EOF'
root:x:0:
app:x:1000:
nobody:x:65534:
EOF
    echo "$arch" >"$root/etc/arch"
}

# busybox plus two layers exercising the tar features an unpacker must get
# right: ownership, setuid, hard/soft links, long names, whiteouts.
build_layers_image() {
    local bundle=$IMAGES_DIR/bundle-layers
    umoci unpack --image "$LAYOUT:busybox" "$bundle" >/dev/null
    local data=$bundle/rootfs/data
    install -d -m 0755 "$data" "$data/dir-opaque" "$data/long"
    echo keep >"$data/keep.txt"
    echo gone >"$data/gone.txt"
    echo a >"$data/dir-opaque/a.txt"
    echo b >"$data/dir-opaque/b.txt"
    echo 1000 >"$data/owned-1000"
    chown 1000:1000 "$data/owned-1000"
    echo 1234 >"$data/owned-1234"
    chown 1234:5678 "$data/owned-1234"
    printf '#!/bin/sh\nid\n' >"$data/suid"
    chmod 4755 "$data/suid"
    ln "$data/keep.txt" "$data/hardlink"
    ln -s keep.txt "$data/link"
    ln -s /data/keep.txt "$data/abs-link"
    echo long >"$data/long/$LONG_NAME"
    umoci repack --image "$LAYOUT:layers" --history.created_by "boxctl test: /data" "$bundle"

    # Layer 3 is written with GNU tar because umoci 0.4.7 cannot produce an
    # opaque directory in a usable layer: repack diffs file by file (a replaced
    # directory becomes .wh.a.txt + .wh.b.txt), and insert --opaque emits the
    # marker but leaves the tar without its end blocks (umoci issue #436).
    local stage=$IMAGES_DIR/layer3
    install -d -m 0755 "$stage/data/dir-opaque"
    : >"$stage/data/.wh.gone.txt"
    : >"$stage/data/dir-opaque/.wh..wh..opq"
    echo c >"$stage/data/dir-opaque/c.txt"
    tar -C "$stage" --numeric-owner --owner=0 --group=0 --sort=name -cf "$IMAGES_DIR/layer3.tar" data
    umoci raw add-layer --image "$LAYOUT:layers" \
        --history.created_by "boxctl test: whiteout /data/gone.txt, opaque /data/dir-opaque" \
        "$IMAGES_DIR/layer3.tar"
}

# umoci cannot create image indexes, so the index blob and its index.json
# entry are written by hand.
build_multi_index() {
    local index blob digest
    index=$(jq -cn --arg mt "$OCI_INDEX" \
        --argjson amd64 "$(layout_descriptor busybox)" \
        --argjson arm64 "$(layout_descriptor busybox-arm64)" \
        '{schemaVersion: 2, mediaType: $mt, manifests: [
            $amd64 + {platform: {architecture: "amd64", os: "linux"}},
            $arm64 + {platform: {architecture: "arm64", os: "linux"}}]}')
    blob=$IMAGES_DIR/index.json.blob
    printf '%s' "$index" >"$blob"
    digest=sha256:$(sha256sum "$blob" | cut -d' ' -f1)
    jq --arg mt "$OCI_INDEX" --arg digest "$digest" --argjson size "$(stat -c %s "$blob")" \
        '.manifests += [{mediaType: $mt, digest: $digest, size: $size,
            annotations: {"org.opencontainers.image.ref.name": "multi"}}]' \
        "$LAYOUT/index.json" >"$LAYOUT/index.json.new"
    mv "$blob" "$LAYOUT/blobs/sha256/${digest#sha256:}"
    mv "$LAYOUT/index.json.new" "$LAYOUT/index.json"
}

# The layout's descriptor for TAG, without the tag annotation.
layout_descriptor() { # TAG
    jq -ce --arg tag "$1" '.manifests[]
        | select(.annotations["org.opencontainers.image.ref.name"] == $tag)
        | del(.annotations)' "$LAYOUT/index.json"
}

push_test_images() {
    step "images: push to $REGISTRY"
    # --insecure-policy: independent of the host's /etc/containers/policy.json.
    # --preserve-digests: fail rather than let skopeo rewrite a manifest.
    local copy=(skopeo --insecure-policy copy --quiet --preserve-digests --dest-tls-verify=false)
    "${copy[@]}" "oci:$LAYOUT:busybox" "docker://$REGISTRY/boxctl/busybox:latest"
    "${copy[@]}" "oci:$LAYOUT:layers" "docker://$REGISTRY/boxctl/layers:latest"
    "${copy[@]}" --all "oci:$LAYOUT:multi" "docker://$REGISTRY/boxctl/multi:latest"
}

verify_test_images() {
    step "images: verify registry content"
    registry_manifest boxctl/busybox "$OCI_MANIFEST" | jq -e '.layers | length == 1' >/dev/null ||
        die "boxctl/busybox:latest is not a single-layer OCI image"
    registry_manifest boxctl/layers "$OCI_MANIFEST" | jq -e '.layers | length == 3' >/dev/null ||
        die "boxctl/layers:latest is not a three-layer OCI image"
    registry_manifest boxctl/multi "$OCI_INDEX" | jq -e --arg mt "$OCI_INDEX" '.mediaType == $mt and
        ([.manifests[].platform | "\(.os)/\(.architecture)"] | sort) == ["linux/amd64", "linux/arm64"]' >/dev/null ||
        die "boxctl/multi:latest is not an OCI index for linux/amd64 and linux/arm64"
}

# The same three layers recompressed with zstd, and as a Docker schema 2 manifest:
# skopeo rewrites them from the registry's copy, so their diff ids match boxctl/layers.
# A registry-to-registry copy would reuse the gzip blobs, hence the OCI layout between.
has_zstd_layers() {
    registry_manifest boxctl/layers-zstd "$OCI_MANIFEST" 2>/dev/null |
        jq -e '[.layers[].mediaType] | all(. == "application/vnd.oci.image.layer.v1.tar+zstd")' >/dev/null
}

has_docker_format() {
    registry_manifest boxctl/layers-docker "$DOCKER_MANIFEST" 2>/dev/null |
        jq -e --arg mt "$DOCKER_MANIFEST" '.mediaType == $mt' >/dev/null
}

ensure_variant_images() {
    step "images: zstd and Docker-format variants"
    local copy=(skopeo --insecure-policy copy --quiet --src-tls-verify=false --dest-tls-verify=false)
    if ! has_zstd_layers; then
        rm -rf "$IMAGES_DIR/zstd"
        "${copy[@]}" --dest-compress-format zstd "docker://$REGISTRY/boxctl/layers:latest" "oci:$IMAGES_DIR/zstd:layers"
        "${copy[@]}" --preserve-digests "oci:$IMAGES_DIR/zstd:layers" "docker://$REGISTRY/boxctl/layers-zstd:latest"
    fi
    if ! has_docker_format; then
        "${copy[@]}" --format v2s2 "docker://$REGISTRY/boxctl/layers:latest" "docker://$REGISTRY/boxctl/layers-docker:latest"
    fi
    has_zstd_layers || die "boxctl/layers-zstd:latest does not have zstd layers"
    has_docker_format || die "boxctl/layers-docker:latest is not a Docker schema 2 image"
}

# Prints "REF DIGEST" for every test image, for the summary.
list_test_images() {
    print_image_digest boxctl/busybox "$OCI_MANIFEST"
    print_image_digest boxctl/layers "$OCI_MANIFEST"
    print_image_digest boxctl/multi "$OCI_INDEX"
    print_image_digest boxctl/layers-zstd "$OCI_MANIFEST"
    print_image_digest boxctl/layers-docker "$DOCKER_MANIFEST"
}

print_image_digest() { # REPO MEDIA_TYPE
    echo "$REGISTRY/$1:latest sha256:$(registry_manifest "$1" "$2" | sha256sum | cut -d' ' -f1)"
}

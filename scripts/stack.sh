#!/usr/bin/env bash
# Installs and starts the local build stack the e2e tests and the bench run against:
# dockerd (containerd image store) + buildx, QEMU binfmt emulators, a registry on
# 127.0.0.1:5000 and a two-arch busybox base image in it; and for the runner stack (what
# GitHub's hosted runners build with): the moby/buildkit image a docker-container builder
# starts from, buildx release files served on loopback, and Node 24. Idempotent; needs root.
set -euo pipefail

REGISTRY_PORT=${REGISTRY_PORT:-5000}
BASE_IMAGE=${BASE_IMAGE:-localhost:${REGISTRY_PORT}/test/base:latest}
STATE_DIR=${STACK_DIR:-/var/lib/ci-base-stack}
# Upstream artifacts kept next to the checkout for machines that cannot download them.
ARTIFACTS=${STACK_ARTIFACTS:-$(cd "$(dirname "$0")/../.." && pwd)/shared/stack}
BUILDKIT_IMAGE=moby/buildkit:buildx-stable-1
BUILDX_VERSION=${BUILDX_VERSION:-v0.30.0}
RELEASES_PORT=${RELEASES_PORT:-5080}
log() { printf '[stack] %s\n' "$*"; }

need_root() { [ "$(id -u)" = 0 ] || { echo "stack.sh must run as root" >&2; exit 1; }; }

# Docker from the next Debian release: the current one's engine predates the multi-platform
# image store. The source is derived from this machine's own apt config, pinned low so that
# nothing else is taken from it.
add_next_release_source() {
  local src=/etc/apt/sources.list.d/debian.sources
  [ -f /etc/apt/sources.list.d/trixie.sources ] && return
  [ -f "$src" ] || { echo "no $src to derive the trixie source from" >&2; exit 1; }
  awk 'BEGIN{RS="";ORS="\n\n"} /Suites:[^\n]*bookworm/ && !/security/' "$src" \
    | sed -E 's/^Suites:.*/Suites: trixie/' > /etc/apt/sources.list.d/trixie.sources
  printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > /etc/apt/preferences.d/trixie-low
}

# Each command the stack uses, and the package that brings it. Every one is checked on its own:
# a machine may have some of them (docker, say) and not others (busybox).
ENGINE_PACKAGES="docker.io docker-buildx docker-cli"
need_command() { # command package
  command -v "$1" >/dev/null 2>&1 || MISSING="$MISSING $2"
}
install_packages() {
  MISSING=""
  need_command dockerd docker.io
  need_command docker docker-cli
  docker buildx version >/dev/null 2>&1 || MISSING="$MISSING docker-buildx"
  need_command qemu-aarch64-static qemu-user-static
  need_command docker-registry docker-registry
  need_command busybox busybox-static
  need_command curl curl
  need_command dpkg-deb dpkg
  need_command apt-get apt
  # An engine-stack test that needs an empty builder starts an engine of its own on a bridge of its own.
  need_command ip iproute2
  [ -z "$MISSING" ] && return
  log "installing:$MISSING"
  export DEBIAN_FRONTEND=noninteractive
  local pkg engine="" others=""
  for pkg in $MISSING; do
    case " $ENGINE_PACKAGES " in *" $pkg "*) engine=yes ;; *) others="$others $pkg" ;; esac
  done
  if [ -n "$engine" ]; then add_next_release_source; fi
  apt-get update -qq
  # The engine's packages go together, each named with its release so that nothing else moves
  # to trixie; the rest come from this machine's own release.
  if [ -n "$engine" ]; then
    # shellcheck disable=SC2046
    apt-get install -y -qq $(printf '%s/trixie ' $ENGINE_PACKAGES) >/dev/null
  fi
  # shellcheck disable=SC2086
  [ -z "$others" ] || apt-get install -y -qq $others >/dev/null
  # Where the package starts its own registry service (a host with systemd), it is stopped: the
  # stack's registry listens on loopback only, with deletes allowed.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker-registry 2>/dev/null; then
    systemctl disable --now docker-registry >/dev/null 2>&1
  fi
}

# dockerd 26 gives its BuildKit 10 s to start and exits with "context deadline exceeded" when a
# busy machine takes longer (moby/moby#48569, fixed in 27): a fresh CI machine did, right after
# installing the engine. So a dockerd that exits while starting is started again, twice at most.
start_dockerd() {
  if docker info >/dev/null 2>&1; then return; fi
  mkdir -p /etc/docker
  echo '{"features":{"containerd-snapshotter":true}}' > /etc/docker/daemon.json
  mkdir -p "$STATE_DIR"
  : >"$STATE_DIR/dockerd.log"
  local attempt pid
  for attempt in 1 2 3; do
    log "starting dockerd"
    nohup dockerd >>"$STATE_DIR/dockerd.log" 2>&1 &
    pid=$!
    for _ in $(seq 60); do
      docker info >/dev/null 2>&1 && return
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    log "dockerd did not start (try $attempt of 3): $(tail -n 1 "$STATE_DIR/dockerd.log")"
  done
  tail -n 30 "$STATE_DIR/dockerd.log" >&2; exit 1
}

register_qemu() {
  local bm=/proc/sys/fs/binfmt_misc
  [ -e "$bm/register" ] || mount -t binfmt_misc binfmt_misc "$bm"
  for arch in aarch64 arm; do
    local conf=/usr/lib/binfmt.d/qemu-$arch.conf
    [ -e "$bm/qemu-$arch" ] && continue
    [ -f "$conf" ] && cat "$conf" > "$bm/register"
  done
}

start_registry() {
  if curl -fsS "http://127.0.0.1:${REGISTRY_PORT}/v2/" >/dev/null 2>&1; then return; fi
  mkdir -p "$STATE_DIR/registry"
  cat > "$STATE_DIR/registry.yml" <<YML
version: 0.1
log: { level: warn }
storage:
  filesystem: { rootdirectory: $STATE_DIR/registry }
  delete: { enabled: true }
http:
  addr: 127.0.0.1:${REGISTRY_PORT}
YML
  log "starting registry on 127.0.0.1:${REGISTRY_PORT}"
  nohup docker-registry serve "$STATE_DIR/registry.yml" >"$STATE_DIR/registry.log" 2>&1 &
  for _ in $(seq 30); do curl -fsS "http://127.0.0.1:${REGISTRY_PORT}/v2/" >/dev/null 2>&1 && return; sleep 0.5; done
  tail -n 30 "$STATE_DIR/registry.log" >&2; exit 1
}

# The test images are made of Debian bookworm's .debs for amd64 and arm64, downloaded (never
# installed). On bookworm itself, with this machine's apt (arm64 added as a foreign architecture);
# on any other host (GitHub's Ubuntu runners, whose archive has no arm64 and other package
# names), in a debian:bookworm container with its own sources.
on_bookworm() ( . /etc/os-release && [ "$ID" = debian ] && [ "${VERSION_CODENAME:-}" = bookworm ] )
download_debs() { # dir package...
  local dir=$1
  shift
  if on_bookworm; then
    dpkg --print-foreign-architectures | grep -qx arm64 || { dpkg --add-architecture arm64; apt-get update -qq; }
    (cd "$dir" && apt-get download -qq "$@")
  else
    docker run --rm -v "$dir:/out" -w /out debian:bookworm sh -c \
      'dpkg --add-architecture arm64 && apt-get update -qq && apt-get download -qq "$@"' sh "$@"
  fi
}

# A FROM-scratch busybox for amd64 and arm64, pushed as one index: the tests' stand-in for
# images they cannot pull, with root in /etc/passwd and Alpine-style addgroup/adduser (Debian's
# busybox lacks them). Its layers differ per platform: BuildKit loses cache records of layers
# whose blob is identical across platforms (moby/buildkit#2279). STACK_REBUILD_BASE=1 rebuilds it.
build_base_image() {
  if [ -z "${STACK_REBUILD_BASE:-}" ] && docker buildx imagetools inspect "$BASE_IMAGE" >/dev/null 2>&1; then return; fi
  local dir="$STATE_DIR/base"
  rm -rf "$dir"; mkdir -p "$dir"
  for arch in amd64 arm64; do
    download_debs "$dir" "busybox-static:$arch"
    mkdir -p "$dir/$arch"
    dpkg-deb -x "$dir"/busybox-static_*_"$arch".deb "$dir/$arch/root"
    cp "$dir/$arch/root/bin/busybox" "$dir/busybox-$arch"
  done
  cat > "$dir/addgroup" <<'SH'
#!/bin/sh
# addgroup -g GID [-S] NAME
while getopts g:S opt; do case $opt in g) gid=$OPTARG;; esac; done
shift $((OPTIND - 1))
echo "$1:x:${gid:-1000}:" >> /etc/group
SH
  cat > "$dir/adduser" <<'SH'
#!/bin/sh
# adduser [-S] [-D] -u UID -G GROUP [-h HOME] [-s SHELL] NAME
while getopts SDu:G:h:s: opt; do
  case $opt in u) uid=$OPTARG;; G) group=$OPTARG;; h) home=$OPTARG;; s) shell=$OPTARG;; esac
done
shift $((OPTIND - 1))
gid=$(grep "^${group:-$1}:" /etc/group | cut -d: -f3)
home=${home:-/home/$1}
echo "$1:x:${uid:-1000}:${gid:-$uid}:$1:$home:${shell:-/bin/sh}" >> /etc/passwd
mkdir -p "$home" && chown "${uid:-1000}:${gid:-$uid}" "$home"
SH
  cat > "$dir/Dockerfile" <<'DF'
FROM scratch
ARG TARGETARCH
COPY busybox-${TARGETARCH} /bin/busybox
RUN --mount=type=bind,target=/ctx ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && mkdir -p /etc /tmp /root && echo root:x:0:0:root:/root:/bin/sh > /etc/passwd && echo root:x:0: > /etc/group && cp /ctx/addgroup /ctx/adduser /bin/ && chmod 755 /bin/addgroup /bin/adduser && uname -m > /etc/arch"]
ENV PATH=/usr/local/bin:/usr/bin:/bin
CMD ["/bin/sh"]
DF
  log "building $BASE_IMAGE"
  docker buildx build --provenance=false --platform linux/amd64,linux/arm64 --output "type=image,name=$BASE_IMAGE,push=true" "$dir"
}

# The realistic fixture's packages (__tests__/fixtures/realistic): Debian's compilers, LLVM,
# Node.js, Python, Perl, git and Boost headers for amd64 and arm64, unpacked with dpkg-deb (no
# emulated apt-get), and architecture-independent packages that are the same bytes on both.
# About 250 MB compressed and 20,000 files per platform, as a CI base image is.
PACKAGES_IMAGE=${PACKAGES_IMAGE:-localhost:${REGISTRY_PORT}/test/packages:bookworm}
ARCH_PACKAGES="gcc-12 cpp-12 g++-12 libstdc++-12-dev libgcc-12-dev libllvm15 libllvm14 libclang-cpp14 libnode108
  libicu72 git libperl5.36 perl-base python3.11-minimal libpython3.11-minimal libpython3.11-stdlib libc6-dev
  linux-libc-dev libgl1-mesa-dri libz3-4 libgtk-3-0 libboost1.81-dev"
ALL_PACKAGES="perl-modules-5.36 git-man python3-pip python3-setuptools node-typescript nodejs-doc"
build_packages_image() {
  if [ -z "${STACK_REBUILD_PACKAGES:-}" ] && docker buildx imagetools inspect "$PACKAGES_IMAGE" >/dev/null 2>&1; then return; fi
  local dir="$STATE_DIR/packages" arch pkg deb
  rm -rf "$dir"; mkdir -p "$dir"
  log "downloading and unpacking the packages of $PACKAGES_IMAGE"
  for arch in amd64 arm64 all; do
    mkdir -p "$dir/deb/$arch" "$dir/context/$arch"
    if [ "$arch" = all ]; then
      # shellcheck disable=SC2086
      download_debs "$dir/deb/$arch" $ALL_PACKAGES
    else
      # shellcheck disable=SC2046
      download_debs "$dir/deb/$arch" $(printf "%s:$arch " $ARCH_PACKAGES)
    fi
    for deb in "$dir/deb/$arch"/*.deb; do dpkg-deb -x "$deb" "$dir/context/$arch"; done
  done
  cat > "$dir/context/Dockerfile" <<'DF'
FROM scratch
ARG TARGETARCH
COPY ${TARGETARCH}/ /arch/
COPY all/ /all/
DF
  log "building $PACKAGES_IMAGE"
  # No attestation: the engine's own push of a multi-platform build can leave it at the tag.
  docker buildx build --quiet --provenance=false --platform linux/amd64,linux/arm64 \
    --output "type=image,name=$PACKAGES_IMAGE,push=true" "$dir/context" >/dev/null
  rm -rf "$dir"
}

# The image `buildx create --driver docker-container` starts, as a runner would pull it.
load_buildkit_image() {
  docker image inspect "$BUILDKIT_IMAGE" >/dev/null 2>&1 && return
  if [ -f "$ARTIFACTS/buildkit-v0.26.0.tar.gz" ]; then
    log "loading $BUILDKIT_IMAGE from $ARTIFACTS"
    docker load -q -i "$ARTIFACTS/buildkit-v0.26.0.tar.gz" >/dev/null
  else
    docker pull -q "$BUILDKIT_IMAGE" >/dev/null
  fi
}

# buildx release files laid out as on GitHub (<version>/<asset>, checksums.txt), served on
# loopback: the action installs buildx from there through the tool cache (buildx-download-url).
serve_buildx_releases() {
  local dir="$STATE_DIR/buildx-releases" asset="buildx-$BUILDX_VERSION.linux-amd64"
  if [ ! -f "$dir/$BUILDX_VERSION/$asset" ]; then
    mkdir -p "$dir/$BUILDX_VERSION"
    if [ -f "$ARTIFACTS/buildx/$BUILDX_VERSION/$asset" ]; then
      cp "$ARTIFACTS/buildx/$BUILDX_VERSION/"* "$dir/$BUILDX_VERSION/"
    else
      local url=https://github.com/docker/buildx/releases/download/$BUILDX_VERSION
      curl -fsSL -o "$dir/$BUILDX_VERSION/$asset" "$url/$asset"
      curl -fsSL -o "$dir/$BUILDX_VERSION/checksums.txt" "$url/checksums.txt"
    fi
  fi
  curl -fsS -o /dev/null "http://127.0.0.1:$RELEASES_PORT/$BUILDX_VERSION/checksums.txt" 2>/dev/null && return
  log "serving buildx releases on 127.0.0.1:$RELEASES_PORT"
  busybox httpd -p "127.0.0.1:$RELEASES_PORT" -h "$dir"
  for _ in $(seq 20); do curl -fsS -o /dev/null "http://127.0.0.1:$RELEASES_PORT/$BUILDX_VERSION/checksums.txt" && return; sleep 0.25; done
  echo "the buildx release server did not start" >&2; exit 1
}

# The action's runtime (action.yml: node24): the e2e tests run dist/ with it.
install_node24() {
  [ -x "$STATE_DIR/node24/node_modules/.bin/node" ] && return
  log "installing Node 24 from npm"
  npm install --silent --no-audit --no-fund --prefix "$STATE_DIR/node24" node@24 >/dev/null
}

need_root
install_packages
start_dockerd
register_qemu
start_registry
build_base_image
build_packages_image
load_buildkit_image
serve_buildx_releases
install_node24
log "ready: docker $(docker version -f '{{.Server.Version}}'), $(docker buildx version), base $BASE_IMAGE, $BUILDKIT_IMAGE, buildx $BUILDX_VERSION on :$RELEASES_PORT, node $("$STATE_DIR/node24/node_modules/.bin/node" --version)"

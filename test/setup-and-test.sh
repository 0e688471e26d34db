#!/usr/bin/env bash
# The README's test command: makes a fresh machine ready and runs every test.
#  1. installs Debian's docker.io (dockerd), busybox-static, dash (the command log's script is
#     run under it), tmux (the clipboard test asks a private tmux server for its settings),
#     docker-registry (the private registries of test/support/registry.ts),
#     openssh-server (the sshd of test/support/sshd.ts,
#     for the ssh:// tests), podman (the podman tests' private `podman system service`), and
#     iproute2, iptables and util-linux (the network namespaces, bridge and nsenter of the swarm
#     and podman tests: test/support/netns.ts) when they are missing,
#  2. installs the pinned npm dependencies (npm ci), builds dist/ and runs the lint (ESLint
#     with the layering rules of eslint.config.js, and knip: no unused files, exports or
#     dependencies),
#  3. runs `npm test`, whose global set-up starts a private dockerd (its own data root and
#     socket under /tmp, --bridge=none), imports the busybox fixture image and stops the
#     daemon afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
command -v dash >/dev/null 2>&1 || need+=(dash)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
[ -x /usr/bin/docker-registry ] || need+=(docker-registry)
{ [ -x /usr/sbin/sshd ] || command -v sshd >/dev/null 2>&1; } || need+=(openssh-server)
command -v ssh >/dev/null 2>&1 || need+=(openssh-client)
command -v podman >/dev/null 2>&1 || need+=(podman)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v iptables >/dev/null 2>&1 || need+=(iptables)
command -v nsenter >/dev/null 2>&1 || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
	echo "setup: installing ${need[*]}"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
npm run build
npm run lint
npm test

#!/usr/bin/env bash
# Installs msoko for this site's CI pipelines (.github/workflows/msoko.yml and
# .gitlab-ci.yml): the ready-made Linux binary of the pinned version, with its
# checksum verified; compiled from source (cargo install) only when that version has
# no ready-made binary, or when no version is pinned.
#
# Settings (variables of the CI project):
#   MSOKO_REPO      address of the msoko git repository (https://…/msoko.git); required
#   MSOKO_VERSION   version tag, e.g. v0.1.0; without it the newest source of the main
#                   branch is compiled (about 4 minutes, then cached)
#   MSOKO_SHA256    optional: the SHA-256 of the archive, to pin it; without it the
#                   checksum is taken from SHA256SUMS.txt of the same release
#   MSOKO_DOWNLOAD  optional: the address of the release's files; by default GitHub's
#                   ${MSOKO_REPO%.git}/releases/download/${MSOKO_VERSION}
#
# Usage: bash .ci/install-msoko.sh DIR   — puts msoko into DIR/bin.
set -euo pipefail

root="${1:?usage: install-msoko.sh DIR}"
mkdir -p "$root/bin"
stamp="$root/installed"
target=x86_64-unknown-linux-musl
repo="${MSOKO_REPO:?задайте переменную MSOKO_REPO: адрес git-репозитория msoko}"
version="${MSOKO_VERSION:-}"

# A checksum from SHA256SUMS.txt: the line that names the file.
checksum_from_sums() {
  local sums="$1" file="$2"
  awk -v f="$file" '$2 == f || $2 == "*" f { print $1 }' "$sums" | head -n 1
}

download() {
  local base="${MSOKO_DOWNLOAD:-${repo%.git}/releases/download/$version}"
  local name="msoko-$version-$target"
  local tmp
  tmp="$(mktemp -d)"
  if ! curl -fsSL --retry 3 -o "$tmp/$name.tar.gz" "$base/$name.tar.gz"; then
    echo "msoko: готовой сборки $name.tar.gz нет по адресу $base — msoko будет скомпилирован из исходного кода"
    rm -rf "$tmp"
    return 1
  fi
  local expected="${MSOKO_SHA256:-}"
  if [ -z "$expected" ]; then
    curl -fsSL --retry 3 -o "$tmp/SHA256SUMS.txt" "$base/SHA256SUMS.txt" || {
      echo "msoko: ошибка: у выпуска $version нет SHA256SUMS.txt, и переменная MSOKO_SHA256 не задана: проверить архив нечем" >&2
      exit 1
    }
    expected="$(checksum_from_sums "$tmp/SHA256SUMS.txt" "$name.tar.gz")"
  fi
  local actual
  actual="$(sha256sum "$tmp/$name.tar.gz" | cut -d ' ' -f 1)"
  if [ -z "$expected" ] || [ "$actual" != "$expected" ]; then
    echo "msoko: ошибка: контрольная сумма архива $name.tar.gz не совпадает (ожидалась ${expected:-неизвестная}, получена $actual); архив не установлен" >&2
    exit 1
  fi
  tar xzf "$tmp/$name.tar.gz" -C "$tmp"
  install -m 755 "$tmp/$name/msoko" "$root/bin/msoko"
  rm -rf "$tmp"
  echo "release $version $actual" > "$stamp"
  echo "msoko: установлена готовая сборка $version (SHA-256 $actual)"
}

if [ -n "$version" ] && [ -x "$root/bin/msoko" ] && grep -q "^release $version " "$stamp" 2>/dev/null; then
  echo "msoko: $version уже установлен (из кэша)"
  exit 0
fi
if [ -n "$version" ] && download; then
  exit 0
fi

# No ready-made binary: compile the tag (or the newest commit of the main branch).
rev="$(git ls-remote "$repo" "${version:-HEAD}" | head -n 1 | cut -f 1)"
if [ -z "$rev" ]; then
  echo "msoko: ошибка: в репозитории $repo нет версии ${version:-HEAD}" >&2
  exit 1
fi
if [ -x "$root/bin/msoko" ] && grep -qx "source $rev" "$stamp" 2>/dev/null; then
  echo "msoko: сборка из исходного кода $rev уже установлена (из кэша)"
  exit 0
fi
cargo install --locked --force --root "$root" --git "$repo" --rev "$rev" msoko
echo "source $rev" > "$stamp"

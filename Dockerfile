# msoko in a container, for CI systems that prefer images to downloads.
#
#   docker build -t msoko .                  # the image: msoko + git, ~20 MB
#   docker build --target bare -t msoko:bare .   # only the static binary (FROM scratch)
#   docker run --rm -v "$PWD:/site" msoko build  # build the site in the current folder
#
# The runtime image carries git besides the binary: page dates and open-data versions
# come from the site's git history (`git log`), and without git every page would lose
# its dates. It also has a shell, which GitLab CI needs to run a job's script in an
# image. `bare` is the binary and nothing else, to copy into another image:
#   COPY --from=msoko:bare /msoko /usr/local/bin/msoko
#
# No browser inside: the report's PDF (printed by headless Chromium) is not made, and
# `msoko check` says so (⚠). For it, add one: `FROM msoko` + `RUN apk add --no-cache
# chromium` (about 300 MB more; msoko finds /usr/bin/chromium-browser itself).
#
# (Written without a Docker engine at hand: the build steps are the ones .ci/run
# checks for the musl target.)

# --- build: a static binary for x86_64-unknown-linux-musl ---------------------------
FROM rust:1-alpine AS build
# musl-dev: the C runtime that static linking needs (alpine's Rust targets musl).
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY themes ./themes
COPY starter ./starter
COPY assets ./assets
COPY benches ./benches
COPY README.md ./
# Symbols stripped by rustc itself (no binutils needed): the musl binary is 14 MB
# unstripped, 11.7 MB stripped (measured with a local musl build).
ENV CARGO_PROFILE_RELEASE_STRIP=symbols
RUN cargo build --release --locked \
 && cp target/release/msoko /msoko

# --- bare: the binary alone --------------------------------------------------------
FROM scratch AS bare
COPY --from=build /msoko /msoko
ENTRYPOINT ["/msoko"]

# --- runtime (default): the binary and git -----------------------------------------
FROM alpine:3.20
RUN apk add --no-cache git \
 # The site folder is mounted from the host and owned by another user; git refuses
 # such a repository unless told it is safe.
 && git config --system --add safe.directory '*'
COPY --from=build /msoko /usr/local/bin/msoko
WORKDIR /site
ENTRYPOINT ["msoko"]
CMD ["--help"]

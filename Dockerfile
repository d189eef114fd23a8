# The action as a container image (docker run, job containers, the container/ variant of the action).
# Build it for the platform it runs on (linux/amd64 or linux/arm64): Native AOT compiles for the build
# stage's own processor, so the release builds each platform on a native runner.

# Build stage: publish the Native AOT executable, and the link the post stage is started through.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN rid="linux-$(if [ "$(uname -m)" = aarch64 ]; then echo arm64; else echo x64; fi)" \
    && dotnet publish src/Action/Cac.Action.csproj -c Release -r "$rid" -o /out \
    && mkdir /app \
    && cp /out/configure-aws-credentials /app/ \
    && ln -s configure-aws-credentials /app/post

# Final stage: no shell and no package manager, only the C library, OpenSSL and CA certificates of the
# chiseled runtime-deps image, and the executable. /app/post is a link to it: the binary takes its stage
# from the name it was started by, so the runner's variables (STATE_* and INPUT_* names with hyphens)
# reach it unchanged, where a shell script would drop them.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
COPY --from=build /app/ /app/
# Container actions run as root: the runner's workspace and file-command files are not writable by the
# image's default non-root user.
USER 0
ENTRYPOINT ["/app/configure-aws-credentials"]

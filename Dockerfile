# Build stage: publish the action as a Native AOT executable.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Action/Cac.Action.csproj -c Release -r linux-x64 -o /out

# Final stage: only the executable and the libraries it links against.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
COPY --from=build /out/configure-aws-credentials /app/configure-aws-credentials
# The runner passes the same arguments to every stage, so the post stage gets its own entry point.
RUN printf '#!/bin/sh\nexec /app/configure-aws-credentials post\n' > /app/post && chmod 0755 /app/post
ENTRYPOINT ["/app/configure-aws-credentials"]

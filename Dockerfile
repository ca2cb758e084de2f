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

# Runtime: ASP.NET Core only, non-root; nothing installed besides the service.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Only used with the default SQLite store (Storage:Provider=Sqlite without a connection string).
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
# The base image listens on ASPNETCORE_HTTP_PORTS=8080; setting ASPNETCORE_URLS too would log an override warning at each start.
ENV ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER $APP_UID
# The service probes itself (/health/ready on its own port): no curl in the image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["dotnet", "IssuerVerification.Api.dll", "--health-check"]
ENTRYPOINT ["dotnet", "IssuerVerification.Api.dll"]

-- Grants for the service's own database user: everything it needs, and the audit table insert-only.
-- Run as the owner role (issuer_owner) after the owner has applied the migrations. docs/audit.md explains each line.
GRANT USAGE ON SCHEMA public TO issuer_service;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO issuer_service;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO issuer_service;
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLog" FROM issuer_service;
-- Its monthly partitions are reached through "AuditLog" only; retention creates and drops them through functions that
-- run as the owner and never drop a month younger than 365 days (docs/data-retention.md).
DO $$ DECLARE p regclass; BEGIN
  FOR p IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = '"AuditLog"'::regclass LOOP
    EXECUTE format('REVOKE ALL ON %s FROM issuer_service', p);
  END LOOP;
END $$;
-- The 3-D Secure history is never changed; records leave only through the retention purge (DELETE, docs/3ds.md).
REVOKE UPDATE, TRUNCATE ON "ThreeDsHistory" FROM issuer_service;
-- Tables and sequences later migrations create (run by issuer_owner) get the same grants; re-run this file after a
-- migration that recreates "AuditLog".
ALTER DEFAULT PRIVILEGES FOR ROLE issuer_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO issuer_service;
ALTER DEFAULT PRIVILEGES FOR ROLE issuer_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO issuer_service;

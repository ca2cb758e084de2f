namespace IssuerVerification.Store;

public enum StorageProvider { Sqlite, Postgres }

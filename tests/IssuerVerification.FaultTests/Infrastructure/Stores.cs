namespace IssuerVerification.FaultTests.Infrastructure;

/// <summary>The stores a case runs on: SQLite always, PostgreSQL when <see cref="PostgresBinaries.Expected"/>.</summary>
public static class Stores
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (PostgresBinaries.Expected)
            {
                data.Add(Postgres);
            }
            return data;
        }
    }

    public static TheoryData<string> PostgresOnly
    {
        get
        {
            var data = new TheoryData<string>();
            if (PostgresBinaries.Expected)
            {
                data.Add(Postgres);
            }
            return data;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests.Infrastructure;

public static class StoreInspection
{
    /// <summary>Reads every text and blob column of every table and looks for the PAN's digits.</summary>
    public static async Task AssertNotInAnyColumnAsync(TestApi api, string pan)
    {
        foreach (var (_, value) in await AllColumnsAsync(api))
        {
            var text = value is byte[] bytes ? System.Text.Encoding.ASCII.GetString(bytes) + Convert.ToHexString(bytes) : value.ToString();
            Assert.DoesNotContain(pan, text ?? "", StringComparison.Ordinal);
        }
    }

    /// <summary>Every value of every column of every table (what a database dump holds), named "table.column".</summary>
    public static async Task<List<(string Column, object Value)>> AllColumnsAsync(TestApi api)
    {
        var values = new List<(string, object)>();

        using var scope = api.Services.CreateScope();
        var contexts = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Store.IssuerDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var connection = (System.Data.Common.DbConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(($"{table}.{reader.GetName(i)}", reader.GetValue(i)));
                }
            }
        }
        return values;
    }
}

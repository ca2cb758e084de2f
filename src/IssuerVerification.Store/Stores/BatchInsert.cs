using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// A multi-row INSERT of entities, written from the EF model (table, columns, each property's type mapping and value
/// converter), for group commits that skip change tracking: the rows are stored exactly as SaveChanges would store them.
/// </summary>
internal static class BatchInsert
{
    /// <summary>Appends one INSERT of <paramref name="rows"/> (none: nothing) with parameters named from <paramref name="prefix"/>.</summary>
    public static void Append<T>(IssuerDbContext db, DbCommand command, StringBuilder sql, string prefix, IReadOnlyList<T> rows, string? suffix = null)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO \"{table.Name}\" (")
            .AppendJoin(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\"")).Append(") VALUES ");
        for (var row = 0; row < rows.Count; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < properties.Count; column++)
            {
                var property = properties[column];
                var name = string.Create(CultureInfo.InvariantCulture, $"@{prefix}{row}_{column}");
                command.Parameters.Add(property.GetRelationalTypeMapping()
                    .CreateParameter(command, name, property.GetGetter().GetClrValueUsingContainingEntity(rows[row]!), property.IsNullable));
                sql.Append(column == 0 ? name : ", " + name);
            }
            sql.Append(')');
        }
        sql.Append(suffix).AppendLine(";");
    }
}

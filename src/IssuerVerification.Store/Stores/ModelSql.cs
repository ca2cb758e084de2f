using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// SQL for group commits that skip change tracking, written from the EF model (table, columns, each property's type mapping
/// and value converter): rows and parameters are stored exactly as SaveChanges would store them, on either provider.
/// </summary>
internal static class ModelSql
{
    /// <summary>Appends one multi-row INSERT of <paramref name="rows"/> (none: nothing) with parameters named from <paramref name="prefix"/>.</summary>
    public static void AppendInsert<T>(IssuerDbContext db, DbCommand command, StringBuilder sql, string prefix, IReadOnlyList<T> rows, string? suffix = null)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // A key the store generates (an identity column) is left out when the first row leaves it unset, as SaveChanges does.
        var properties = entity.GetProperties()
            .Where(p => !(p.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && Equals(p.GetGetter().GetClrValueUsingContainingEntity(rows[0]!), p.Sentinel)))
            .ToList();
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

    /// <summary>Adds a parameter holding <paramref name="value"/> as the store holds property <paramref name="property"/> of <typeparamref name="T"/>.</summary>
    public static void AddParameter<T>(IssuerDbContext db, DbCommand command, string name, string property, object? value)
    {
        var mapped = db.Model.FindEntityType(typeof(T))?.FindProperty(property)
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not in the model.");
        command.Parameters.Add(mapped.GetRelationalTypeMapping().CreateParameter(command, name, value, mapped.IsNullable));
    }
}

using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// SQL for group commits that skip change tracking, written from the EF model (table, columns, each property's type mapping
/// and value converter): rows and parameters are stored exactly as SaveChanges would store them, on either provider.
/// </summary>
internal static class ModelSql
{
    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter);

    private sealed record Table(string Name, IReadOnlyList<Column> Columns);

    /// <summary>Each entity's table and columns, worked out once per model.</summary>
    private static readonly ConcurrentDictionary<(IModel, Type), Table> Tables = new();

    /// <summary>
    /// Appends one INSERT of <paramref name="rows"/> (none: nothing) with parameters named from <paramref name="prefix"/>.
    /// On PostgreSQL each column is one array parameter and the rows are <c>unnest</c>ed from them: the text depends on the
    /// columns alone, so PostgreSQL plans it once per connection and Npgsql binds one parameter a column whatever the batch
    /// size (a VALUES list was a new text, parsed and planned, for every batch size, with a parameter per row and column).
    /// SQLite gets the VALUES list.
    /// </summary>
    public static void AppendInsert<T>(IssuerDbContext db, DbCommand command, StringBuilder sql, string prefix, IReadOnlyList<T> rows, string? suffix = null)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var table = Tables.GetOrAdd((db.Model, typeof(T)), static key => TableOf(key.Item1, key.Item2));
        // A key the store generates (an identity column) is left out when the first row leaves it unset, as SaveChanges does.
        var columns = table.Columns
            .Where(c => !(c.Property.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && Equals(c.Getter.GetClrValueUsingContainingEntity(rows[0]!), c.Property.Sentinel)))
            .ToList();
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO \"{table.Name}\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c.Name}\"")).Append(") ");
        if (command is NpgsqlCommand)
        {
            sql.Append("SELECT * FROM unnest(");
            for (var i = 0; i < columns.Count; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@{prefix}{i}");
                command.Parameters.Add(new NpgsqlParameter(name, ColumnValues(columns[i], rows)));
                sql.Append(i == 0 ? "" : ", ").Append(name).Append("::").Append(columns[i].Mapping.StoreType).Append("[]");
            }
            sql.Append(')');
        }
        else
        {
            sql.Append("VALUES ");
            for (var row = 0; row < rows.Count; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var i = 0; i < columns.Count; i++)
                {
                    var column = columns[i];
                    var name = string.Create(CultureInfo.InvariantCulture, $"@{prefix}{row}_{i}");
                    command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Getter.GetClrValueUsingContainingEntity(rows[row]!), column.Property.IsNullable));
                    sql.Append(i == 0 ? name : ", " + name);
                }
                sql.Append(')');
            }
        }
        sql.Append(suffix).AppendLine(";");
    }

    /// <summary>One column of <paramref name="rows"/> as a typed array of the values the store holds (value converters applied).</summary>
    private static Array ColumnValues<T>(Column column, IReadOnlyList<T> rows)
    {
        var converter = column.Mapping.Converter;
        var type = converter?.ProviderClrType ?? column.Mapping.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsValueType && column.Property.IsNullable)
        {
            type = typeof(Nullable<>).MakeGenericType(type);
        }
        var values = Array.CreateInstance(type, rows.Count);
        for (var row = 0; row < rows.Count; row++)
        {
            var value = column.Getter.GetClrValueUsingContainingEntity(rows[row]!);
            values.SetValue(value is null || converter is null ? value : converter.ConvertToProvider(value), row);
        }
        return values;
    }

    /// <summary>Adds a parameter holding <paramref name="value"/> as the store holds property <paramref name="property"/> of <typeparamref name="T"/>.</summary>
    public static void AddParameter<T>(IssuerDbContext db, DbCommand command, string name, string property, object? value)
    {
        var mapped = db.Model.FindEntityType(typeof(T))?.FindProperty(property)
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not in the model.");
        command.Parameters.Add(mapped.GetRelationalTypeMapping().CreateParameter(command, name, value, mapped.IsNullable));
    }

    private static Table TableOf(IModel model, Type type)
    {
        var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return new Table(table.Name, [.. entity.GetProperties().Select(p => new Column(p.GetColumnName(table)!, p, p.GetRelationalTypeMapping(), p.GetGetter()))]);
    }
}

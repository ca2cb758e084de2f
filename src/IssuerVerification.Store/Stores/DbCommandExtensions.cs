using System.Data.Common;

namespace IssuerVerification.Store.Stores;

/// <summary>For the few batched statements written as SQL (group commits), the same on both providers.</summary>
internal static class DbCommandExtensions
{
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}

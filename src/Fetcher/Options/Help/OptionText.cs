using System.CommandLine;
using System.Globalization;

namespace Fetcher.Cli.Options.Help;

/// <summary>How an argument or option is written in help, the man page and the docs.</summary>
internal static class OptionText
{
    /// <summary>Names as the user types them, short first, then the value: <c>-m, --max N</c>, <c>FILE...</c>.</summary>
    public static string Synopsis(Symbol symbol) => symbol switch
    {
        Argument argument => (argument.HelpName ?? argument.Name.ToUpperInvariant()) + "...",
        Option option => string.Join(", ", Names(option)) + (ValueName(option) is { } value ? " " + value : string.Empty),
        _ => symbol.Name,
    };

    /// <summary>The option's name and aliases that a user would type: short ones first, no '/h'-style aliases.</summary>
    public static IEnumerable<string> Names(Option option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.Aliases.Append(option.Name)
            .Where(name => name.StartsWith('-') && name != "-?")
            .Distinct(StringComparer.Ordinal)
            .OrderBy(name => name.StartsWith("--", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(name => name, StringComparer.Ordinal);
    }

    /// <summary>The placeholder for the option's value (<c>N</c>, <c>FILE</c>), or <see langword="null"/> for a flag.</summary>
    public static string? ValueName(Option option) =>
        TakesValue(option) ? option.HelpName ?? "VALUE" : null;

    /// <summary>Whether the option is followed by a value: every option but the flags.</summary>
    public static bool TakesValue(Option option) =>
        option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;

    /// <summary>The description, with the default appended when it has one worth showing and does not say it already.</summary>
    public static string Description(Symbol symbol)
    {
        var description = symbol.Description ?? string.Empty;
        return description.Contains("[default:", StringComparison.Ordinal) || Default(symbol) is not { } value
            ? description
            : $"{description} [default: {value}]";
    }

    /// <summary>The default value as a user would type it, or <see langword="null"/> for none (or <c>false</c>).</summary>
    public static string? Default(Symbol symbol)
    {
        var value = symbol switch
        {
            Option { HasDefaultValue: true } option => option.GetDefaultValue(),
            Argument { HasDefaultValue: true } argument => argument.GetDefaultValue(),
            _ => null,
        };
        return value switch
        {
            null or bool or Array => null,
            HttpMethod method => method.Method,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}

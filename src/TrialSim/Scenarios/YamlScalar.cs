using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TrialSim.Scenarios;

/// <summary>The YAML 1.2 core-schema type of a scalar.</summary>
internal enum YamlScalarKind { Null, Boolean, Number, String }

/// <summary>
/// Resolves a scalar to its YAML 1.2 core-schema type. The loader and the YAML-to-JSON conversion
/// both use it, so "a number" means the same thing to the loader and to the JSON Schema.
/// Quoted scalars are always strings: <c>rate: "1.2"</c> is a string, not a number.
/// </summary>
internal static partial class YamlScalar
{
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    public static YamlScalarKind KindOf(YamlScalarNode node)
    {
        if (node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return YamlScalarKind.String;
        string text = node.Value ?? "";
        if (text is "" or "~" or "null" or "Null" or "NULL") return YamlScalarKind.Null;
        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE") return YamlScalarKind.Boolean;
        if (NumberPattern().IsMatch(text)) return YamlScalarKind.Number;
        return YamlScalarKind.String;
    }

    /// <summary>The value of a scalar of kind <see cref="YamlScalarKind.Number"/>.</summary>
    public static double ToDouble(YamlScalarNode node) => double.Parse(node.Value!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value of a scalar of kind <see cref="YamlScalarKind.Boolean"/>.</summary>
    public static bool ToBoolean(YamlScalarNode node) => node.Value!.Equals("true", StringComparison.OrdinalIgnoreCase);
}

using RulesEngine.Models;

namespace Connect2Luton.Infrastructure.Policies;

internal static class RuleEngineSettings
{
    /// <summary>
    /// The same settings for checking and for serving, so a rule that passed the checks runs as it was checked.
    /// Names are case-sensitive, so "input.payRate" is a misspelt fact rather than a lucky guess; messages are
    /// written by <see cref="MessageTemplate"/>, not by the engine.
    /// </summary>
    public static ReSettings Create() => new()
    {
        CustomTypes = [typeof(Policy)],
        IsExpressionCaseSensitive = true,
        EnableFormattedErrorMessage = false,
        EnableExceptionAsErrorMessage = true,
        UseFastExpressionCompiler = true,
        AutoExecuteActions = false,
    };
}

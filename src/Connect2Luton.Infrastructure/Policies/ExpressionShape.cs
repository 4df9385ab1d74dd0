namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// How deep and how long an expression is, read from its text before any parser sees it. The expression parser
/// (System.Linq.Dynamic.Core, under RulesEngine) descends recursively into every bracket, every conditional's
/// branches (a ? b : c ? d : e nests), every ?? and every prefix operator (- - - x), about a dozen calls each;
/// text nested deeply enough overflows the stack, which no handler can catch and which ends the whole process.
/// So the depth is bounded here, on the text that is actually parsed (with named values written in), and only
/// text within the bounds is ever handed to the parser.
/// </summary>
internal readonly record struct ExpressionShape(int Depth, int Parts)
{
    public const int MaximumDepth = 40;
    public const int MaximumParts = 2_500;

    public static ExpressionShape Of(string text)
    {
        // One level per open bracket, plus the conditionals and ?? opened at that level since its last comma,
        // plus the run of prefix operators waiting for their operand.
        var levels = new Stack<int>();
        var conditionals = 0;
        var depthOfOpenLevels = 0;
        var prefixRun = 0;
        var operandBefore = false;
        var depth = 0;
        var parts = 0;

        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            parts++;
            if (c is '"' or '\'')
            {
                i = EndOfLiteral(text, i);
                Operand();
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))) i++;
                var word = text.AsSpan(start, i - start);
                if (word.Equals("not", StringComparison.OrdinalIgnoreCase) && !operandBefore) Prefix();
                else if (IsWordOperator(word)) operandBefore = false;
                else Operand();
            }
            else if (c is '(' or '[' or '{')
            {
                levels.Push(conditionals);
                depthOfOpenLevels += 1 + conditionals;
                conditionals = 0;
                prefixRun = 0;
                operandBefore = false;
                Measure();
                i++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (levels.Count > 0)
                {
                    var outer = levels.Pop();
                    depthOfOpenLevels -= 1 + outer;
                    conditionals = outer;
                }
                Operand();
                i++;
            }
            else if (c == ',')
            {
                conditionals = 0;
                operandBefore = false;
                i++;
            }
            else if (c == '?' || (c == '=' && i + 1 < text.Length && text[i + 1] == '>'))
            {
                // a ? b : c, a ?? b and x => y each parse what follows them one call deeper.
                conditionals++;
                operandBefore = false;
                Measure();
                i += i + 1 < text.Length && text[i + 1] is '?' or '>' ? 2 : 1;
            }
            else if (c is '-' or '+' or '!' or '~' && !operandBefore)
            {
                Prefix();
                i++;
            }
            else
            {
                // Any other operator: its right-hand side starts a new operand (binary chains are parsed in loops).
                operandBefore = false;
                i++;
                while (i < text.Length && text[i] is '=' or '&' or '|' or '<' or '>' && !char.IsWhiteSpace(text[i])) i++;
            }
        }
        return new ExpressionShape(depth, parts);

        void Operand()
        {
            prefixRun = 0;
            operandBefore = true;
        }

        void Prefix()
        {
            prefixRun++;
            operandBefore = false;
            Measure();
        }

        void Measure() => depth = Math.Max(depth, depthOfOpenLevels + conditionals + prefixRun);
    }

    /// <summary>What is wrong with the shape, in words for the officer; null when it may be parsed.</summary>
    public string? Problem(bool writtenOut)
    {
        var what = writtenOut ? "Written out in full, with the named values it uses in place, this" : "This";
        if (Depth > MaximumDepth)
            return $"{what} has brackets, conditions (a ? b : c) or signs nested {Depth} deep; the most is {MaximumDepth}. "
                + (writtenOut ? "Use fewer layers of named values built on each other, or fewer brackets." : "Remove brackets that are not needed, or split it into named values.");
        if (Parts > MaximumParts)
            return $"{what} has {Parts:N0} parts (names, numbers and operators); the most is {MaximumParts:N0}. "
                + (writtenOut ? "Use fewer layers of named values built on each other." : "Split it into named values.");
        return null;
    }

    private static int EndOfLiteral(string text, int start)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length && text[i] != quote) i += text[i] == '\\' ? 2 : 1;
        return Math.Min(i + 1, text.Length);
    }

    private static bool IsWordOperator(ReadOnlySpan<char> word) =>
        word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase)
        || word.Equals("in", StringComparison.OrdinalIgnoreCase) || word.Equals("is", StringComparison.OrdinalIgnoreCase)
        || word.Equals("as", StringComparison.OrdinalIgnoreCase);
}

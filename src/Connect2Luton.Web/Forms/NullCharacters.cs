namespace Connect2Luton.Web.Forms;

/// <summary>
/// A NUL typed into a form field (sent as %00) makes the framework's form reader refuse the whole request with a bare
/// 400 before any page sees it (its URL decoder will not make a string holding one). It is read as another control
/// character instead, U+0001, which every field that keeps text refuses with a message beside it: the person is told
/// which field to retype, and nothing is kept.
/// </summary>
internal static class NullCharacters
{
    // Forms people fill in are a few kilobytes; a bigger body (an upload is multipart, never this) is left as sent.
    private const int MostFormBytes = 1024 * 1024;

    public static IApplicationBuilder UseNullCharactersAsFieldErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.ContentLength is > 0 and <= MostFormBytes)
        {
            var body = new byte[request.ContentLength.Value];
            var read = 0;
            while (read < body.Length && await request.Body.ReadAsync(body.AsMemory(read), context.RequestAborted) is var count and > 0) read += count;
            if (read < body.Length) Array.Resize(ref body, read);
            Replace(body);
            request.Body = new MemoryStream(body, writable: false);
            request.ContentLength = body.Length;
        }
        await next();
    });

    /// <summary>Each %00 (and a raw NUL byte) becomes %01, of the same length.</summary>
    private static void Replace(byte[] body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == 0) body[i] = 1;
            else if (body[i] == (byte)'%' && i + 2 < body.Length && body[i + 1] == (byte)'0' && body[i + 2] == (byte)'0') body[i + 2] = (byte)'1';
        }
    }
}

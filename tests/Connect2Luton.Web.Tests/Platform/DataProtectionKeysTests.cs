using System.Net;
using System.Text.RegularExpressions;
using Connect2Luton.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Connect2Luton.Web.Tests.Platform;

/// <summary>
/// The keys that protect the session cookie are the database's, not the node's: a second app on the same database
/// honours a session the first began (as a restart or another node behind the load balancer would), and an app on a
/// copy of that database with its keys taken out does not (the same users and sessions, only the keys differ), so it
/// is the database that carries them and not a key ring this machine keeps for every app on it.
/// </summary>
public sealed partial class DataProtectionKeysTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    [Fact]
    public async Task A_session_begun_on_one_node_is_honoured_by_another_on_the_same_database_and_by_no_other()
    {
        var session = await SignInAsync(factory, "recruiter@connect2luton.local");

        var withoutKeys = Path.Combine(Path.GetTempPath(), "connect2luton-tests", $"web-{Guid.NewGuid():N}.db");
        await using (var source = new SqliteConnection(factory.ConnectionString))
        {
            await source.OpenAsync();
            await using var copy = source.CreateCommand();
            copy.CommandText = "VACUUM INTO $file";
            copy.Parameters.AddWithValue("$file", withoutKeys);
            await copy.ExecuteNonQueryAsync();
        }
        var copied = new SqliteConnectionStringBuilder { DataSource = withoutKeys, Pooling = false }.ToString();
        await using (var target = new SqliteConnection(copied))
        {
            await target.OpenAsync();
            await using var forget = target.CreateCommand();
            forget.CommandText = "DELETE FROM DataProtectionKeys";
            (await forget.ExecuteNonQueryAsync()).ShouldBeGreaterThan(0, "the first node kept its keys in the database");
        }

        await using var sameDatabase = new OtherNode(factory.ConnectionString);
        await using var otherDatabase = new OtherNode(copied);

        using var there = await GetAsync(sameDatabase, "/Placements", session);
        there.StatusCode.ShouldBe(HttpStatusCode.OK, "the other node reads the cookie with the keys in the shared database");
        using var elsewhere = await GetAsync(otherDatabase, "/Placements", session);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        elsewhere.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn", Case.Insensitive, "new keys cannot read it");
        SqliteConnection.ClearAllPools();
        File.Delete(withoutKeys);
    }

    [Fact]
    public async Task With_a_certificate_configured_the_keys_in_the_database_are_encrypted_and_only_a_node_holding_it_reads_the_session()
    {
        var certificate = CertificateFile("CN=Connect2Luton keys");
        var otherCertificate = CertificateFile("CN=Someone else's keys");
        // A database of its own (not the demo template, whose keys were made before any certificate): its first key is made with the certificate.
        await using var first = new OtherNode(null, certificate);
        var session = await SignInAsync(first, "admin@connect2luton.local");

        await using (var database = new SqliteConnection(first.ConnectionString))
        {
            await database.OpenAsync();
            await using var read = database.CreateCommand();
            read.CommandText = "SELECT Xml FROM DataProtectionKeys";
            var xml = (string)(await read.ExecuteScalarAsync())!;
            xml.ShouldContain("EncryptedData", Case.Sensitive, "the key is kept encrypted with the certificate");
            xml.ShouldNotContain("<value>", Case.Sensitive, "and its secret is not there to read");
        }
        await using var sameCertificate = new OtherNode(first.ConnectionString, certificate);
        await using var otherCertificateNode = new OtherNode(first.ConnectionString, otherCertificate);

        using var there = await GetAsync(sameCertificate, "/Placements", session);
        there.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var elsewhere = await GetAsync(otherCertificateNode, "/Placements", session);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the database alone is not enough to read a session");
        File.Delete(certificate);
        File.Delete(otherCertificate);
    }

    private static string CertificateFile(string subject)
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(subject, key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var file = Path.Combine(Path.GetTempPath(), "connect2luton-tests", $"keys-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(file, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-password"));
        return file;
    }

    internal static async Task<string> SignInAsync(Connect2LutonFactory app, string email)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var form = await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
        var cookies = CookiesOf(form);
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = Browsing.DemoPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", cookies);
        using var signedIn = await client.SendAsync(post);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = CookiesOf(signedIn);
        session.ShouldContain("Connect2Luton.Auth=");
        return session;
    }

    internal static async Task<HttpResponseMessage> GetAsync(Connect2LutonFactory app, string path, string cookies)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>A second node on the database given, its scheduler kept to memory.</summary>
    /// <summary>
    /// A second node on the database given, or with the key certificate given a database of its own without the demo
    /// data (Development still makes the demo users).
    /// </summary>
    private sealed class OtherNode(string? connectionString, string? certificate = null) : Connect2LutonFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            .. certificate is null ? base.Settings : [new("Database:SeedDemoData", "false")],
            new("Scheduling:Store", "Memory"),
            .. connectionString is null ? [] : new KeyValuePair<string, string>[] { new("Database:ConnectionString", connectionString) },
            .. certificate is null ? [] : new KeyValuePair<string, string>[] { new("DataProtection:Certificate:Path", certificate), new("DataProtection:Certificate:Password", "pfx-password") },
        ];
    }
}

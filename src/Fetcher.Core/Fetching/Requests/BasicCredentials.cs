using System.Text;

namespace Fetcher.Fetching.Requests;

/// <summary>
/// A user name and password sent as HTTP Basic authentication (<c>-u USER:PASSWORD</c>, or a URL's userinfo), encoded
/// as UTF-8 as curl does. The password and the encoded header value are secrets: <c>SecretRedactor</c> masks both.
/// </summary>
/// <param name="UserName">The user name; may be empty.</param>
/// <param name="Password">The password; may be empty.</param>
public sealed record BasicCredentials(string UserName, string Password)
{
    /// <summary>The value of the <c>Authorization</c> header: <c>Basic</c> and base64 of <c>user:password</c>.</summary>
    public string HeaderValue => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + Password));

    /// <summary>Splits <c>USER:PASSWORD</c> at the first colon; <see langword="null"/> when there is no colon.</summary>
    public static BasicCredentials? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : new BasicCredentials(text[..colon], text[(colon + 1)..]);
    }

    /// <summary>
    /// The credentials in <paramref name="uri"/>'s userinfo, percent-decoded (<c>https://user:p%40ss@host/</c>), or
    /// <see langword="null"/> when it has none.
    /// </summary>
    public static BasicCredentials? FromUserInfo(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var userInfo = uri.IsAbsoluteUri ? uri.UserInfo : string.Empty;
        if (userInfo.Length == 0)
        {
            return null;
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new BasicCredentials(Uri.UnescapeDataString(userInfo), string.Empty)
            : new BasicCredentials(Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }
}

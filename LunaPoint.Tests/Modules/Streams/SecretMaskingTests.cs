using LunaPoint.SharedKernel.Security;
using LunaPoint.Modules.Streams.Features;

namespace LunaPoint.Tests.Modules.Streams;

/// <summary>The one masking function every read of a stream goes through, over a table of URLs.</summary>
public sealed class SecretMaskingTests
{
    public static TheoryData<string, string> Urls() => new()
    {
        { "rtsp://viewer:S3cret@10.1.2.3:554/live", "rtsp://viewer:***@10.1.2.3:554/live" },
        { "rtsp://viewer:p@ss/w0rd@cam.invalid/live", "rtsp://viewer:***@cam.invalid/live" },
        { "https://ghp_TOKENVALUE@hooks.invalid/x", "https://***@hooks.invalid/x" },
        { "rtsp://cam.invalid/live?user=admin&pwd=S3cret", "rtsp://cam.invalid/live?user=admin&pwd=***" },
        { "https://hooks.invalid/in?token=abc&channel=7", "https://hooks.invalid/in?token=***&channel=7" },
        { "https://hooks.invalid/in?Access_Token=abc", "https://hooks.invalid/in?Access_Token=***" },
        { "https://hooks.invalid/in?x-api-key=abc&apikey=d&api_key=e&key=f", "https://hooks.invalid/in?x-api-key=***&apikey=***&api_key=***&key=***" },
        { "https://s3.invalid/b/o?X-Amz-Signature=abc&X-Amz-Credential=AKIA&sig=1", "https://s3.invalid/b/o?X-Amz-Signature=***&X-Amz-Credential=***&sig=***" },
        { "http://cam.invalid/mjpg?PASSWORD=a&passwd=b&pass=c&secret=d&auth=e&credentials=f", "http://cam.invalid/mjpg?PASSWORD=***&passwd=***&pass=***&secret=***&auth=***&credentials=***" },
        { "https://hooks.invalid/cb#access_token=abc&state=1", "https://hooks.invalid/cb#access_token=***&state=1" },
        { "https://u:p@hooks.invalid/in?token=t", "https://u:***@hooks.invalid/in?token=***" },
        { "https://hooks.invalid/in?token=&flag", "https://hooks.invalid/in?token=&flag" },
        { "http://cam.invalid/cgi?pw=a&psw=b&loginpas=c&user=admin", "http://cam.invalid/cgi?pw=***&psw=***&loginpas=***&user=admin" },
        { "http://cam.invalid/cgi?user=admin;password=X", "http://cam.invalid/cgi?user=admin;password=***" },
        { "http://cam.invalid/cgi?x=1;apikey=Y&pwd=Z;mode=2", "http://cam.invalid/cgi?x=1;apikey=***&pwd=***;mode=2" },
        { "rtsp://admin:1234#5678@127.0.0.1:8554/c", "rtsp://admin:***@127.0.0.1:8554/c" },
        { "rtsp://admin:12?pwd@127.0.0.1/c", "rtsp://admin:***@127.0.0.1/c" },
        { "rtsp://admin:a#b?c@d@127.0.0.1/c?user=x;pw=y", "rtsp://admin:***@127.0.0.1/c?user=x;pw=***" },
        { "rtsp://t0ken#x@127.0.0.1/c", "rtsp://***@127.0.0.1/c" },
        { "https://hooks.invalid/in?email=a@b.invalid&token=t", "https://hooks.invalid/in?email=a@b.invalid&token=***" },
        { "https://u:p@hooks.invalid/in?email=a@b.invalid", "https://u:***@hooks.invalid/in?email=a@b.invalid" },
        { "https://hooks.invalid#top", "https://hooks.invalid#top" },
        { "http://cam.invalid/video.cgi;user=admin;pwd=S3cret", "http://cam.invalid/video.cgi;user=admin;pwd=***" },
        { "http://cam.invalid/h;token=abc/live;mode=1", "http://cam.invalid/h;token=***/live;mode=1" },
        { "http://cam.invalid/cgi?u=admin&p=S3cret&page=2", "http://cam.invalid/cgi?u=admin&p=***&page=2" },
        { "rtsp://127.0.0.1:8554/cam1", "rtsp://127.0.0.1:8554/cam1" },
        { "/srv/media/entrance.mp4", "/srv/media/entrance.mp4" },
        { "0", "0" },
    };

    [Theory]
    [InlineData("rtsp://admin:1234#5678@127.0.0.1:8554/c", true)]
    [InlineData("rtsp://admin:12?pwd@127.0.0.1/c", true)]
    [InlineData("rtsp://viewer:p@ss/w0rd@cam.invalid/live", true)]
    [InlineData("http://hook:a#b@127.0.0.1:9/in", true)]
    [InlineData("rtsp://admin:1234%235678@127.0.0.1:8554/c", false)]
    [InlineData("rtsp://admin:12%3Fpwd@127.0.0.1/c", false)]
    [InlineData("rtsp://u:p@127.0.0.1/c?x=a@b", false)]
    [InlineData("rtsp://127.0.0.1:8554/c#x@y", false)]
    [InlineData("rtsp://127.0.0.1:8554#x@y", true)]
    [InlineData("rtsp://127.0.0.1:8554/c", false)]
    public void HasAmbiguousUserInfo_WhenUriAndTheLastAtDisagree(string url, bool ambiguous)
    {
        Assert.Equal(ambiguous, SecretMasking.HasAmbiguousUserInfo(url));
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public void MaskUrl_HidesUserInfoSecretsAndSecretLookingParameters(string url, string masked)
    {
        Assert.Equal(masked, SecretMasking.MaskUrl(url));
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public void Restore_OfAnUnchangedMaskedUrl_GivesTheStoredUrlBack(string url, string masked)
    {
        Assert.Equal(url, SecretMasking.Restore(masked, url));
    }

    [Fact]
    public void Restore_KeepsTheStoredSecret_WhereOnlyOtherPartsChanged()
    {
        const string stored = "rtsp://viewer:S3cret@10.1.2.3:554/live?user=a&pwd=P1";

        Assert.Equal("rtsp://viewer:S3cret@10.9.9.9:554/other?user=b&pwd=P1", SecretMasking.Restore("rtsp://viewer:***@10.9.9.9:554/other?user=b&pwd=***", stored));
        Assert.Equal("rtsp://viewer:New@10.1.2.3:554/live?user=a&pwd=P2", SecretMasking.Restore("rtsp://viewer:New@10.1.2.3:554/live?user=a&pwd=P2", stored));
        // A different user does not inherit the stored password.
        Assert.Equal("rtsp://other:***@10.1.2.3:554/live", SecretMasking.Restore("rtsp://other:***@10.1.2.3:554/live", stored));
    }

    [Fact]
    public void MaskUrlsIn_MasksEveryUrlInsideFreeText()
    {
        var text = SecretMasking.MaskUrlsIn("rtsp://u:S3cret@cam.invalid/live: connection refused; webhook https://h.invalid/?token=T1 failed");

        Assert.Equal("rtsp://u:***@cam.invalid/live: connection refused; webhook https://h.invalid/?token=*** failed", text);
    }

    [Theory]
    [InlineData("http:\\\\admin:S3cret@127.0.0.1/", true)]
    [InlineData("rtsp:/\\admin:S3cret@127.0.0.1/", true)]
    [InlineData("http:/127.0.0.1/x", true)]
    [InlineData("rtsp://admin:S3cret@127.0.0.1/a\\b", true)]
    [InlineData("rtsp://admin:S3cret@127.0.0.1/cam1", false)]
    [InlineData("udp://@239.0.0.1:1234", false)]
    public void IsOddlyWritten_CatchesWhatUriReadsButMaskingWouldNot(string url, bool odd) =>
        Assert.Equal(odd, SecretMasking.IsOddlyWritten(url));
}

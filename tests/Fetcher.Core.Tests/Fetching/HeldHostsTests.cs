using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;

namespace Fetcher.Core.Tests.Fetching;

public class HeldHostsTests
{
    private static readonly Uri First = new("https://a.example/1");
    private static readonly Uri Second = new("https://a.example/2");

    [Fact]
    public void TheOnlyRequestOfItsHost_IsAlone()
    {
        var held = new HeldHosts();
        var request = Requests.For(First);
        held.Took(request);

        held.IsAlone(HeldHosts.KeyOf(request)).Should().BeTrue();
    }

    [Fact]
    public void ARequestWhoseHostHasAnotherHeld_IsNotAlone_UntilTheOtherFinishes()
    {
        var held = new HeldHosts();
        held.Took(Requests.For(First));
        held.Took(Requests.For(Second));
        var host = HeldHosts.KeyOf(Requests.For(Second));

        var whileBothHeld = held.IsAlone(host);
        held.Finished(host);

        whileBothHeld.Should().BeFalse();
        held.IsAlone(host).Should().BeTrue();
    }

    [Fact]
    public void PathsAndSchemesCount_AsTheHostKeyDoes()
    {
        HeldHosts.KeyOf(Requests.For(First)).Should().Be(HeldHosts.KeyOf(Requests.For(Second)));
        HeldHosts.KeyOf(Requests.For(new Uri("http://a.example/1"))).Should().NotBe(HeldHosts.KeyOf(Requests.For(First)));
    }

    [Fact]
    public void RequestsNeverSent_HaveNoHost_AndAreNeverAlone()
    {
        var held = new HeldHosts();
        var invalid = Requests.Invalid("not a url", "no scheme");
        var duplicate = Requests.For(First) with { DuplicateOf = "urls.txt line 1" };
        held.Took(invalid);
        held.Took(duplicate);

        HeldHosts.KeyOf(invalid).Should().BeNull();
        HeldHosts.KeyOf(duplicate).Should().BeNull();
        held.IsAlone(null).Should().BeFalse();
    }
}

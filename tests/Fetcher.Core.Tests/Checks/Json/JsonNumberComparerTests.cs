using System.Text;
using Fetcher.Checks.Json;

namespace Fetcher.Core.Tests.Checks.Json;

public class JsonNumberComparerTests
{
    [Theory]
    [InlineData("1e3", "1000", 0)]
    [InlineData("1.0", "1", 0)]
    [InlineData("-0", "0", 0)]
    [InlineData("0.0e-5", "-0.0", 0)]
    [InlineData("100E-2", "1", 0)]
    [InlineData("1E+2", "100.000", 0)]
    [InlineData("0.05", "5e-2", 0)]
    [InlineData("-0.5", "0", -1)]
    [InlineData("-2", "-10", 1)]
    [InlineData("9007199254740993", "9007199254740992", 1)]
    [InlineData("12345678901234567890123456789012345", "12345678901234567890123456789012346", -1)]
    [InlineData("0.10000000000000000000000000000001", "0.1", 1)]
    [InlineData("1e400", "1e399", 1)]
    [InlineData("-1e400", "1", -1)]
    [InlineData("1e-400", "0", 1)]
    [InlineData("1e100000000000000000000", "1e99999999999999999999", 1)]
    [InlineData("2", "10", -1)]
    [InlineData("0.9", "1", -1)]
    [InlineData("12.5", "12.49", 1)]
    public void Compare_ByExactDecimalValue(string left, string right, int expected)
    {
        Math.Sign(JsonNumberComparer.Compare(Encoding.ASCII.GetBytes(left), Encoding.ASCII.GetBytes(right))).Should().Be(expected);
        Math.Sign(JsonNumberComparer.Compare(Encoding.ASCII.GetBytes(right), Encoding.ASCII.GetBytes(left))).Should().Be(-expected);
    }
}

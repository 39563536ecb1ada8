using System.Globalization;
using System.Numerics;
using System.Text;

namespace Fetcher.Checks.Json;

/// <summary>
/// Compares JSON numbers by their exact decimal value, straight from their text: <c>1e3</c> equals <c>1000</c>,
/// <c>1.0</c> equals <c>1</c>, <c>-0</c> equals <c>0</c>, and integers beyond 2^53 or decimals beyond 28 digits keep
/// every digit (no rounding through <see cref="double"/> or <see cref="decimal"/>).
/// </summary>
internal static class JsonNumberComparer
{
    /// <summary>Orders two valid JSON number texts (UTF-8), as <see cref="IComparable.CompareTo"/> does.</summary>
    public static int Compare(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var a = new DecimalParts(left);
        var b = new DecimalParts(right);
        if (a.Sign != b.Sign || a.Sign == 0)
        {
            return a.Sign.CompareTo(b.Sign);
        }

        var magnitude = a.Exponent != b.Exponent ? a.Exponent.CompareTo(b.Exponent) : CompareDigits(a, b);
        return a.Sign * magnitude;
    }

    private static int CompareDigits(DecimalParts a, DecimalParts b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a.DigitAt(i) != b.DigitAt(i))
            {
                return a.DigitAt(i).CompareTo(b.DigitAt(i));
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    /// <summary>
    /// A number as <c>sign × 0.d₁d₂…dₙ × 10^Exponent</c> with d₁ ≠ 0 and dₙ ≠ 0 (Sign 0 for zero): the significant
    /// digits are read in place from the integer and fraction parts.
    /// </summary>
    private readonly ref struct DecimalParts
    {
        private readonly ReadOnlySpan<byte> _integer;
        private readonly ReadOnlySpan<byte> _fraction;
        private readonly int _leadingZeros;

        public DecimalParts(ReadOnlySpan<byte> text)
        {
            var negative = text[0] == '-';
            var rest = negative ? text[1..] : text;
            var integerEnd = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9') is var e and >= 0 ? e : rest.Length;
            _integer = rest[..integerEnd];
            rest = rest[integerEnd..];
            if (rest.Length > 0 && rest[0] == '.')
            {
                var fractionEnd = rest[1..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') is var f and >= 0 ? f + 1 : rest.Length;
                _fraction = rest[1..fractionEnd];
                rest = rest[fractionEnd..];
            }

            var total = _integer.Length + _fraction.Length;
            _leadingZeros = 0;
            while (_leadingZeros < total && Digit(_leadingZeros) == '0')
            {
                _leadingZeros++;
            }

            var end = total;
            while (end > _leadingZeros && Digit(end - 1) == '0')
            {
                end--;
            }

            Count = end - _leadingZeros;
            Sign = Count == 0 ? 0 : negative ? -1 : 1;
            Exponent = _integer.Length - _leadingZeros + (rest.Length > 1 ? ParseExponent(rest[1..]) : BigInteger.Zero);
        }

        public int Sign { get; }

        public int Count { get; }

        public BigInteger Exponent { get; }

        public byte DigitAt(int index) => Digit(_leadingZeros + index);

        private byte Digit(int index) => index < _integer.Length ? _integer[index] : _fraction[index - _integer.Length];

        /// <summary>Reads <c>[+-]digits</c>; an exponent may have any number of digits, hence the big integer.</summary>
        private static BigInteger ParseExponent(ReadOnlySpan<byte> text)
        {
            var negative = text[0] == '-';
            var digits = text[0] is (byte)'-' or (byte)'+' ? text[1..] : text;
            var value = BigInteger.Parse(Encoding.ASCII.GetString(digits), NumberStyles.None, CultureInfo.InvariantCulture);
            return negative ? -value : value;
        }
    }
}

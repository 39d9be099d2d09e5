using System.Buffers;
using System.Text;
using Modelport.Core.Tensors;

namespace Modelport.Core.Tests.Tensors;

public sealed class BytesElementsTests
{
    [Fact]
    public void Empty_data_holds_no_element()
    {
        Assert.Equal(0, BytesElements.Count([]));
        Assert.Empty(Elements([]));
    }

    [Fact]
    public void A_zero_length_element_is_an_element()
    {
        byte[] data = [0, 0, 0, 0, 2, 0, 0, 0, (byte)'h', (byte)'i', 0, 0, 0, 0];

        Assert.Equal(3, BytesElements.Count(data));
        Assert.Equal(["", "hi", ""], Elements(data));
    }

    [Theory]
    [InlineData(new byte[] { 1 })]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 0, 0, (byte)'a', 0, 0 })]
    public void A_truncated_length_prefix_is_malformed(byte[] data)
    {
        Assert.Null(BytesElements.Count(data));
    }

    [Theory]
    [InlineData(new byte[] { 3, 0, 0, 0, (byte)'a', (byte)'b' })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, (byte)'a' })]
    [InlineData(new byte[] { 0, 0, 0, 0x80 })]
    public void A_length_past_the_end_is_malformed(byte[] data)
    {
        Assert.Null(BytesElements.Count(data));
    }

    [Fact]
    public void Write_prefixes_each_element_with_its_little_endian_length()
    {
        var writer = new ArrayBufferWriter<byte>();

        BytesElements.Write(writer, []);
        BytesElements.Write(writer, "é"u8);

        Assert.Equal([0, 0, 0, 0, 2, 0, 0, 0, 0xC3, 0xA9], writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Strings_written_are_enumerated_back()
    {
        string[] strings = ["", "one", "zwei", "三"];

        var data = BytesElements.FromStrings(strings);

        Assert.Equal(strings.Length, BytesElements.Count(data));
        Assert.Equal(strings, Elements(data));
    }

    private static List<string> Elements(byte[] data)
    {
        var elements = new List<string>();
        foreach (var element in BytesElements.Enumerate(data))
        {
            elements.Add(Encoding.UTF8.GetString(element.Span));
        }

        return elements;
    }
}

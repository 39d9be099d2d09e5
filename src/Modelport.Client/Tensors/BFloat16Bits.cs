namespace Modelport.Client.Tensors;

/// <summary>Conversions between float and bfloat16, the upper 16 bits of its IEEE-754 form, rounding to nearest even.</summary>
internal static class BFloat16Bits
{
    public static ushort FromSingle(float value)
    {
        if (float.IsNaN(value))
        {
            return 0x7FC0;
        }

        var bits = BitConverter.SingleToUInt32Bits(value);
        return (ushort)((bits + 0x7FFFu + ((bits >> 16) & 1)) >> 16);
    }

    public static float ToSingle(ushort bits) => BitConverter.UInt32BitsToSingle((uint)bits << 16);
}

using SkiaSharp;

namespace TrialSim.Tests.Reports;

/// <summary>Decodes an image and counts what a reader would see: pixels that are not (near) white.</summary>
internal static class Pixels
{
    public static (int Width, int Height, int Ink) Count(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image) ?? throw new InvalidDataException("the image does not decode");
        int ink = 0;
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Alpha > 0 && (c.Red < 235 || c.Green < 235 || c.Blue < 235)) ink++;
            }
        return (bitmap.Width, bitmap.Height, ink);
    }

    /// <summary>Asserts the image decodes and at least 1% of its pixels carry ink (a blank or broken render has none).</summary>
    public static void AssertDrawn(byte[] image, string what)
    {
        var (width, height, ink) = Count(image);
        Assert.True(width > 100 && height > 100, $"{what}: {width}x{height} pixels");
        Assert.True(ink > width * height / 100, $"{what}: only {ink} of {width * height} pixels are not white");
    }
}

using MathNet.Numerics;

namespace TrialSim.Analyses;

/// <summary>
/// Quantile of the Beta(a, b) distribution without allocation: Newton's method on the regularized
/// incomplete beta function, kept inside a shrinking bisection bracket so it always converges.
/// </summary>
/// <remarks>MathNet's <c>Beta.InvCDF</c> allocates a closure for a root finder on every call and is
/// documented there as slow; the Clopper-Pearson interval needs two quantiles per simulated trial.</remarks>
internal static class BetaQuantile
{
    public static double Of(double a, double b, double probability)
    {
        if (probability <= 0) return 0.0;
        if (probability >= 1) return 1.0;
        double logNormalizer = SpecialFunctions.BetaLn(a, b);
        double low = 0.0, high = 1.0;
        double x = a / (a + b);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double error = SpecialFunctions.BetaRegularized(a, b, x) - probability;
            if (error == 0) return x;
            if (error > 0) high = x; else low = x;
            double density = Math.Exp((a - 1) * Math.Log(x) + (b - 1) * Math.Log(1 - x) - logNormalizer);
            double next = x - error / density;
            // Newton can leave the bracket (flat density near the ends): bisect instead.
            if (!(next > low && next < high)) next = 0.5 * (low + high);
            if (Math.Abs(next - x) <= 1e-13 * next || high - low <= 1e-13 * low) return next;
            x = next;
        }
        return x;
    }
}

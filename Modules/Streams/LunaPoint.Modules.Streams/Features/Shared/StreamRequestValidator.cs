using LunaPoint.SharedKernel.Files;
using LunaPoint.SharedKernel.Security;
using FluentValidation;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Network;

namespace LunaPoint.Modules.Streams.Features;

internal sealed class StreamRequestValidator : AbstractValidator<StreamRequest>
{
    public StreamRequestValidator(MediaRoots media, OutboundAddressPolicy network)
    {
        RuleFor(s => s.Name).NotEmpty().MaximumLength(200).NoNul();
        RuleFor(s => s.Description).MaximumLength(2000).NoNul();
        RuleFor(s => s.Type).NotEmpty().Must(t => StreamTypes.TryParse(t, out _))
            .WithMessage($"Type must be one of: {string.Join(", ", StreamTypes.Names)}.");
        RuleFor(s => s.Source).NotEmpty().MaximumLength(2048).NoNul();
        RuleFor(s => s.Source).Must((s, source) => SourceRules.Problem(s.Type, source!, media, network) is null)
            .WithMessage((s, source) => SourceRules.Problem(s.Type, source!, media, network)!)
            .When(s => !string.IsNullOrEmpty(s.Source) && !s.Source.Contains('\0') && StreamTypes.TryParse(s.Type, out _));
        RuleFor(s => s.Location!.Address).MaximumLength(500).NoNul().When(s => s.Location is not null);
        RuleFor(s => s.Location!.Latitude).InclusiveBetween(-90, 90).When(s => s.Location is not null);
        RuleFor(s => s.Location!.Longitude).InclusiveBetween(-180, 180).When(s => s.Location is not null);
        RuleFor(s => s.Settings!).SetValidator(new StreamSettingsValidator(network)).When(s => s.Settings is not null);
    }
}

internal sealed class StreamSettingsValidator : AbstractValidator<StreamSettings>
{
    public StreamSettingsValidator(OutboundAddressPolicy network)
    {
        RuleFor(s => s.MaxAnalysisFps).InclusiveBetween(0.1, 60);
        RuleFor(s => s.DetectorStep).InclusiveBetween(1, 100);
        RuleFor(s => s.MinFaceSize).InclusiveBetween(10, 2000);
        RuleFor(s => s.DetectionThreshold).InclusiveBetween(0.05, 0.99);
        RuleFor(s => s.TrackLostMs).InclusiveBetween(100, 60_000);
        RuleFor(s => s.RtspTransport).Must(t => t is "tcp" or "udp" or "auto").WithMessage("RTSP transport must be tcp, udp or auto.");
        RuleFor(s => s.WebhookUrl).Cascade(CascadeMode.Stop)
            .Must(u => !SecretMasking.HasAmbiguousUserInfo(u!)).WithMessage(SourceRules.AmbiguousUserInfo)
            .Must(u => !SecretMasking.IsOddlyWritten(u!) && Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithMessage("The webhook must be an absolute URL starting with http:// or https:// (forward slashes only).")
            .Must(u => network.IsAllowed(new Uri(u!))).WithMessage("The webhook must not point at a denied address range (LunaPoint:Network:DeniedRanges).")
            .When(s => !string.IsNullOrEmpty(s.WebhookUrl));
        RuleFor(s => s.WebhookUrl).MaximumLength(2048).NoNul();
        RuleFor(s => s.ListIds).Must(ids => ids!.Count <= 100).WithMessage("At most 100 lists.")
            .Must(ids => ids!.All(id => id != Guid.Empty)).WithMessage("List ids must not be empty.")
            .Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage("List ids must not repeat.")
            .When(s => s.ListIds is not null);
        RuleFor(s => s.Roi!).SetValidator(new RoiValidator()).When(s => s.Roi is not null);
        RuleFor(s => s.BestShot!).ChildRules(b =>
        {
            b.RuleFor(x => x.MinSize).InclusiveBetween(10, 2000);
            b.RuleFor(x => x.ProperSize).InclusiveBetween(10, 4000).GreaterThanOrEqualTo(x => x.MinSize);
            b.RuleFor(x => x.MaxYaw).InclusiveBetween(0, 90);
            b.RuleFor(x => x.MaxPitch).InclusiveBetween(0, 90);
            b.RuleFor(x => x.TimeoutMs).InclusiveBetween(100, 60000);
        }).When(s => s.BestShot is not null);
        RuleFor(s => s.Healthcheck!).ChildRules(h =>
        {
            h.RuleFor(x => x.ReconnectAttempts).InclusiveBetween(0, 1000);
            h.RuleFor(x => x.ReconnectDelayMs).InclusiveBetween(100, 600_000);
            h.RuleFor(x => x.MaxBackoffMs).InclusiveBetween(100, 3_600_000).GreaterThanOrEqualTo(x => x.ReconnectDelayMs);
            h.RuleFor(x => x.ReadTimeoutMs).InclusiveBetween(1000, 600_000);
        }).When(s => s.Healthcheck is not null);
    }
}

/// <summary>A rectangle inside the frame, or a polygon of at least three points enclosing some area.</summary>
internal sealed class RoiValidator : AbstractValidator<RegionOfInterest>
{
    private const double MinArea = 0.0001;

    public RoiValidator()
    {
        When(r => r.Points is null, () =>
        {
            RuleFor(r => r.X).NotNull().InclusiveBetween(0, 1);
            RuleFor(r => r.Y).NotNull().InclusiveBetween(0, 1);
            RuleFor(r => r.Width).NotNull().GreaterThan(0).LessThanOrEqualTo(1);
            RuleFor(r => r.Height).NotNull().GreaterThan(0).LessThanOrEqualTo(1);
            RuleFor(r => r.Width).Must((r, w) => r.X + w <= 1 + 1e-9).WithMessage("The rectangle must end inside the frame (x + width <= 1).")
                .When(r => r.X is not null && r.Width is not null);
            RuleFor(r => r.Height).Must((r, h) => r.Y + h <= 1 + 1e-9).WithMessage("The rectangle must end inside the frame (y + height <= 1).")
                .When(r => r.Y is not null && r.Height is not null);
            RuleFor(r => r).Must(r => r.Width * r.Height >= MinArea).WithName("roi").WithMessage("The rectangle is too small to hold a face.")
                .When(r => r.Width > 0 && r.Height > 0);
        });
        RuleForEach(r => r.Points).NotNull().WithMessage("A point must not be null.").When(r => r.Points is not null);
        When(r => r.Points is not null && r.Points.All(p => p is not null), () =>
        {
            RuleFor(r => r.X).Null().WithMessage("Give either a rectangle or points, not both.");
            RuleFor(r => r.Points!).Must(p => p.Count >= 3).WithMessage("A polygon needs at least three points.");
            RuleForEach(r => r.Points!).Must(p => p.X is >= 0 and <= 1 && p.Y is >= 0 and <= 1).WithMessage("Points must lie inside the frame (0..1).");
            RuleFor(r => r.Points!).Must(p => Math.Abs(Area(p)) >= MinArea).WithMessage("The polygon is degenerate: it encloses no area.")
                .When(r => r.Points!.Count >= 3);
        });
    }

    private static double Area(IReadOnlyList<RoiPoint> p) =>
        Enumerable.Range(0, p.Count).Sum(i => (p[i].X * p[(i + 1) % p.Count].Y) - (p[(i + 1) % p.Count].X * p[i].Y)) / 2;
}

internal static class StringRules
{
    /// <summary>PostgreSQL cannot store NUL in text; no user-level string needs it.</summary>
    public static IRuleBuilderOptions<T, string?> NoNul<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || !v.Contains('\0')).WithMessage("{PropertyName} must not contain a NUL character.");
}

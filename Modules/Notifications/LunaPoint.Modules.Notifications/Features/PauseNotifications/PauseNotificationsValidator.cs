using FluentValidation;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed class PauseNotificationsValidator : AbstractValidator<PauseNotifications>
{
    public PauseNotificationsValidator()
    {
        RuleFor(p => p.Minutes).InclusiveBetween(1, PauseNotifications.MaxMinutes).OverridePropertyName("minutes")
            .WithMessage($"minutes must be between 1 and {PauseNotifications.MaxMinutes} (a week), or null for until resumed.");
        RuleFor(p => p.By).NotEmpty().MaximumLength(256);
    }
}

using FluentValidation;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed class SendTestEmailValidator : AbstractValidator<SendTestEmail>
{
    public SendTestEmailValidator() =>
        RuleFor(c => c.To).NotEmpty().MaximumLength(320)
            .Must(SmtpInput.IsMailbox).WithMessage("'to' must be one e-mail address, e.g. someone@example.com.");
}

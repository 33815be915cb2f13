using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Channels.Email;
using LunaPoint.Modules.Notifications.Channels.Telegram;
using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Features;
using LunaPoint.SharedKernel.Network;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Notifications.Channels;

/// <summary>The e-mail and Telegram channels, and the SMTP settings administrators edit in the console.</summary>
internal static class EmailAndTelegramRegistration
{
    public static IHostApplicationBuilder AddEmailAndTelegram(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SmtpSettingsStore>();
        builder.Services.AddSingleton<SmtpMailer>();
        builder.Services.AddScoped<IChannelSender, EmailSender>();

        builder.Services.AddOutboundAddressPolicy(builder.Configuration);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TelegramRateLimiter>();
        // The bot token is part of every request's path: the factory's request logging would write it out.
        builder.Services.AddHttpClient(TelegramSender.HttpClientName).UseOutboundAddressPolicy().RemoveAllLoggers();
        builder.Services.AddScoped<IChannelSender, TelegramSender>();
        return builder;
    }
}

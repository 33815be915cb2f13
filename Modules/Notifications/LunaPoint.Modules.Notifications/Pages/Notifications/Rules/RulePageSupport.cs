using FluentValidation;
using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.SharedKernel.Pages;
using Mediator;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LunaPoint.Modules.Notifications.Pages.Notifications.Rules;

internal sealed record Choice(Guid Id, string Name);

/// <summary>What the new and edit pages share: the stream and list choices, and errors put on form fields.</summary>
internal static class RulePageSupport
{
    public static async Task LoadChoicesAsync(ViewDataDictionary viewData, ISender sender, CancellationToken cancellationToken)
    {
        viewData["Streams"] = (await sender.Send(new GetStreamHealth(), cancellationToken)).Select(s => new Choice(s.Id, s.Name)).OrderBy(s => s.Name).ToList();
        viewData["Lists"] = (await sender.Send(new GetWatchlistNames(), cancellationToken)).Select(l => new Choice(l.Id, l.Name)).OrderBy(l => l.Name).ToList();
    }

    /// <summary>The field in the form's words: "channels[1].recipients[2]" is "E-mail recipient on line 3".</summary>
    private static string Label(string path)
    {
        var escalation = path.StartsWith("escalation", StringComparison.Ordinal) ? "Escalation " : "";
        var item = path.LastIndexOf('[') is var open and >= 0 && path.EndsWith(']') && int.TryParse(path.AsSpan(open + 1, path.Length - open - 2), out var i) ? i + 1 : (int?)null;
        var leaf = path.Split('.')[^1].Split('[')[0];
        return leaf switch
        {
            "recipients" => $"{escalation}e-mail recipient{(item is { } r ? $" on line {r}" : "s")}",
            "chatIds" => $"{escalation}Telegram chat id{(item is { } c ? $" on line {c}" : "s")}",
            "url" => $"{escalation}webhook URL",
            "secret" => $"{escalation}webhook secret",
            _ => path,
        };
    }

    public static IReadOnlyList<Choice> Choices(ViewDataDictionary viewData, string key) => viewData[key] as IReadOnlyList<Choice> ?? [];

    /// <summary>Validation errors on the form's fields (the message names the exact item, e.g. its line); other refusals as the API says them.</summary>
    public static bool TryAddRefusal(ModelStateDictionary modelState, RuleForm form, Exception exception)
    {
        if (exception is not ValidationException validation)
        {
            return modelState.TryAddRefusal(exception);
        }

        foreach (var error in validation.Errors)
        {
            var path = string.Join('.', error.PropertyName.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
            var message = error.ErrorMessage.StartsWith(path + " ", StringComparison.Ordinal) ? error.ErrorMessage[(path.Length + 1)..] : null;
            modelState.AddModelError(form.FieldFor(path), message is null ? ModelStateErrors.ForPeople(path, error.ErrorMessage) : $"{Label(path)} {message}");
        }

        return true;
    }
}

using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LunaPoint.Modules.Auth.Pages.Shared;

/// <summary>Sets the message the <c>_Flash</c> partial shows once on the next page.</summary>
internal static class FlashMessages
{
    public const string Key = "Flash";

    public static void Flash(this ITempDataDictionary tempData, string message) => tempData[Key] = message;
}

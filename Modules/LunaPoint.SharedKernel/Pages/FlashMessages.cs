using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LunaPoint.SharedKernel.Pages;

/// <summary>
/// The one-line message after a console action (post-redirect-get): a page model calls
/// <c>TempData.Flash("Saved.")</c> and redirects; the console layout shows it once on the next page, so
/// every module's pages get the same message in the same place.
/// </summary>
public static class FlashMessages
{
    public const string Key = "Flash";

    public static void Flash(this ITempDataDictionary tempData, string message) => tempData[Key] = message;
}

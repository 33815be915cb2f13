using FluentValidation;

namespace LunaPoint.SharedKernel.Validation;

/// <summary>Rules for lists in commands, named by element so the client sees which one is wrong.</summary>
public static class CollectionRules
{
    /// <summary>
    /// Refuses null elements (<c>[null]</c>), naming each one: "streams[2] must not be null.". JSON bodies
    /// get this for collections inside objects already; a collection that is the whole body (import) or
    /// one built by code needs this rule in its validator.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, IEnumerable<TElement>?> NotNullElements<T, TElement>(
        this IRuleBuilder<T, IEnumerable<TElement>?> rule) =>
        rule.Custom((items, context) =>
        {
            var index = 0;
            foreach (var item in items ?? [])
            {
                if (item is null)
                {
                    var path = $"{context.PropertyPath}[{index}]";
                    context.AddFailure(path, $"{Camel(path)} must not be null.");
                }

                index++;
            }
        });

    private static string Camel(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}

using LunaPoint.Host;
using LunaPoint.Modules.Licensing;

if (args.FirstOrDefault() == "license")
{
    return LicensingModule.RunLicenseCli(args);
}

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.AddLunaPointHost();
builder.AddModules();

var app = builder.Build();
app.UseLunaPointHost();
app.MapModules();
app.MapLunaPointHost();
app.Run();
return 0;

/// <summary>Entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;

using LunaPoint.Host;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.AddLunaPointHost();
builder.AddModules();

var app = builder.Build();
app.UseLunaPointHost();
app.MapModules();
app.MapLunaPointHost();
app.Run();

/// <summary>Entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;

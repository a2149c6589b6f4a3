using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MoodBot.Audio.Gcs;

namespace MoodBot.Tests.Audio.Gcs;

public sealed class GcsOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new GcsOptions();

        Assert.True(new GcsOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(new GcsAccessValidator(RepoPaths.Root).Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(15), options.SignedUrlExpiry);
        Assert.Equal("https://storage.googleapis.com/storage/v1/", options.BaseUri.ToString());
    }

    [Theory]
    [InlineData("00:00:01", true)]
    [InlineData("7.00:00:00", true)]
    [InlineData("00:00:00", false)]
    [InlineData("7.00:00:01", false)]
    [InlineData("30.00:00:00", false)]
    public void Validate_SignedUrlExpiry_AllowsOneSecondToSevenDays(string expiry, bool valid)
    {
        var result = new GcsOptionsValidator().Validate(null, new GcsOptions { SignedUrlExpiry = TimeSpan.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains(result.Failures!, f => f.Contains("SignedUrlExpiry", StringComparison.Ordinal) && f.Contains("7.00:00:00", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_PageSizeOutOfRange_Fails()
    {
        Assert.True(new GcsOptionsValidator().Validate(null, new GcsOptions { ListPageSize = 0 }).Failed);
    }

    [Fact]
    public void Validate_MissingKeyFile_SaysWhichFile()
    {
        var result = new GcsAccessValidator(RepoPaths.Root).Validate(null, new GcsOptions { CredentialsPath = "secrets/nope.json" });

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Gcs:CredentialsPath", failure, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(RepoPaths.Root, "secrets", "nope.json"), failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoAccessModes_AsksForOne()
    {
        var result = new GcsAccessValidator(RepoPaths.Root).Validate(null,
            new GcsOptions { CredentialsPath = GcsReference.KeyFile, UseApplicationDefaultCredentials = true });

        Assert.Contains("Choose one", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyFileThatExists_Succeeds()
    {
        Assert.True(new GcsAccessValidator(RepoPaths.Root).Validate(null, new GcsOptions { CredentialsPath = GcsReference.KeyFile }).Succeeded);
    }

    [Fact]
    public async Task AddGcs_ExpiryOverSevenDays_HostRefusesToStart()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = RepoPaths.Root, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Gcs:SignedUrlExpiry"] = "8.00:00:00" });
        builder.AddGcs();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SignedUrlExpiry must be between 00:00:01 and 7.00:00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddGcs_NoGcsSection_StartsAndReportsUnavailable()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = RepoPaths.Root, DisableDefaults = true });
        builder.AddGcs();
        using var host = builder.Build();
        await host.StartAsync();

        var source = host.Services.GetRequiredService<GcsCatalogueSource>();

        Assert.False(await source.IsAvailableAsync(CancellationToken.None));
        await host.StopAsync();
    }

    [Fact]
    public void AddGcs_BindsTheGcsSection()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = RepoPaths.Root, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gcs:SignedUrlExpiry"] = "00:05:00",
            ["Gcs:BaseUri"] = "http://127.0.0.1:9023/storage/v1/",
            ["Gcs:ListPageSize"] = "200",
            ["Gcs:AnonymousAccess"] = "true",
        });
        builder.AddGcs();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<GcsOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), options.SignedUrlExpiry);
        Assert.Equal(new Uri("http://127.0.0.1:9023/storage/v1/"), options.BaseUri);
        Assert.Equal(200, options.ListPageSize);
        Assert.True(options.AnonymousAccess);
    }
}

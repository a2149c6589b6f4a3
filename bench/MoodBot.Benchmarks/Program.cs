using BenchmarkDotNet.Running;
using MoodBot.Benchmarks;

// `compare`, `tune`, `latency`, `train-time`, `opus-encode`, `render-speed`, `first-byte`,
// `gateway-dispatch`, `discord-interactions`, `slack-ack` and `voice-pacing` are measurements of their own (see docs/);
// anything else goes to BenchmarkDotNet, e.g. `--filter *Interpret*`.
switch (args.FirstOrDefault())
{
    case "compare":
        ModelComparison.Run(Console.Out, args[1..]);
        break;
    case "tune":
        ModelComparison.RunCustom(Console.Out, args[1..]);
        break;
    case "latency":
        LatencyProfile.Run(Console.Out);
        break;
    case "train-time":
        TrainingTime.Run(Console.Out);
        break;
    case "opus-encode":
        OpusEncodeTime.Run(Console.Out, args[1..]);
        break;
    case "render-speed":
        RenderSpeed.Run(Console.Out, args[1..]);
        break;
    case "gateway-dispatch":
        await GatewayDispatchLatency.RunAsync(Console.Out, args[1..]);
        break;
    case "first-byte":
        await FirstByteLatency.RunAsync(Console.Out);
        break;
    case "discord-interactions":
        await DiscordInteractionLatency.RunAsync(Console.Out);
        break;
    case "slack-ack":
        await SlackAckLatency.RunAsync(Console.Out, args[1..]);
        break;
    case "voice-pacing":
        await VoicePacing.RunAsync(Console.Out, args[1..]);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(InterpretBenchmarks).Assembly).Run(args);
        break;
}

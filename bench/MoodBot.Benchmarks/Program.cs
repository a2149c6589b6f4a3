using BenchmarkDotNet.Running;
using MoodBot.Benchmarks;

// `compare [filter...]` and `tune key=value...` cross-validate models; anything else goes to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "compare":
        ModelComparison.Run(Console.Out, args[1..]);
        break;
    case "tune":
        ModelComparison.RunCustom(Console.Out, args[1..]);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ModelComparison).Assembly).Run(args);
        break;
}

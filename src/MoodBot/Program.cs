using MoodBot.Cli;

// With no command this runs the bot; `ask`, `train` and `eval` are the command-line tools.
return await CommandLine.RunAsync(args, Console.Out, Console.Error);

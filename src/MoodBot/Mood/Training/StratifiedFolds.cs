namespace MoodBot.Mood.Training;

/// <summary>Assigns each example to one of k folds so that every class is spread evenly over them.</summary>
internal static class StratifiedFolds
{
    public static int[] Assign(IReadOnlyList<int> labels, int folds, int seed)
    {
        var assignment = new int[labels.Count];
        var random = new Random(seed);
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
            {
                assignment[members[k]] = k % folds;
            }
        }

        return assignment;
    }
}

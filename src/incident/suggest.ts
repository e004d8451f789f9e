/** Edit distance, for "did you mean" hints. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The closest of `choices` to `input`, if it is close enough to be a typo. */
export function closest(input: string, choices: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const choice of choices) {
    const score = distance(lower, choice.toLowerCase());
    if (score < bestScore) [best, bestScore] = [choice, score];
  }
  if (best === undefined) return undefined;
  const allowed = best.length <= 3 ? 1 : Math.max(2, Math.floor(best.length / 3));
  return bestScore <= allowed && bestScore < best.length ? best : undefined;
}

/** "did you mean `x`?" or the list of valid choices. */
export function suggestion(input: string, choices: readonly string[]): string {
  const match = closest(input, choices);
  if (match) return `did you mean \`${match}\`?`;
  return `valid: ${choices.join(', ')}`;
}

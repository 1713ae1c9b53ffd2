/** Whether an answer states a key fact: case-, dash- and space-insensitive, and a fact that
 * starts or ends with a digit must not continue into more digits ("30" is not in "130"). */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00a0\u202f]+/g, " ");
}

export function containsFact(answer: string, fact: string): boolean {
  const haystack = normalise(answer);
  const needle = normalise(fact).trim();
  if (!needle) return false;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1] ?? "";
    const after = haystack[at + needle.length] ?? "";
    const digitClash = (/\d/.test(needle[0]!) && /\d/.test(before)) || (/\d/.test(needle.at(-1)!) && /\d/.test(after));
    if (!digitClash) return true;
  }
  return false;
}

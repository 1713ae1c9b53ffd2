/** A block of code to read and copy; focusable, because keyboard users must be able to scroll it. */
export function CodeBlock({ code, testId }: { code: string; testId?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <pre class="code-box" tabIndex={0} data-testid={testId}>
      {code}
    </pre>
  );
}

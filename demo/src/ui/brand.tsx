/** The HummDesk wordmark with its inline logo (no image requests). */
export function Brand({ product }: { product: string }) {
  return (
    <span class="brand">
      <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="#2f55d4" />
        <path d="M8 10.5c0-1.4 1.1-2.5 2.5-2.5h11c1.4 0 2.5 1.1 2.5 2.5v7c0 1.4-1.1 2.5-2.5 2.5H15l-4.5 4v-4h0c-1.4 0-2.5-1.1-2.5-2.5z" fill="#fff" />
        <circle cx="12.5" cy="14" r="1.4" fill="#2f55d4" />
        <circle cx="16" cy="14" r="1.4" fill="#2f55d4" />
        <circle cx="19.5" cy="14" r="1.4" fill="#2f55d4" />
      </svg>
      HummDesk <small>{product}</small>
    </span>
  );
}

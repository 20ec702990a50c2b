/** A padlock (core's icon set has none yet): locked, published prices. Decorative; the text beside it says it. */
export function LockIcon() {
  return (
    <svg className="kk-icon hp-lock" width="1.1em" height="1.1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3" />
    </svg>
  );
}

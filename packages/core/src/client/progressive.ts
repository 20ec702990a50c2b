import { startTransition, useEffect, useState } from 'react';

/**
 * A long list rendered a screen at a time: the first `count` items at once (what fills a phone's first screen, and
 * what the server renders), then `step` more (default `count`) in each following task, as background renders. A slow
 * phone stays responsive while a board of sixty prices appears: each step adds a few rows to lay out, not the whole
 * board at once (each step's commit and layout is one task: half a screen of board rows kept it under Lighthouse's
 * 50 ms on a simulated cheap phone, a whole screen did not). Returns the items to render now. `all` renders everything
 * at once, e.g. when the user jumps to something below the list (it must not move away while the rest arrives).
 */
export function useProgressiveList<T>(items: readonly T[], count = 12, all = false, step = count): readonly T[] {
  const [shown, setShown] = useState(count);
  const complete = all || items.length <= shown;
  useEffect(() => {
    if (complete) return;
    const timer = setTimeout(() => startTransition(() => setShown((current) => current + Math.max(1, step))), 0);
    return () => clearTimeout(timer);
  }, [complete, shown, step]);
  return complete ? items : items.slice(0, shown);
}

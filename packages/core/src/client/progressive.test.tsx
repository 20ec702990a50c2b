// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useProgressiveList } from './progressive.js';

afterEach(cleanup);

const commits: number[] = [];
function List({ items, count, all, step }: { items: number[]; count?: number; all?: boolean; step?: number }) {
  const shown = useProgressiveList(items, count, all, step);
  commits.push(shown.length);
  return (
    <ul>
      {shown.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

describe('useProgressiveList', () => {
  it('renders the first screen first, then a screen more at a time until every item is there', async () => {
    commits.length = 0;
    const items = Array.from({ length: 40 }, (_, index) => index);
    await act(async () => {
      render(<List items={items} count={10} />);
    });
    expect(commits[0]).toBe(10);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(40));
    // Never more than one screen added by one render.
    const grown = [...new Set(commits)];
    expect(grown).toEqual([10, 20, 30, 40]);
  });

  it('adds the rest in smaller steps when asked', async () => {
    commits.length = 0;
    await act(async () => {
      render(<List items={Array.from({ length: 25 }, (_, index) => index)} count={12} step={6} />);
    });
    expect(commits[0]).toBe(12);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(25));
    expect([...new Set(commits)]).toEqual([12, 18, 24, 25]);
  });

  it('renders a short list whole at once', async () => {
    commits.length = 0;
    await act(async () => {
      render(<List items={[1, 2, 3]} count={10} />);
    });
    expect(commits.every((length) => length === 3)).toBe(true);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('renders everything at once when asked (a jump to what follows the list)', async () => {
    commits.length = 0;
    await act(async () => {
      render(<List items={Array.from({ length: 40 }, (_, index) => index)} count={10} all />);
    });
    expect(commits[0]).toBe(40);
  });
});

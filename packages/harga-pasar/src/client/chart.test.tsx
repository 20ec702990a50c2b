// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { chartGeometry, linearScale, linePath, niceStep, niceTicks } from './chart-scale.js';
import { PriceChart, type PriceChartLabels } from './price-chart.js';

afterEach(cleanup);

const labels: PriceChartLabels = {
  title: 'Grafik harga cabai, 30 hari',
  summary: 'Terendah Rp 40.000',
  average: 'Rata-rata kota',
  date: 'Tanggal',
  tableCaption: 'Harga cabai per tanggal',
  showTable: 'Tampilkan tabel',
  noData: 'Belum ada harga',
};

describe('scales', () => {
  it('maps a domain linearly onto a range (y inverted for SVG)', () => {
    const y = linearScale([10_000, 20_000], [200, 0]);
    expect(y(10_000)).toBe(200);
    expect(y(20_000)).toBe(0);
    expect(y(15_000)).toBe(100);
    // A flat domain lands in the middle rather than dividing by zero.
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });

  it('chooses nice steps and ticks that cover the data', () => {
    expect(niceStep(10_000, 4)).toBe(2500);
    expect(niceStep(37_000, 4)).toBe(10_000);
    const { ticks, domain } = niceTicks(41_250, 58_900, 4);
    expect(domain[0]).toBeLessThanOrEqual(41_250);
    expect(domain[1]).toBeGreaterThanOrEqual(58_900);
    expect(ticks[0]).toBe(domain[0]);
    expect(ticks.at(-1)).toBe(domain[1]);
    expect(ticks).toEqual([40_000, 45_000, 50_000, 55_000, 60_000]);
  });

  it('widens a flat series so it is drawn in the middle', () => {
    const { domain } = niceTicks(12_500, 12_500);
    expect(domain[0]).toBeLessThan(12_500);
    expect(domain[1]).toBeGreaterThan(12_500);
  });

  it('places dates on x and breaks the line over long gaps', () => {
    const geometry = chartGeometry({ from: '2025-03-01', to: '2025-03-31', series: [[{ date: '2025-03-01', price: 100 }, { date: '2025-03-31', price: 200 }]], width: 400, height: 200 });
    expect(geometry.x(0)).toBe(geometry.margin.left);
    expect(geometry.x(30)).toBe(400 - geometry.margin.right);
    expect(geometry.xTicks[0]).toBe('2025-03-01');
    expect(geometry.xTicks.at(-1)).toBe('2025-03-31');
    const path = linePath(
      [
        { date: '2025-03-01', price: 100 },
        { date: '2025-03-02', price: 150 },
        { date: '2025-03-20', price: 200 },
      ],
      geometry,
    );
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path.match(/L/g)).toHaveLength(1);
  });
});

describe('PriceChart', () => {
  const average = [
    { date: '2025-03-08', price: 40_000 },
    { date: '2025-03-09', price: 42_000 },
    { date: '2025-03-10', price: 45_500 },
  ];

  it('is an image with a name and description, and rupiah axis labels', () => {
    render(<PriceChart from="2025-03-08" to="2025-03-10" average={average} language="id" labels={labels} />);
    const image = screen.getByRole('img', { name: /Grafik harga cabai, 30 hari/ });
    expect(image.querySelector('desc')?.textContent).toBe('Terendah Rp 40.000');
    const ticks = screen.getAllByTestId('y-tick').map((tick) => tick.textContent);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick).toMatch(/^Rp \d/);
    expect(screen.getByTestId('average-line').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L/);
  });

  it('has the same numbers in a table with a caption, newest first, per market too', () => {
    render(
      <PriceChart
        from="2025-03-08"
        to="2025-03-10"
        average={average}
        markets={[{ id: 'pasar-a', name: 'Pasar Anyar', points: [{ date: '2025-03-10', price: 46_000 }] }]}
        language="id"
        labels={labels}
      />,
    );
    const table = screen.getByRole('table', { name: 'Harga cabai per tanggal' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[0]!).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Tanggal', 'Rata-rata kota', 'Pasar Anyar']);
    expect(rows[1]!.textContent?.replace(/\s/g, ' ')).toContain('Rp 45.500');
    expect(rows[1]!.textContent?.replace(/\s/g, ' ')).toContain('Rp 46.000');
    expect(rows[3]!.textContent).toContain('–');
    expect(document.querySelectorAll('path[data-market="pasar-a"]')).toHaveLength(1);
  });

  it('says so when there is no data', () => {
    render(<PriceChart from="2025-03-08" to="2025-03-10" average={[]} language="id" labels={labels} />);
    expect(screen.getByText('Belum ada harga')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

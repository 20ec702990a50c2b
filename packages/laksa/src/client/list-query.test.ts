// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { listQuery } from './home-page.js';

describe('listQuery', () => {
  it('keeps the filters the API accepts and drops values edited by hand', () => {
    const params = new URLSearchParams({ status: 'nope', stage: 'red', type: 'complaint', category: ' jalan-rusak ', kecamatan: 'Cipondoh', page: '2.7' });
    expect(listQuery(params)).toEqual({ stage: 'red', type: 'complaint', category: 'jalan-rusak', kecamatan: 'Cipondoh', page: '2', pageSize: '10' });
  });

  it('starts at page 1 and leaves paging out for the map', () => {
    expect(listQuery(new URLSearchParams({ page: '-3', status: 'resolved' }))).toEqual({ status: 'resolved', page: '1', pageSize: '10' });
    expect(listQuery(new URLSearchParams({ page: '4', stage: 'purple', category: '' }), false)).toEqual({});
  });
});

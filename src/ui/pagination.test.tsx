import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pagination } from './pagination';

const SIZES = [10, 25, 50, 100] as const;

function paging(total: number, page: number, size: (typeof SIZES)[number], onChange = vi.fn()) {
  render(<Pagination total={total} page={page} size={size} sizes={SIZES} label="Services pages" onChange={onChange} />);
  return within(screen.getByRole('navigation', { name: 'Services pages' }));
}

describe('Pagination', () => {
  it('shows no Previous, Next or “Page 1 of 1” when everything fits on the first page, and keeps the count', () => {
    const nav = paging(12, 1, 25);
    expect(nav.getByText('1–12 of 12')).toBeTruthy();
    expect(nav.queryByRole('button', { name: 'Previous' })).toBeNull();
    expect(nav.queryByRole('button', { name: 'Next' })).toBeNull();
    expect(nav.queryByText(/^Page \d+ of \d+$/)).toBeNull();
    // Fewer rows a page is still a choice: 12 rows in pages of 10 are two pages.
    expect(nav.getByRole('combobox', { name: 'Rows per page' })).toBeTruthy();
  });

  it('pages when there is more than one page', async () => {
    const onChange = vi.fn();
    const nav = paging(12, 1, 10, onChange);
    expect(nav.getByText('1–10 of 12')).toBeTruthy();
    expect(nav.getByText('Page 1 of 2')).toBeTruthy();
    expect(nav.getByRole('button', { name: 'Previous' }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(nav.getByRole('button', { name: 'Next' }));
    expect(onChange).toHaveBeenCalledWith(2, 10);
  });

  it('keeps the way back on a page past the only one (its rows gone under the user)', async () => {
    const onChange = vi.fn();
    const nav = paging(5, 2, 10, onChange);
    await userEvent.click(nav.getByRole('button', { name: 'Previous' }));
    expect(onChange).toHaveBeenCalledWith(1, 10);
  });
});

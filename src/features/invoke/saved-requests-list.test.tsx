import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { SavedRequest } from './saved-requests';
import { SavedRequestsList } from './saved-requests-list';

const request = (name: string): SavedRequest => ({ name, body: '{}', pathParams: {}, queryParams: {}, savedAt: '2026-12-06T12:00:00Z' });

function List({ initial }: { initial: string[] }) {
  const [saved, setSaved] = useState(initial.map(request));
  return (
    <SavedRequestsList
      endpointLabel="POST /embed"
      saved={saved}
      onSave={(name) => setSaved((list) => [...list.filter((r) => r.name !== name), request(name)])}
      onUse={() => {}}
      onDelete={(name) => setSaved((list) => list.filter((r) => r.name !== name))}
    />
  );
}

describe('saved requests', () => {
  it('says what a save, a use and a delete did, and keeps the focus in the list', async () => {
    const user = userEvent.setup();
    render(<List initial={['Two texts']} />);
    const name = screen.getByRole('textbox', { name: 'Request name' });

    await user.type(name, 'One text');
    await user.click(screen.getByRole('button', { name: 'Save request' }));
    expect(screen.getByRole('status').textContent).toBe('Saved “One text”.');
    // Save is disabled once the field is cleared: the field has the focus, not the page.
    expect(document.activeElement).toBe(name);

    await user.type(name, 'Two texts{Enter}');
    expect(screen.getByRole('status').textContent).toBe('Replaced the saved request “Two texts”.');
    expect(screen.getAllByRole('button', { name: /^Use saved request/ })).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Use saved request One text' }));
    expect(screen.getByRole('status').textContent).toBe('“One text” is in the form.');

    await user.click(screen.getByRole('button', { name: 'Delete saved request One text' }));
    expect(screen.getByRole('status').textContent).toBe('Deleted “One text”.');
    expect(document.activeElement).toBe(name);
  });
});

import { expect, it } from 'vitest';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() => startTestNetwork({ console: true }));
const { signIn } = consoles;

it('opens a consultation from a contact card, turns it into a request, and the other side sees it overdue', async () => {
  const officer = await signIn(consoles.italy, 'it-polfr-officer');
  await officer.getByLabel('Search', { exact: true }).fill('aissata');
  await expect.poll(() => officer.getByTestId('directory-result').count(), { timeout: 10_000 }).toBe(1);
  const card = officer.getByTestId('directory-result').first();
  await card.getByTestId('contact-consult').click();

  // The form knows whom and what about; only the message is left to write.
  expect(await officer.getByLabel('Subject').inputValue()).toBe('For Aïssata Moussa');
  await officer.getByLabel('Subject').fill('Boat departures from Agadez, November');
  await officer.getByLabel('Message').fill('Do you have an open case on this network? We may send an MLA request.');
  await officer.getByTestId('consultation-open').click();
  const thread = officer.getByTestId('consultation');
  await thread.waitFor();
  expect(await thread.getByTestId('consultation-message').count()).toBe(1);

  // Turned into a formal request to Niger's central authority, picked from the directory.
  await thread.getByTestId('request-new').click();
  await officer.getByLabel('What is asked').fill('Bank records of the organisers');
  await officer.getByLabel('Receiving authority').selectOption({ label: 'Aïssata Moussa' });
  await officer.getByLabel('Your reference').fill('IT-2026-0042');
  // An answer was needed by last January: the request is overdue from the start.
  await officer.getByLabel('Answer needed by').fill('2026-01-31');
  await officer.getByTestId('request-send').click();
  const request = thread.getByTestId('request');
  await request.waitFor();
  expect(await request.getAttribute('data-status')).toBe('sent');
  expect(await request.textContent()).toContain('to Aïssata Moussa');

  // Niger sees the thread, and the request heads its overdue list.
  const prosecutor = await signIn(consoles.niger, 'ne-ppn-officer');
  await prosecutor.getByTestId('nav-requests').click();
  await expect
    .poll(
      async () => {
        await prosecutor.getByTestId('nav-consultations').click();
        await prosecutor.getByTestId('nav-requests').click();
        return prosecutor.getByTestId('request-row').count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  const row = prosecutor.getByTestId('request-row').first();
  expect(await row.getAttribute('data-overdue')).toBe('true');
  expect(await row.getAttribute('data-direction')).toBe('received');
  expect(await prosecutor.getByTestId('overdue-count').textContent()).toBe('1 overdue');

  // The receiving side answers from the thread; Italy's history shows each step.
  await prosecutor.getByTestId('nav-consultations').click();
  await prosecutor.getByTestId('request-set-received').click();
  await prosecutor.getByTestId('request-set-answered').click();
  await expect.poll(() => prosecutor.getByTestId('request').getAttribute('data-status')).toBe('answered');
  await expect
    .poll(
      async () => {
        await officer.getByRole('button', { name: 'Refresh' }).click();
        return officer.getByTestId('request').getAttribute('data-status');
      },
      { timeout: 15_000 },
    )
    .toBe('answered');
  expect(await officer.getByTestId('request-history').locator('li').count()).toBe(4);
});

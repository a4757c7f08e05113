import { expect, it } from 'vitest';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { officersAnd, startTestNetwork } from '../support/test-network.js';

// Officers consult; formal requests are sent and answered by prosecutors and central authorities.
const consoles = useConsoleBrowsers(() =>
  startTestNetwork({
    console: true,
    users: officersAnd(
      { id: 'it-polfr-authority', name: 'Paolo Ferri', agency: 'it-polfr', roles: ['central_authority'] },
      { id: 'ne-ppn-prosecutor', name: 'Aïssata Moussa', agency: 'ne-ppn', roles: ['prosecutor'] },
    ),
  }),
);
const { signIn } = consoles;

it('opens a consultation from a contact card; the central authority turns it into a request, and the other side answers it in words', async () => {
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

  /** The request form of the thread open on `page`, filled in; `deadline` as a local date and time. */
  async function fillRequest(page: typeof officer, deadline: string) {
    await page.getByTestId('consultation').getByTestId('request-new').click();
    await page.getByLabel('What is asked').fill('Bank records of the organisers');
    await page.getByLabel('Receiving authority').selectOption({ label: 'Aïssata Moussa' });
    await page.getByLabel('Your reference').fill('IT-2026-0042');
    await page.getByLabel('Answer needed by').fill(deadline);
    await page.getByTestId('request-send').click();
  }

  // The officer may consult, not send a formal request: the node says so, naming the role.
  await fillRequest(officer, '2099-01-31T17:00');
  await officer.getByText(/only a prosecutor or a central authority sends or answers a formal request/).waitFor();
  expect(await thread.getByTestId('request').count()).toBe(0);

  // Italy's central authority sends it, from the same thread; a deadline already past is refused at its field.
  const authority = await signIn(consoles.italy, 'it-polfr-authority');
  await authority.getByTestId('nav-consultations').click();
  const theirThread = authority.getByTestId('consultation');
  await theirThread.waitFor();
  await fillRequest(authority, '2026-01-31T17:00');
  const deadlineMessage = authority.locator('[data-testid="field-error"][data-field="deadline"]');
  await deadlineMessage.waitFor();
  expect(await deadlineMessage.textContent()).toBe('must be in the future');
  await authority.getByLabel('Answer needed by').fill('2099-01-31T17:00');
  await authority.getByTestId('request-send').click();
  const request = theirThread.getByTestId('request');
  await request.waitFor();
  expect(await request.getAttribute('data-status')).toBe('sent');
  expect(await request.textContent()).toContain('to Aïssata Moussa');
  // Its clock runs: the time left is shown, not yet a warning.
  expect(await request.getByTestId('request-countdown').getAttribute('data-stage')).toBe('running');

  // Niger's prosecutor sees it in the requests list, not overdue.
  const prosecutor = await signIn(consoles.niger, 'ne-ppn-prosecutor');
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
  expect(await row.getAttribute('data-overdue')).toBe('false');
  expect(await row.getAttribute('data-direction')).toBe('received');

  // The receiving side answers from the thread, in words; Italy reads the answer and each step.
  await prosecutor.getByTestId('nav-consultations').click();
  await prosecutor.getByTestId('request-set-received').click();
  await prosecutor.getByTestId('request-set-answered').click();
  const answerMessage = prosecutor.locator('[data-testid="field-error"][data-field="answer"]');
  await answerMessage.waitFor();
  await prosecutor.getByLabel(/^Answer/).fill('Two accounts in Niamey; the statements follow through the diplomatic channel.');
  await prosecutor.getByTestId('request-set-answered').click();
  await expect.poll(() => prosecutor.getByTestId('request').getAttribute('data-status')).toBe('answered');
  await expect
    .poll(
      async () => {
        await authority.getByRole('button', { name: 'Refresh' }).click();
        return authority.getByTestId('request').getAttribute('data-status');
      },
      { timeout: 15_000 },
    )
    .toBe('answered');
  expect(await authority.getByTestId('request-answer').textContent()).toBe(
    'Answer: Two accounts in Niamey; the statements follow through the diplomatic channel.',
  );
  expect(await authority.getByTestId('request-history').locator('li').count()).toBe(4);
});

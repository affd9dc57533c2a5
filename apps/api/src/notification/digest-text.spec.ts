import { digestLine, digestMail } from './digest-text';

describe('notification digest text', () => {
  it('says what happened, with user text quoted as plain text on one line', () => {
    expect(
      digestLine({
        kind: 'MENTION',
        project: 'shop',
        payload: { actorName: 'Ada', stringKey: 'cart.title', excerpt: '<b>hi</b>\r\nSubject: x' },
      }),
    ).toBe('[shop] Ada mentioned you in the discussion of cart.title. "<b>hi</b> Subject: x"');
    expect(
      digestLine({
        kind: 'CANDIDATE_WON',
        project: null,
        payload: { stringKey: 'k', locale: 'pl' },
      }),
    ).toBe('Your translation of k (pl) won.');
  });

  it('counts what it lists and what it left out', () => {
    const mail = digestMail(
      'Vera',
      [
        {
          kind: 'ROUND_NEEDS_DECISION',
          project: 'shop',
          payload: { stringKey: 'k', locale: 'de' },
        },
      ],
      4,
    );
    expect(mail.subject).toBe('Chorus: 5 new notifications');
    expect(mail.text).toContain(
      '- [shop] The round for k (de) needs your decision.\n- … and 4 more.',
    );
  });
});

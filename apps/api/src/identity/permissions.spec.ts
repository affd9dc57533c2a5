import { isAllowed, PERMISSIONS, PROJECT_ACTIONS } from './permissions';

describe('permission table', () => {
  it('lets owners do everything', () => {
    for (const action of PROJECT_ACTIONS) {
      expect(
        isAllowed(action, {
          memberships: [{ role: 'owner', locale: '' }],
          publicProject: false,
          locale: 'de',
        }),
      ).toBe(true);
    }
  });

  it('lets anyone signed in translate and vote in a public project, but only members in a private one', () => {
    for (const action of ['translation.submit', 'vote.cast'] as const) {
      expect(isAllowed(action, { memberships: [], publicProject: true })).toBe(true);
      expect(isAllowed(action, { memberships: [], publicProject: false })).toBe(false);
      expect(
        isAllowed(action, {
          memberships: [{ role: 'translator', locale: '' }],
          publicProject: false,
        }),
      ).toBe(true);
    }
  });

  it('scopes a language manager to their locale', () => {
    const manager = {
      memberships: [{ role: 'language_manager' as const, locale: 'pl' }],
      publicProject: true,
    };
    expect(isAllowed('candidate.approve', { ...manager, locale: 'pl' })).toBe(true);
    expect(isAllowed('candidate.approve', { ...manager, locale: 'de' })).toBe(false);
    expect(isAllowed('candidate.approve', manager)).toBe(false);
    expect(isAllowed('catalogue.import', { ...manager, locale: 'pl' })).toBe(false);
  });

  it('gives a non-member nothing but the contributor actions', () => {
    const allowed = PROJECT_ACTIONS.filter((a) =>
      isAllowed(a, { memberships: [], publicProject: true, locale: 'de' }),
    );
    expect(allowed.sort()).toEqual(
      PROJECT_ACTIONS.filter((a) => PERMISSIONS[a].contributors).sort(),
    );
  });
});

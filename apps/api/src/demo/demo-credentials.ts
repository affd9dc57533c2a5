/** The account `npm start` seeds, printed by the launcher. Never created in production unless SEED_DEMO=true. */
export const DEMO_LOGIN = { email: 'demo@chorus.local', password: 'chorus-demo-password' } as const;
export const DEMO_PROJECT = { slug: 'chorus-ui', name: 'Chorus UI', sourceLocale: 'en' } as const;

/** The panel's words; an app may pass its own (`messages` option) to translate them. */
export const DEFAULT_MESSAGES = {
  panelTitle: 'Translate in context',
  close: 'Close',
  loading: 'Loading…',
  locale: 'Locale',
  source: 'Source',
  context: 'Context',
  description: 'Note',
  glossary: 'Glossary',
  candidates: 'Candidates',
  noCandidates: 'No translations proposed yet.',
  votesHidden: 'Vote to see how others voted.',
  votes: '{{up}} up, {{down}} down',
  upvote: 'Good',
  downvote: 'Bad',
  yours: 'yours',
  propose: 'Your translation',
  submit: 'Submit',
  submitted: 'Submitted: shown in the page as a preview until the vote decides.',
  voted: 'Vote saved.',
  sourceLocale: 'The app shows the source language; switch it to a target language to translate.',
  locked: 'A language manager locked this string.',
  notInChorus: 'Chorus has no string "{{key}}" in namespace "{{ns}}".',
  signInTitle: 'Sign in to Chorus to translate in context',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  active: 'In-context translation: Alt+click a text',
  failed: 'Chorus refused: {{message}}',
  uploadScreenshot: 'Upload screenshot of this screen',
  screenshotWorking: 'Taking the screenshot…',
  screenshotUploaded: 'Screenshot uploaded with {{regions}} key positions.',
} as const;

export type Messages = { readonly [K in keyof typeof DEFAULT_MESSAGES]: string };

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/**
 * The namespace that holds one source string per glossary term, so term translations are proposed,
 * voted on and decided by the same candidate/vote/round machinery as strings. Its name cannot be
 * taken by a catalogue (namespace names start with a letter or digit), and bundles, the work queue,
 * string lists and progress leave it out.
 */
export const GLOSSARY_NAMESPACE = '$glossary';

/** SQL condition "the source string `alias` is not a glossary term" (no parameters). */
export function notGlossarySql(alias: string): string {
  return `NOT EXISTS (SELECT 1 FROM namespace gn WHERE gn.id = ${alias}.namespace_id AND gn.name = '${GLOSSARY_NAMESPACE}')`;
}

/** Ends an exhaustive switch: the compiler proves the value is `never`. */
export function assertNever(value: never, context = 'value'): never {
  throw new Error(`Unexpected ${context}: ${JSON.stringify(value)}`);
}

/**
 * {{project_name}}: {{description}}
 */

/** Returns a friendly greeting for `name`. */
export function greet(name = "world"): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) {
    throw new RangeError("name must not be empty");
  }
  return `Hello, ${trimmed}!`;
}

/** Adds up a list of numbers; the sum of no numbers is 0. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

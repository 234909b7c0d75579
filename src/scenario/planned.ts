import { plannedText } from "./messages.js";

/**
 * Fields of the DESIGN.md scenario format that this version does not model yet, by generic path
 * (array indexes written `[]`), with the issue that plans them. They get a specific message instead
 * of "no such field", so that a scenario written for the full format says what is missing and why.
 */
const PLANNED_FIELDS: Readonly<Record<string, number>> = {};

/** Values of the full format that this version does not model yet, by generic path and value. */
const PLANNED_VALUES: Readonly<Record<string, Readonly<Record<string, number>>>> = {};

/** `functions[0].duration` → `functions[].duration`: the path with its indexes erased. */
export function genericPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? "[]" : out === "" ? String(key) : `.${String(key)}`;
  return out;
}

/** The `allowed` text for an unknown field that a later version will model, or undefined. */
export function plannedFieldText(path: ReadonlyArray<PropertyKey>): string | undefined {
  // Own keys only: `constructor` or `toString` is an unknown field, not Object.prototype's.
  const key = genericPath(path);
  return Object.hasOwn(PLANNED_FIELDS, key) ? plannedText(PLANNED_FIELDS[key]!) : undefined;
}

/**
 * The `allowed` text for a value that a later version will accept, or undefined: what is accepted
 * now (`nowAllowed`), then why this value is not.
 */
export function plannedValueText(path: ReadonlyArray<PropertyKey>, value: unknown, nowAllowed: string): string | undefined {
  const key = genericPath(path);
  const values = Object.hasOwn(PLANNED_VALUES, key) ? PLANNED_VALUES[key] : undefined;
  if (values === undefined || typeof value !== "string" || !Object.hasOwn(values, value)) return undefined;
  return `${nowAllowed}; ${JSON.stringify(value)} is ${plannedText(values[value]!)}`;
}

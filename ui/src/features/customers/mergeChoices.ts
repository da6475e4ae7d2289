// The fields staff choose between when merging two customers (the store's
// MERGE_FIELDS), read from the profiles, and which side each takes by default:
// the kept customer's value, unless it is empty and the other has one.
import type { CustomerProfile } from "../../lib/bindings";

export const FIELDS = ["first_name", "middle_name", "last_name", "company", "email", "language", "country", "birthday"] as const;
export type Field = (typeof FIELDS)[number];
export type Side = "left" | "right";

export function valueOf(p: CustomerProfile, f: Field): string {
  const v = {
    first_name: p.firstName,
    middle_name: p.middleName,
    last_name: p.lastName,
    company: p.company,
    email: p.email,
    language: p.language,
    country: p.country,
    birthday: p.birthday,
  }[f];
  return v ?? "";
}

export function defaultChoices(left: CustomerProfile, right: CustomerProfile, kept: Side): Record<Field, Side> {
  const other: Side = kept === "left" ? "right" : "left";
  const keptP = kept === "left" ? left : right;
  const otherP = kept === "left" ? right : left;
  const out = {} as Record<Field, Side>;
  for (const f of FIELDS) out[f] = !valueOf(keptP, f) && valueOf(otherP, f) ? other : kept;
  return out;
}

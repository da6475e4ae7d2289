// What an audit entry's detail says, in one line: an edited field (or a
// setting's key) as "field: before → after", an erased entry as a marker, anything else as its
// keys and values. The detail is JSON text written by the store.
export type Change = { field: string; from: string; to: string } | { text: string } | { erased: true };

function shown(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.length ? v.map(shown).join(", ") : "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export function describeChange(detail: string): Change {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return { text: detail };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { text: shown(parsed) };
  const o = parsed as Record<string, unknown>;
  if (o.erased === true) return { erased: true };
  // A profile's field, or a setting's key, with its value before and after.
  const field = typeof o.field === "string" ? o.field : typeof o.key === "string" ? o.key : null;
  if (field !== null && ("from" in o || "to" in o)) {
    return { field, from: shown(o.from), to: shown(o.to) };
  }
  const parts = Object.entries(o)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${shown(v)}`);
  return { text: parts.join(" · ") };
}

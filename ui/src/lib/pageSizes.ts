// The page sizes slips are printed on, in menu order: the generated PageSize
// type's values, every one of them (a size missing here does not compile).
import type { PageSize } from "./bindings";

export const PAGE_SIZES = ["a4", "letter", "a6", "label4x6"] as const satisfies readonly PageSize[];

type Missing = Exclude<PageSize, (typeof PAGE_SIZES)[number]>;
export const EVERY_PAGE_SIZE_LISTED: [Missing] extends [never] ? true : never = true;

/** The size a setting names when it is one we know, else A4. */
export function initialSize(setting: string): PageSize {
  return (PAGE_SIZES as readonly string[]).includes(setting) ? (setting as PageSize) : "a4";
}

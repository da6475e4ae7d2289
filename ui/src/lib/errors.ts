// An error from the Rust side in the UI's language: the code's message from the
// catalogue, filled with the error's parameters; the English message when the
// catalogue has no words for the code.
import { derived } from "svelte/store";
import { _ } from "svelte-i18n";
import type { AppError } from "./bindings";

export const errorText = derived(_, (format) => (error: AppError): string => {
  const key = `errors.${error.code}`;
  const text = format(key, { values: error.params ?? {}, default: error.message });
  return text === key ? error.message : text;
});

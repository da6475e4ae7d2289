// The UI's one door to the Rust side. Screens call `backend()`; the Tauri
// implementation below is the only code that imports @tauri-apps/api, and tests
// install a fake with `setBackend`.
import { invoke } from "@tauri-apps/api/core";
import type {
  AppError,
  AppInfo,
  CustomerEdit,
  CustomerListItem,
  CustomerPage,
  CustomerProfile,
  DemoLoaded,
  Settings,
} from "./bindings";

export interface Backend {
  appInfo(): Promise<AppInfo>;
  listCustomers(offset: number, limit: number): Promise<CustomerPage>;
  searchCustomers(query: string, limit: number): Promise<CustomerListItem[]>;
  customerProfile(id: number): Promise<CustomerProfile>;
  editCustomer(id: number, edit: CustomerEdit): Promise<CustomerProfile>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  loadDemoShop(): Promise<DemoLoaded>;
}

export function isAppError(e: unknown): e is AppError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as AppError).code === "string" &&
    typeof (e as AppError).message === "string"
  );
}

/** Any thrown value as `{ code, message }`. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  return { code: "app.unexpected", message: e instanceof Error ? e.message : String(e) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

export const tauriBackend: Backend = {
  appInfo: () => call("app_info"),
  listCustomers: (offset, limit) => call("list_customers", { offset, limit }),
  searchCustomers: (query, limit) => call("search_customers", { query, limit }),
  customerProfile: (id) => call("customer_profile", { id }),
  editCustomer: (id, edit) => call("edit_customer", { id, edit }),
  getSettings: () => call("get_settings"),
  saveSettings: (settings) => call("save_settings", { settings }),
  loadDemoShop: () => call("load_demo_shop"),
};

let current: Backend = tauriBackend;

export function backend(): Backend {
  return current;
}

export function setBackend(b: Backend): void {
  current = b;
}

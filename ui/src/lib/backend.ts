// The UI's one door to the Rust side. Screens call `backend()`; the Tauri
// implementation below is the only code that imports @tauri-apps/api, and tests
// install a fake with `setBackend`.
import { Channel, invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type {
  AppError,
  AppInfo,
  AttemptInput,
  AttemptResult,
  BackupFile,
  BackupInfo,
  BackupsOverview,
  CallCard,
  CallListItem,
  CallPolicy,
  CallScripts,
  CardTemplate,
  CardView,
  ColumnMapping,
  CopiedTable,
  CustomerEdit,
  CustomerListItem,
  CustomerOccasion,
  CustomerPage,
  CustomerProfile,
  DatabaseSetup,
  DemoLoaded,
  DuplicateList,
  ErasurePreview,
  GiftInput,
  GiftPlan,
  GiftPlanCounts,
  GiftPolicy,
  GiftView,
  HistoryFilter,
  HistoryPage,
  ImportProgress,
  ImportRun,
  MappingFields,
  MergeRequest,
  MergeView,
  Money,
  NewShop,
  SecretsKept,
  ServerContents,
  ShopIdentity,
  ShopMoved,
  ShopSecrets,
  ShopsOverview,
  SyncProgress,
  SyncStatus,
  OrderGiftPlan,
  Packed,
  Preview,
  Restored,
  RowProblem,
  ScanResult,
  Settings,
  SlipFilter,
  SlipOrder,
  SlipsDone,
  SystemPrinter,
} from "./bindings";

export interface Backend {
  appInfo(): Promise<AppInfo>;
  startupPainted(screen: string): Promise<void>;
  listCustomers(offset: number, limit: number): Promise<CustomerPage>;
  searchCustomers(query: string, limit: number): Promise<CustomerListItem[]>;
  customerProfile(id: number): Promise<CustomerProfile>;
  editCustomer(id: number, edit: CustomerEdit): Promise<CustomerProfile>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  loadDemoShop(): Promise<DemoLoaded>;
  startupImportPath(): Promise<string | null>;
  pickImportFile(): Promise<string | null>;
  previewImport(path: string, mapping?: ColumnMapping | null): Promise<Preview>;
  mappingFields(): Promise<MappingFields>;
  runImport(path: string, mapping: ColumnMapping | null, onProgress: (p: ImportProgress) => void): Promise<ImportRun>;
  cancelImport(): Promise<void>;
  importProblems(runId: number): Promise<RowProblem[]>;
  saveImportProblems(runId: number): Promise<string | null>;
  /** Calls `handler` with the path of each file dropped on the window; returns the unsubscribe. */
  onFileDropped(handler: (path: string) => void): Promise<() => void>;
  /** The system's print queues. */
  listPrinters(): Promise<SystemPrinter[]>;
  /** The shipping methods the orders use, most used first. */
  shippingMethods(): Promise<string[]>;
  /** The orders a batch of slips takes, in batch order. */
  slipBatch(filter: SlipFilter): Promise<SlipOrder[]>;
  /** Prints the batch on `printer` (`null`: the desk's or the system default) in `size` (`null`: the settings'). */
  printSlipBatch(filter: SlipFilter, size: string | null, printer: string | null): Promise<SlipsDone>;
  /** Saves the batch as one PDF through a save dialog; `null` when the dialog was cancelled. */
  saveSlipBatch(filter: SlipFilter, size: string | null): Promise<SlipsDone | null>;
  /** What a scanned or typed code is: an order number, a SKU, or neither. */
  dispatchScan(code: string): Promise<ScanResult>;
  /** Marks an order packed and prints its slip if none was printed yet. */
  dispatchPack(orderId: number): Promise<Packed>;
  /** Lets the person pick a PNG or JPEG logo for the slips; `false` when the dialog was cancelled. */
  chooseShopLogo(): Promise<boolean>;
  clearShopLogo(): Promise<void>;
  /** The logo's size in bytes, `null` when there is none. */
  shopLogoSize(): Promise<number | null>;
  /** Refreshes the call queue, then lists up to `limit` calls to make now. */
  callsToday(limit: number): Promise<CallListItem[]>;
  /** The call screen's card: the call, the customer and the script. */
  callCard(callId: number): Promise<CallCard>;
  /** Records one attempt on a call; the policy decides what follows. */
  claimCall(callId: number): Promise<void>;
  releaseCall(callId: number): Promise<void>;
  recordCall(callId: number, attempt: AttemptInput): Promise<AttemptResult>;
  callPolicy(): Promise<CallPolicy>;
  /** Saves the policy and refreshes the queue under it. */
  saveCallPolicy(policy: CallPolicy): Promise<CallPolicy>;
  callScripts(): Promise<CallScripts>;
  saveCallScripts(scripts: CallScripts): Promise<CallScripts>;
  /** Queues a call to a customer by hand; returns its id. */
  planCall(customerId: number, dueAt: string): Promise<number>;
  /** Customers' birthdays and name days from today to `days` days ahead. */
  comingOccasions(days: number): Promise<CustomerOccasion[]>;
  /** The gift catalogue with stock, planned units and low-stock flags. */
  giftsList(): Promise<GiftView[]>;
  addGift(gift: GiftInput): Promise<GiftView>;
  updateGift(id: number, gift: GiftInput): Promise<GiftView>;
  giftPolicy(): Promise<GiftPolicy>;
  /** Saves the gift rules, then plans gifts for the new orders under them. */
  saveGiftPolicy(policy: GiftPolicy): Promise<GiftPolicy>;
  /** What this month's gifts cost so far, per currency. */
  giftSpending(): Promise<Money[]>;
  /** Plans gifts for the new paid orders now. */
  planGifts(): Promise<GiftPlanCounts>;
  /** What an order would get under `policy` (the saved one when null), and why. Saves nothing. */
  previewGifts(orderId: number, policy: GiftPolicy | null): Promise<GiftPlan>;
  /** A customer's gifts, planned and past, with their cards. */
  customerGifts(customerId: number): Promise<OrderGiftPlan[]>;
  /** Plans a gift for an order chosen by hand (the "manual" rule applies); its plan afterwards. */
  planGiftForOrder(orderId: number): Promise<OrderGiftPlan | null>;
  /** The order's gift plan (gifts and card for the parcel), if any. */
  orderGiftPlan(orderId: number): Promise<OrderGiftPlan | null>;
  cardsToWrite(): Promise<CardView[]>;
  editCardText(cardId: number, text: string): Promise<CardView>;
  markCardWritten(cardId: number): Promise<CardView>;
  /** Every card template, the owner's where saved, else the shipped one. */
  cardTemplates(): Promise<CardTemplate[]>;
  /** Saves one template (an empty text goes back to the shipped one). */
  saveCardTemplate(template: CardTemplate): Promise<CardTemplate>;
  /** Saves the card-text sheet as a PDF through a save dialog; the path, or `null` when cancelled. */
  saveCardSheet(): Promise<string | null>;
  /** Prints the card-text sheet on `printer` (`null`: the desk's or the system default); the printer used. */
  printCardSheet(printer: string | null): Promise<string>;
  shopsOverview(): Promise<ShopsOverview>;
  addShop(shop: NewShop): Promise<ShopsOverview>;
  removeShop(name: string): Promise<ShopsOverview>;
  setShopSecrets(name: string, secrets: ShopSecrets): Promise<void>;
  testShop(name: string): Promise<ShopIdentity>;
  syncNow(name: string | null, wholeShop: boolean): Promise<void>;
  cancelSync(): Promise<void>;
  syncStatus(): Promise<SyncStatus>;
  onSyncProgress(handler: (p: SyncProgress) => void): Promise<() => void>;
  onSyncStatus(handler: (s: SyncStatus) => void): Promise<() => void>;
  /** Another desk (or this one) changed these tables (`*`: not known which). */
  onDbChanged(handler: (tables: string[]) => void): Promise<() => void>;
  /** The shared database became unreachable (`false`) or reachable again (`true`). */
  onDbStatus(handler: (reachable: boolean) => void): Promise<() => void>;
  databaseSetup(): Promise<DatabaseSetup>;
  checkDatabaseServer(url: string, password: string): Promise<ServerContents>;
  useDatabaseServer(url: string, password: string): Promise<SecretsKept>;
  moveShopToServer(url: string, password: string): Promise<ShopMoved>;
  onDatabaseMoveProgress(handler: (t: CopiedTable) => void): Promise<() => void>;
  useOwnDatabaseFile(): Promise<void>;
  restartApp(): Promise<void>;
  backupsOverview(): Promise<BackupsOverview>;
  backUpNow(): Promise<BackupInfo>;
  pickBackupFile(): Promise<BackupFile | null>;
  restoreBackup(file: string): Promise<Restored>;
  /** Lets the person pick this desk's backups folder (a synced or external drive). */
  chooseBackupFolder(): Promise<BackupsOverview>;
  /** Backups go beside the database again. */
  resetBackupFolder(): Promise<BackupsOverview>;
  /** Saves everything about a customer as JSON through a save dialog; the file, or `null` when cancelled. */
  exportCustomer(id: number): Promise<string | null>;
  /** What erasing a customer takes away and keeps. */
  erasurePreview(id: number): Promise<ErasurePreview>;
  eraseCustomer(id: number): Promise<ErasurePreview>;
  /** Likely duplicate customers, best first (the first `limit` pairs). */
  duplicateCustomers(limit: number): Promise<DuplicateList>;
  /** Remembers that two customers are different people. */
  dismissDuplicate(a: number, b: number): Promise<void>;
  /** Merges two customers (a backup is taken first). */
  mergeCustomers(request: MergeRequest): Promise<MergeView>;
  lastMerge(): Promise<MergeView | null>;
  undoLastMerge(): Promise<MergeView>;
  /** A page of the audit log, newest first. */
  history(filter: HistoryFilter, limit: number): Promise<HistoryPage>;
  /** The window's title (as the taskbar shows it). */
  setWindowTitle(title: string): Promise<void>;
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
  const message = e instanceof Error ? e.message : String(e);
  return { code: "app.unexpected", message, params: { reason: message } };
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
  startupPainted: (screen) => call("startup_painted", { screen }),
  listCustomers: (offset, limit) => call("list_customers", { offset, limit }),
  searchCustomers: (query, limit) => call("search_customers", { query, limit }),
  customerProfile: (id) => call("customer_profile", { id }),
  editCustomer: (id, edit) => call("edit_customer", { id, edit }),
  getSettings: () => call("get_settings"),
  saveSettings: (settings) => call("save_settings", { settings }),
  loadDemoShop: () => call("load_demo_shop"),
  startupImportPath: () => call("startup_import_path"),
  pickImportFile: () => call("pick_import_file"),
  previewImport: (path, mapping) => call("preview_import", { path, mapping: mapping ?? null }),
  mappingFields: () => call("mapping_fields_list"),
  runImport: (path, mapping, onProgress) => {
    const channel = new Channel<ImportProgress>();
    channel.onmessage = onProgress;
    return call("run_import", { path, mapping, onProgress: channel });
  },
  cancelImport: () => call("cancel_import"),
  importProblems: (runId) => call("import_problems", { runId }),
  saveImportProblems: (runId) => call("save_import_problems", { runId }),
  onFileDropped: (handler) => listen<string>("file-dropped", (e) => handler(e.payload)),
  listPrinters: () => call("list_printers"),
  shippingMethods: () => call("shipping_methods"),
  slipBatch: (filter) => call("slip_batch", { filter }),
  printSlipBatch: (filter, size, printer) => call("print_slip_batch", { filter, size, printer }),
  saveSlipBatch: (filter, size) => call("save_slip_batch", { filter, size }),
  dispatchScan: (code) => call("dispatch_scan", { code }),
  dispatchPack: (orderId) => call("dispatch_pack", { orderId }),
  chooseShopLogo: () => call("choose_shop_logo"),
  clearShopLogo: () => call("clear_shop_logo"),
  shopLogoSize: () => call("shop_logo_size"),
  callsToday: (limit) => call("calls_today", { limit }),
  callCard: (callId) => call("call_card", { callId }),
  claimCall: (callId) => call("claim_call", { callId }),
  releaseCall: (callId) => call("release_call", { callId }),
  recordCall: (callId, attempt) => call("record_call", { callId, attempt }),
  callPolicy: () => call("call_policy"),
  saveCallPolicy: (policy) => call("save_call_policy", { policy }),
  callScripts: () => call("call_scripts"),
  saveCallScripts: (scripts) => call("save_call_scripts", { scripts }),
  planCall: (customerId, dueAt) => call("plan_call", { customerId, dueAt }),
  comingOccasions: (days) => call("coming_occasions", { days }),
  giftsList: () => call("gifts_list"),
  addGift: (gift) => call("add_gift", { gift }),
  updateGift: (id, gift) => call("update_gift", { id, gift }),
  giftPolicy: () => call("gift_policy"),
  saveGiftPolicy: (policy) => call("save_gift_policy", { policy }),
  planGifts: () => call("plan_gifts"),
  giftSpending: () => call("gift_spending"),
  previewGifts: (orderId, policy) => call("preview_gifts", { orderId, policy }),
  customerGifts: (customerId) => call("customer_gifts", { customerId }),
  orderGiftPlan: (orderId) => call("order_gift_plan", { orderId }),
  planGiftForOrder: (orderId) => call("plan_gift_for_order", { orderId }),
  cardsToWrite: () => call("cards_to_write"),
  editCardText: (cardId, text) => call("edit_card_text", { cardId, text }),
  markCardWritten: (cardId) => call("mark_card_written", { cardId }),
  cardTemplates: () => call("card_templates"),
  saveCardTemplate: (template) => call("save_card_template", { template }),
  saveCardSheet: () => call("save_card_sheet"),
  printCardSheet: (printer) => call("print_card_sheet", { printer }),
  shopsOverview: () => call("shops_overview"),
  addShop: (shop) => call("add_shop", { shop }),
  removeShop: (name) => call("remove_shop", { name }),
  setShopSecrets: (name, secrets) => call("set_shop_secrets", { name, secrets }),
  testShop: (name) => call("test_shop", { name }),
  syncNow: (name, wholeShop) => call("sync_now", { name, wholeShop }),
  cancelSync: () => call("cancel_sync"),
  syncStatus: () => call("sync_status"),
  onSyncProgress: (handler) => listen<SyncProgress>("sync-progress", (e) => handler(e.payload)),
  onSyncStatus: (handler) => listen<SyncStatus>("sync-status", (e) => handler(e.payload)),
  onDbChanged: (handler) => listen<string[]>("db-changed", (e) => handler(e.payload)),
  onDbStatus: (handler) => listen<boolean>("db-status", (e) => handler(e.payload)),
  databaseSetup: () => call("database_setup"),
  checkDatabaseServer: (url, password) => call("check_database_server", { url, password }),
  useDatabaseServer: (url, password) => call("use_database_server", { url, password }),
  moveShopToServer: (url, password) => call("move_shop_to_server", { url, password }),
  onDatabaseMoveProgress: (handler) => listen<CopiedTable>("database-move-progress", (e) => handler(e.payload)),
  useOwnDatabaseFile: () => call("use_own_database_file"),
  restartApp: () => call("restart_app"),
  backupsOverview: () => call("backups_overview"),
  backUpNow: () => call("back_up_now"),
  pickBackupFile: () => call("pick_backup_file"),
  restoreBackup: (file) => call("restore_backup", { file }),
  chooseBackupFolder: () => call("choose_backup_folder"),
  resetBackupFolder: () => call("reset_backup_folder"),
  exportCustomer: (id) => call("export_customer", { id }),
  erasurePreview: (id) => call("erasure_preview", { id }),
  eraseCustomer: (id) => call("erase_customer", { id }),
  duplicateCustomers: (limit) => call("duplicate_customers", { limit }),
  dismissDuplicate: (a, b) => call("dismiss_duplicate", { a, b }),
  mergeCustomers: (request) => call("merge_customers", { request }),
  lastMerge: () => call("last_merge"),
  undoLastMerge: () => call("undo_last_merge"),
  history: (filter, limit) => call("history", { filter, limit }),
  // The window plugin's own command, called as `getCurrentWindow().setTitle`
  // would: that module's other 80 kB of window API would load with every start.
  setWindowTitle: (title) => invoke("plugin:window|set_title", { label: "main", value: title }),
};

let current: Backend = tauriBackend;

export function backend(): Backend {
  return current;
}

export function setBackend(b: Backend): void {
  current = b;
}

// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit;
// run scripts/bindings.sh.

export type Money = { 
/**
 * The amount in the currency's minor unit, e.g. 1999 for 19.99 PLN.
 */
minor: number, 
/**
 * ISO 4217 code.
 */
currency: string, };

export type Language = "en" | "pl" | "ru" | "fi";

export type OrderStatus = "open" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";

export type CustomerListItem = { 
/**
 * Database id.
 */
id: number, 
/**
 * Name in its culture's order (or the company).
 */
displayName: string, 
/**
 * Avatar initials.
 */
initials: string, 
/**
 * E-mail.
 */
email: string | null, 
/**
 * Primary phone as typed.
 */
phone: string | null, 
/**
 * ISO alpha-2.
 */
country: string | null, 
/**
 * City of the first address.
 */
city: string | null, 
/**
 * Orders that count as purchases.
 */
orderCount: number, 
/**
 * UTC, ISO 8601.
 */
lastOrderAt: string | null, 
/**
 * Never call.
 */
doNotCall: boolean, };

export type CustomerPage = { 
/**
 * How many customers there are in all.
 */
total: number, 
/**
 * Index of the first item.
 */
offset: number, 
/**
 * The items.
 */
items: Array<CustomerListItem>, };

export type PhoneView = { 
/**
 * As typed.
 */
raw: string, 
/**
 * E.164 when valid; the `tel:` link uses it.
 */
e164: string | null, 
/**
 * mobile, home, work, other.
 */
kind: string, };

export type ConsentView = { 
/**
 * email, sms, phone, post.
 */
channel: string, 
/**
 * Given, withdrawn, or never recorded.
 */
granted: boolean | null, 
/**
 * When, UTC.
 */
at: string | null, 
/**
 * Where it was recorded.
 */
source: string | null, };

export type AddressView = { 
/**
 * shipping or billing.
 */
kind: string, 
/**
 * Lines in the destination country's order.
 */
lines: Array<string>, 
/**
 * ISO alpha-2.
 */
country: string, };

export type CustomerProfile = { 
/**
 * Database id.
 */
id: number, 
/**
 * Given name.
 */
firstName: string, 
/**
 * Middle name or patronymic.
 */
middleName: string, 
/**
 * Family name.
 */
lastName: string, 
/**
 * Company.
 */
company: string, 
/**
 * Name in its culture's order.
 */
displayName: string, 
/**
 * How to address the customer ("Иван Петрович", "Anna").
 */
addressForm: string, 
/**
 * Avatar initials.
 */
initials: string, 
/**
 * E-mail.
 */
email: string | null, 
/**
 * Phones, primary first.
 */
phones: Array<PhoneView>, 
/**
 * Language for customer-facing texts.
 */
language: Language | null, 
/**
 * ISO alpha-2.
 */
country: string | null, 
/**
 * YYYY-MM-DD.
 */
birthday: string | null, 
/**
 * Staff notes.
 */
notes: string, 
/**
 * Tags, sorted.
 */
tags: Array<string>, 
/**
 * Never call.
 */
doNotCall: boolean, 
/**
 * One per channel (email, sms, phone, post).
 */
consents: Array<ConsentView>, 
/**
 * Addresses.
 */
addresses: Array<AddressView>, 
/**
 * `source:id` pairs.
 */
externalIds: Array<string>, 
/**
 * UTC.
 */
createdAt: string, 
/**
 * UTC.
 */
updatedAt: string, 
/**
 * Lifetime spend per currency (purchases only), before refunds.
 */
spent: Array<Money>, 
/**
 * What was paid back on those purchases, per currency (partial refunds;
 * an order refunded in full is no purchase). Net spend is `spent` less this.
 */
refunded: Array<Money>, 
/**
 * Orders that count as purchases.
 */
orderCount: number, 
/**
 * Order history, newest first.
 */
orders: Array<OrderView>, 
/**
 * Calls: open ones first, then the rest, newest first.
 */
calls: Array<CallView>, };

export type ConsentEdit = { 
/**
 * email, sms, phone, post.
 */
channel: string, 
/**
 * Given or withdrawn.
 */
granted: boolean, };

export type CustomerEdit = { 
/**
 * New notes.
 */
notes?: string, 
/**
 * New tag set.
 */
tags?: Array<string>, 
/**
 * New do-not-call flag.
 */
doNotCall?: boolean, 
/**
 * Consent changes.
 */
consents?: Array<ConsentEdit>, 
/**
 * The same fields as they were when the editing began (the profile on
 * screen). A field changed meanwhile by someone else, to another value
 * than this edit's, is refused as [`StoreError::CustomerChanged`] instead
 * of overwritten. Absent: no check (the CLI, imports).
 */
seen?: CustomerEdit, };

export type OrderLineView = { 
/**
 * Stock keeping unit.
 */
sku: string, 
/**
 * Product name.
 */
name: string, 
/**
 * Variant.
 */
variant: string, 
/**
 * Quantity.
 */
quantity: number, 
/**
 * Price of one.
 */
unitPrice: Money, 
/**
 * Price times quantity.
 */
lineTotal: Money, 
/**
 * Where the product sits, when the catalogue knows it.
 */
binLocation: string | null, };

export type OrderView = { 
/**
 * Database id.
 */
id: number, 
/**
 * Shown number, e.g. `#1001`.
 */
number: string, 
/**
 * Where it came from.
 */
source: string, 
/**
 * Status.
 */
status: OrderStatus, 
/**
 * UTC, ISO 8601.
 */
placedAt: string, 
/**
 * UTC, ISO 8601.
 */
deliveredAt: string | null, 
/**
 * What the customer paid.
 */
total: Money, 
/**
 * What was paid back (all of the total when the status is refunded).
 */
refunded: Money, 
/**
 * Shipping charged.
 */
shipping: Money, 
/**
 * Shipping method.
 */
shippingMethod: string, 
/**
 * City and country shipped to.
 */
shipTo: string, 
/**
 * The customer's note.
 */
customerNote: string, 
/**
 * The gift message.
 */
giftMessage: string, 
/**
 * Lines in order.
 */
lines: Array<OrderLineView>, };

export type Settings = { 
/**
 * The UI language; `null` follows the system.
 */
uiLanguage: Language | null, 
/**
 * The shop's name on slips and cards.
 */
shopName: string, 
/**
 * ISO alpha-2 region for phone numbers written without a country prefix,
 * and the shop's own country for addresses.
 */
shopCountry: string, 
/**
 * The shop's return address as printed on slips, one line per line.
 */
shopAddress: string, 
/**
 * The slip page size.
 */
slipSize: PageSize, 
/**
 * Whether slips show prices (never on orders with a gift message).
 */
slipPrices: boolean, 
/**
 * The dispatch desk's printer; `null` prints to the system default.
 */
deskPrinter: string | null, 
/**
 * The name of the person at this computer, as callers introduce
 * themselves and as calls record who made them; empty: the system user.
 */
staffName: string, 
/**
 * Minutes between the app's syncs with the shops; 0: only on "Sync now".
 */
syncEveryMinutes: number, };

export type PageSize = "a4" | "letter" | "a6" | "label4x6";

export type ErrorCode = "db.not_a_database" | "db.too_new" | "db.migration_failed" | "db.io" | "db.sqlite" | "db.unreachable" | "db.not_empty" | "not_found" | "invalid" | "call.claimed" | "call.closed" | "customer.changed" | "dispatch.already_packed" | "dispatch.not_to_be_packed" | "import.not_text" | "import.empty" | "import.no_rows" | "import.unknown_format" | "import.missing_columns" | "import.malformed" | "import.unknown_json" | "import.needs_mapping" | "import.mapping_incomplete" | "import.io" | "slips.no_orders" | "slips.io" | "print.no_printer" | "print.failed" | "slip.no_slips" | "slip.no_cards" | "slip.empty_order_number" | "slip.order_number_not_encodable" | "slip.order_number_too_long" | "slip.bad_logo" | "slip.pdf" | "slip.font" | "cards.none" | "file.write" | "settings.io" | "shop.name_taken" | "shop.not_found" | "shop.bad_address" | "shop.insecure" | "shop.unreachable" | "shop.server_error" | "shop.unauthorized" | "shop.scope_missing" | "shop.not_permitted" | "shop.refused" | "shop.not_a_shop" | "shop.bad_page" | "shop.throttled" | "shop.bulk_failed" | "shop.busy" | "shop.no_secret" | "shop.keychain" | "shop.interrupted" | "app.task_failed" | "app.unexpected";

export type CallReason = "first_order" | "big_order" | "vip_order" | "delivery_problem" | "manual" | "call_again" | "service_recovery";

export type CallOutcome = "reached" | "voicemail" | "no_answer" | "busy" | "wrong_number" | "refused" | "do_not_call";

export type CallStatus = "open" | "done" | "cancelled";

export type PackVerdict = { "kind": "mayPack" } | { "kind": "doNotPack", 
/**
 * Its status.
 */
status: OrderStatus, } | { "kind": "alreadyPacked", 
/**
 * When (UTC, ISO 8601).
 */
at: string, 
/**
 * By whom.
 */
by: string, };

export type AppError = { 
/**
 * Stable, dotted, e.g. `db.too_new`, `not_found`.
 */
code: ErrorCode, 
/**
 * A sentence in English.
 */
message: string, 
/**
 * The values the code's message names, e.g. `at` and `by`.
 */
params: { [key in string]: string }, };

export type AppInfo = { 
/**
 * App version.
 */
version: string, 
/**
 * Where the open database is: its file, or the server's URL without the
 * password.
 */
dbPath: string, 
/**
 * Whether it is on a PostgreSQL server (else an SQLite file).
 */
onServer: boolean, 
/**
 * Its schema version.
 */
schemaVersion: number, 
/**
 * Customers in it.
 */
customerCount: number, 
/**
 * The system's language as a BCP 47 tag (`pl-PL`), which the UI speaks
 * until a language is chosen; none when the system does not say.
 */
systemLanguage: string | null, };

export type DemoLoaded = { 
/**
 * Products of the catalogue.
 */
products: number, 
/**
 * Customers created.
 */
customers: number, 
/**
 * Orders created.
 */
orders: number, 
/**
 * Calls queued for them.
 */
calls: number, 
/**
 * Gifts in the catalogue (none for a bare shop).
 */
gifts: number, 
/**
 * Orders given gifts or cards.
 */
plannedOrders: number, 
/**
 * Calls already made, with their outcomes.
 */
callAttempts: number, };

export type ImportCounts = { 
/**
 * Customers created.
 */
customersNew: number, 
/**
 * Customers that gained data.
 */
customersUpdated: number, 
/**
 * Customers already up to date.
 */
customersUnchanged: number, 
/**
 * Orders created.
 */
ordersNew: number, 
/**
 * Orders whose status, dates or note changed.
 */
ordersUpdated: number, 
/**
 * Orders already up to date.
 */
ordersUnchanged: number, };

export type RunStatus = "running" | "finished" | "cancelled" | "failed";

export type ImportRun = { 
/**
 * Run id.
 */
id: number, 
/**
 * The file's name.
 */
fileName: string, 
/**
 * SHA-256 of the file's bytes.
 */
fileSha256: string, 
/**
 * Detected format, e.g. `shopify-orders`.
 */
format: string, 
/**
 * Detected encoding.
 */
encoding: string, 
/**
 * UTC.
 */
startedAt: string, 
/**
 * UTC, when done.
 */
finishedAt: string | null, 
/**
 * Where the run stands.
 */
status: RunStatus, 
/**
 * Data rows read.
 */
rowsRead: number, 
/**
 * Counts.
 */
counts: ImportCounts, 
/**
 * Rows reported: not imported, or imported with a note.
 */
errors: number, 
/**
 * The reported rows that were not imported.
 */
rowsSkipped: number, 
/**
 * Records identical to an earlier record of the file, imported once.
 */
duplicates: number, 
/**
 * Orders whose id could not be trusted (a spreadsheet rounded it, or
 * another order has it too), matched by shop and number instead.
 */
ordersByNumber: number, 
/**
 * The shop connection a sync run read from; `None` for a file.
 */
connectionId: number | null, 
/**
 * Requests a sync run sent to the shop.
 */
requests: number, 
/**
 * Milliseconds a sync run waited for the shop's rate limit.
 */
waitedMs: number, 
/**
 * Why a run failed, when it did.
 */
failure: RunFailure | null, };

export type RunFailure = { 
/**
 * The error's code.
 */
code: ErrorCode, 
/**
 * Its message in English.
 */
message: string, 
/**
 * Its parameters by name.
 */
params: { [key in string]: string }, };

export type RowProblem = { 
/**
 * The line of the file the row starts on (the header is line 1), or the
 * item's place in a JSON list.
 */
row: number, 
/**
 * The column at fault.
 */
column: string | null, 
/**
 * Why.
 */
reason: string, 
/**
 * Whether the row was left out (else it imported, and `reason` says what
 * was dropped or changed).
 */
skipped: boolean, };

export type MappedKind = "customers" | "orders";

export type ColumnMapping = { 
/**
 * What a row is.
 */
kind: MappedKind, 
/**
 * Courtesy field (from [`CUSTOMER_FIELDS`] / [`ORDER_FIELDS`]) → the file's column header.
 */
fields: { [key in string]: string }, 
/**
 * Currency of amounts when the file has no currency column (ISO code).
 */
currency: string | null, };

export type MappingFields = { 
/**
 * Fields of a customers mapping.
 */
customers: Array<string>, 
/**
 * Fields of an orders mapping.
 */
orders: Array<string>, 
/**
 * Fields an orders mapping must fill.
 */
requiredOrders: Array<string>, };

export type Preview = { 
/**
 * The file's name.
 */
fileName: string, 
/**
 * Its size in bytes.
 */
size: number, 
/**
 * Detected format, e.g. `shopify-orders`; `unknown` when it needs a mapping.
 */
format: string, 
/**
 * A label for people, e.g. `Shopify orders`.
 */
formatLabel: string, 
/**
 * `UTF-8`, `windows-1250`, …
 */
encoding: string, 
/**
 * `,`, `;` or `tab`.
 */
delimiter: string, 
/**
 * `.` or `,` (empty until known).
 */
decimal: string, 
/**
 * Header cells.
 */
columns: Array<string>, 
/**
 * The first data rows, cell by cell.
 */
rows: Array<Array<string>>, 
/**
 * The columns match no known export: a mapping is needed.
 */
needsMapping: boolean, 
/**
 * The mapping the preview was made with, if any.
 */
mapping: ColumnMapping | null, 
/**
 * The header's signature, under which a mapping is remembered.
 */
signature: string, 
/**
 * What the start of the file shows that the person should know (ids a
 * spreadsheet rounded, ids several orders share).
 */
notices: Array<FileNotice>, };

export type FileNotice = { "kind": "roundedIds", 
/**
 * The id column's header.
 */
column: string, 
/**
 * One rounded id, as the file has it.
 */
example: string, } | { "kind": "sharedIds", 
/**
 * The id column's header.
 */
column: string, 
/**
 * One id that several orders have.
 */
example: string, };

export type ImportProgress = { 
/**
 * Data rows read.
 */
rows: number, 
/**
 * Bytes read.
 */
bytes: number, 
/**
 * The file's size.
 */
totalBytes: number, 
/**
 * Rows per second so far.
 */
rowsPerSecond: number, 
/**
 * New / updated / unchanged so far.
 */
counts: ImportCounts, 
/**
 * Rows with problems so far.
 */
problems: number, };

export type SlipOrder = { 
/**
 * Database id.
 */
id: number, 
/**
 * Shown number, e.g. `#1001`.
 */
number: string, 
/**
 * Status.
 */
status: OrderStatus, 
/**
 * UTC, ISO 8601.
 */
placedAt: string, 
/**
 * What the customer paid.
 */
total: Money, 
/**
 * Shipping method.
 */
shippingMethod: string, 
/**
 * The ship-to address as printed, in the destination country's order.
 */
shipTo: Array<string>, 
/**
 * ISO alpha-2 of the destination.
 */
shipCountry: string, 
/**
 * The customer's note.
 */
customerNote: string, 
/**
 * The gift message.
 */
giftMessage: string, 
/**
 * The customer's language, or the destination country's.
 */
language: Language, 
/**
 * The buyer's name (the ship-to name for guests).
 */
customerName: string, 
/**
 * Lines in the order they were bought (the slip sorts them by bin).
 */
lines: Array<OrderLineView>, 
/**
 * Slips printed or saved so far; the next one is copy number `prints`.
 */
prints: number, 
/**
 * When it was packed (UTC), if it was.
 */
packedAt: string | null, 
/**
 * Who packed it.
 */
packedBy: string, 
/**
 * Whether the bench may pack it.
 */
pack: PackVerdict, };

export type SlipSort = "bin" | "number";

export type SlipFilter = { 
/**
 * Order statuses to take; empty: paid.
 */
statuses: Array<OrderStatus>, 
/**
 * Only orders with no slip printed yet.
 */
unprinted: boolean, 
/**
 * Only orders not packed yet.
 */
unpacked: boolean, 
/**
 * Placed on or after this day (UTC).
 */
placedFrom: string | null, 
/**
 * Placed on or before this day (UTC).
 */
placedTo: string | null, 
/**
 * Only this shipping method (exact, case-insensitive).
 */
shippingMethod: string | null, 
/**
 * A hand selection: only these orders (the other conditions still apply).
 */
orderIds: number[] | null, 
/**
 * The order of the slips in the batch.
 */
sort: SlipSort, };

export type ProductView = { 
/**
 * Stock keeping unit.
 */
sku: string, 
/**
 * Name.
 */
name: string, 
/**
 * Where it sits.
 */
binLocation: string, };

export type ScanResult = { "kind": "order", 
/**
 * The order with its lines.
 */
order: SlipOrder, } | { "kind": "product", 
/**
 * The product.
 */
product: ProductView, } | { "kind": "unknown", 
/**
 * The code as read, trimmed.
 */
code: string, };

export type SlipPrint = { 
/**
 * The order.
 */
orderId: number, 
/**
 * UTC, ISO 8601.
 */
printedAt: string, 
/**
 * `printer` or `file`.
 */
destination: string, 
/**
 * The queue, for printed slips.
 */
printer: string, 
/**
 * The page size.
 */
pageSize: string, 
/**
 * 0 for the first slip, then 1, 2, ...
 */
copyNumber: number, 
/**
 * Who printed it.
 */
actor: string, };

export type SystemPrinter = { 
/**
 * The queue name to print to.
 */
name: string, 
/**
 * What the system calls it for people.
 */
description: string, 
/**
 * Whether it is the system's default.
 */
isDefault: boolean, };

export type SlipsDone = { 
/**
 * Slips in the batch.
 */
slips: number, 
/**
 * How many were reprints.
 */
copies: number, 
/**
 * The printer, when printed.
 */
printer: string | null, 
/**
 * The file, when saved.
 */
file: string | null, };

export type Packed = { 
/**
 * The order as it is now.
 */
order: SlipOrder, 
/**
 * What happened to its slip.
 */
slip: SlipOutcome, 
/**
 * Where it was printed.
 */
printer: string | null, 
/**
 * Why it was not printed.
 */
reason: string | null, };

export type SlipOutcome = "alreadyPrinted" | "printed" | "notPrinted";

export type CallPolicy = { 
/**
 * Call after a customer's first purchase.
 */
firstOrder: boolean, 
/**
 * Call after an order whose total reaches the threshold of its currency
 * (ISO code → minor units). A currency without a threshold never counts.
 */
bigOrderThresholds: Record<string, number>, 
/**
 * Call after every order of a customer with this tag; `None` turns it off.
 */
vipTag: string | null, 
/**
 * A parcel that took longer than this many days from fulfilment to delivery
 * earns a delivery-problem call (any order, any customer); 0 turns it off.
 */
lateDeliveryDays: number, 
/**
 * Days after delivery when the call falls due.
 */
daysAfterDelivery: number, 
/**
 * Days a parcel is assumed to travel when only the fulfilment time is known.
 */
assumedShippingDays: number, 
/**
 * A customer called (any attempt) less than this many days before a thank-you
 * call would fall due is not called again for it; 0 turns it off.
 */
minDaysBetweenCalls: number, 
/**
 * Orders whose call would have been due longer ago than this are not queued
 * (an import of old orders must not flood the queue).
 */
forgetAfterDays: number, 
/**
 * When calls may be made, in the customer's local time.
 */
callingHours: CallingHours, 
/**
 * What happens when nobody answers.
 */
retry: RetryRule, 
/**
 * Queue calls only for customers who gave phone consent.
 */
requirePhoneConsent: boolean, 
/**
 * Days after a poor rating or a delivery problem when the service-recovery
 * call falls due.
 */
serviceRecoveryAfterDays: number, };

export type CallingHours = { 
/**
 * First moment of the window, local time.
 */
start: string, 
/**
 * End of the window (exclusive), local time; `00:00` means midnight at the
 * end of the day.
 */
end: string, 
/**
 * The days with a window.
 */
days: Array<string>, };

export type RetryRule = { 
/**
 * Days until the next try (it is offered from the start of calling hours).
 */
afterDays: number, 
/**
 * Attempts in all, the first included; then the call is closed.
 */
maxAttempts: number, };

export type CallScripts = { 
/**
 * Thank-you scripts by language code (`en`, `pl`, `ru`, `fi`).
 */
thankYou: { [key in string]: string }, 
/**
 * Follow-up scripts by language code.
 */
followUp: { [key in string]: string }, };

export type CallListItem = { 
/**
 * The call's id.
 */
callId: number, 
/**
 * The customer's id.
 */
customerId: number, 
/**
 * The customer's name as shown.
 */
customerName: string, 
/**
 * The number to dial (E.164 when known, else as typed).
 */
phone: string, 
/**
 * The customer's IANA time zone, e.g. `Europe/Helsinki`.
 */
timeZone: string, 
/**
 * The customer's local time now, `HH:MM`.
 */
localTime: string, 
/**
 * Why the call was queued.
 */
reason: CallReason, 
/**
 * The order it is about.
 */
orderId: number | null, 
/**
 * That order's number, e.g. `#1001`.
 */
orderNumber: string | null, 
/**
 * Due since (UTC, ISO 8601).
 */
dueAt: string, 
/**
 * Attempts made so far.
 */
attempts: number, 
/**
 * The customer carries the policy's VIP tag.
 */
vip: boolean, 
/**
 * Someone at another desk is on this call now (it is not offered here).
 */
claimedBy: string | null, };

export type CallAttemptView = { 
/**
 * UTC, ISO 8601.
 */
at: string, 
/**
 * How it ended.
 */
outcome: CallOutcome, 
/**
 * Length of the call in seconds.
 */
durationSeconds: number, 
/**
 * 1–5, when asked.
 */
satisfaction: number | null, 
/**
 * What was said.
 */
notes: string, 
/**
 * Who called.
 */
staff: string, 
/**
 * The customer reported a delivery problem.
 */
deliveryProblem: boolean, };

export type CallView = { 
/**
 * The call's id.
 */
id: number, 
/**
 * Why it was queued.
 */
reason: CallReason, 
/**
 * Where it stands.
 */
status: CallStatus, 
/**
 * When it is (or was last) offered, UTC.
 */
dueAt: string, 
/**
 * When it was queued, UTC.
 */
createdAt: string, 
/**
 * When it was closed, UTC.
 */
closedAt: string | null, 
/**
 * Why it was closed without being made (`do_not_call`, `order_cancelled`, …).
 */
closedReason: string | null, 
/**
 * The order it is about.
 */
orderId: number | null, 
/**
 * That order's number.
 */
orderNumber: string | null, 
/**
 * Attempts, oldest first.
 */
attempts: Array<CallAttemptView>, };

export type CallCard = { 
/**
 * The call and its earlier attempts.
 */
call: CallView, 
/**
 * The customer, with orders and all their calls.
 */
customer: CustomerProfile, 
/**
 * The script, merge fields filled in.
 */
script: string, 
/**
 * The language of the script.
 */
scriptLanguage: Language, };

export type AttemptInput = { 
/**
 * When the attempt was made (UTC).
 */
at: string, 
/**
 * How it ended.
 */
outcome: CallOutcome, 
/**
 * Length of the call in seconds.
 */
durationSeconds: number, 
/**
 * The customer's satisfaction, 1–5, when asked.
 */
satisfaction: number | null, 
/**
 * Free notes.
 */
notes: string, 
/**
 * The customer reported a problem with the delivery.
 */
deliveryProblem: boolean, 
/**
 * The customer asked to be called again at this time.
 */
followUpAt: string | null, };

export type AttemptResult = { 
/**
 * The new attempt's id.
 */
attemptId: number, 
/**
 * Attempts on this call, this one included.
 */
attempts: number, 
/**
 * The call stays open and is offered again from this time (UTC, ISO 8601).
 */
retryAt: string | null, 
/**
 * The call is done.
 */
closed: boolean, 
/**
 * The customer's do-not-call flag was set.
 */
doNotCallSet: boolean, 
/**
 * A follow-up call was queued (service recovery or call again).
 */
followUpCallId: number | null, 
/**
 * Why the follow-up was queued (`service_recovery`, `call_again`).
 */
followUpReason: string | null, 
/**
 * When the follow-up falls due (UTC, ISO 8601).
 */
followUpDueAt: string | null, };

export type CustomerOccasion = { 
/**
 * The customer's id.
 */
customerId: number, 
/**
 * The customer's name as shown.
 */
customerName: string, 
/**
 * `birthday` or `nameDay`.
 */
kind: string, 
/**
 * The day, `YYYY-MM-DD`.
 */
date: string, 
/**
 * The age they turn, when the year of birth is known.
 */
turns: number | null, 
/**
 * The name-day calendar (`pl`, `fi`, `ru`).
 */
calendar: string | null, };

export type NameDayCalendar = "pl" | "fi" | "ru";

export type CardOccasion = "thankYou" | "welcome" | "milestone" | "bigOrder" | "loyalty" | "birthday" | "nameDay" | "referral" | "welcomeBack";

export type GiftRuleKind = { "kind": "firstOrder" } | { "kind": "nthOrder", 
/**
 * Which order, counting the first as 1.
 */
n: number, 
/**
 * Also every multiple of `n`.
 */
repeat: boolean, } | { "kind": "orderTotalAtLeast", 
/**
 * Threshold per currency.
 */
thresholdsMinor: Record<string, number>, } | { "kind": "tier", 
/**
 * Tag or tier names, e.g. `VIP`, `loyal`.
 */
tiers: Array<string>, } | { "kind": "birthday", 
/**
 * Days ahead that still count.
 */
withinDays: number, } | { "kind": "nameDay", 
/**
 * Days ahead that still count.
 */
withinDays: number, 
/**
 * Calendars to look in; empty: the customer's country's, else their
 * language's.
 */
calendars: Array<NameDayCalendar>, } | { "kind": "referral" } | { "kind": "winBack", 
/**
 * Days since the previous order that make a gap.
 */
minGapDays: number, } | { "kind": "manual" };

export type GiftRule = { 
/**
 * The rule's id, named in the trace.
 */
id: number, 
/**
 * The owner's label for the rule.
 */
name: string, 
/**
 * A switched-off rule is skipped (and the trace says so).
 */
enabled: boolean, 
/**
 * Gift ids in order of preference; the first that passes the constraints is
 * planned. Empty: the rule gives only its card.
 */
gifts: Array<number>, 
/**
 * The card the rule adds (also when every gift was skipped).
 */
card: CardOccasion | null, 
/**
 * When this rule gives something, the rules after it are still tried and may add
 * their own gift; otherwise planning stops at this rule.
 */
alsoLaterRules: boolean, } & ({ "kind": "firstOrder" } | { "kind": "nthOrder", 
/**
 * Which order, counting the first as 1.
 */
n: number, 
/**
 * Also every multiple of `n`.
 */
repeat: boolean, } | { "kind": "orderTotalAtLeast", 
/**
 * Threshold per currency.
 */
thresholdsMinor: Record<string, number>, } | { "kind": "tier", 
/**
 * Tag or tier names, e.g. `VIP`, `loyal`.
 */
tiers: Array<string>, } | { "kind": "birthday", 
/**
 * Days ahead that still count.
 */
withinDays: number, } | { "kind": "nameDay", 
/**
 * Days ahead that still count.
 */
withinDays: number, 
/**
 * Calendars to look in; empty: the customer's country's, else their
 * language's.
 */
calendars: Array<NameDayCalendar>, } | { "kind": "referral" } | { "kind": "winBack", 
/**
 * Days since the previous order that make a gap.
 */
minGapDays: number, } | { "kind": "manual" });

export type GiftPolicy = { 
/**
 * The rules, highest priority first.
 */
rules: Array<GiftRule>, 
/**
 * The most the unit costs of gifts planned in one calendar month (in the shop's
 * time zone) may add up to, per currency (ISO code → minor units). A gift whose
 * currency has no budget is not limited.
 */
monthlyBudgetMinor: Record<string, number>, 
/**
 * A customer does not get the same gift again within this many months; 0 allows
 * repeats.
 */
noRepeatMonths: number, };

export type PlannedGift = { 
/**
 * The gift.
 */
giftId: number, 
/**
 * The rule that chose it.
 */
ruleId: number, 
/**
 * The gift's name.
 */
name: string, 
/**
 * The gift's SKU.
 */
sku: string | null, 
/**
 * Its unit cost in minor units of `currency`.
 */
unitCostMinor: number, 
/**
 * ISO currency code of the cost.
 */
currency: string, };

export type PlanStatus = "planned" | "packed" | "released";

export type CardStatus = "to_write" | "written" | "dropped";

export type RuleMiss = { "kind": "notFirstOrder", 
/**
 * Which order it is.
 */
orderIndex: number, } | { "kind": "notNthOrder", 
/**
 * Which order it is.
 */
orderIndex: number, 
/**
 * The rule's n.
 */
n: number, } | { "kind": "totalBelow", 
/**
 * The order total.
 */
totalMinor: number, 
/**
 * The threshold.
 */
thresholdMinor: number, 
/**
 * Their currency.
 */
currency: string, } | { "kind": "noThresholdForCurrency", 
/**
 * The order's currency.
 */
currency: string, } | { "kind": "notInTier" } | { "kind": "noBirthday" } | { "kind": "birthdayNotWithin", 
/**
 * The next birthday.
 */
next: string, 
/**
 * The rule's days.
 */
withinDays: number, } | { "kind": "noFirstName" } | { "kind": "noNameDayCalendar" } | { "kind": "nameNotInCalendar" } | { "kind": "nameDayNotWithin", 
/**
 * The next name day.
 */
next: string, 
/**
 * Its calendar.
 */
calendar: NameDayCalendar, 
/**
 * The rule's days.
 */
withinDays: number, } | { "kind": "notReferred" } | { "kind": "noPreviousOrder" } | { "kind": "gapTooShort", 
/**
 * Days since the previous order.
 */
daysSincePrevious: number, 
/**
 * The rule's minimum.
 */
minGapDays: number, } | { "kind": "notManual" };

export type GiftSkip = { "kind": "unknownGift" } | { "kind": "outOfStock", 
/**
 * Pieces on the shelf.
 */
stock: number, 
/**
 * Pieces planned for unpacked orders.
 */
planned: number, } | { "kind": "overBudget", 
/**
 * The budget's currency.
 */
currency: string, 
/**
 * The month's budget.
 */
budgetMinor: number, 
/**
 * Spent this month so far.
 */
spentMinor: number, 
/**
 * The gift's unit cost.
 */
costMinor: number, } | { "kind": "givenRecently", 
/**
 * When.
 */
givenOn: string, 
/**
 * The policy's months.
 */
months: number, } | { "kind": "alreadyInPlan" };

export type TraceStep = { "kind": "ruleDisabled", 
/**
 * The rule.
 */
ruleId: number, } | { "kind": "ruleNotMatched", 
/**
 * The rule.
 */
ruleId: number, 
/**
 * Why not.
 */
why: RuleMiss, } | { "kind": "ruleMatched", 
/**
 * The rule.
 */
ruleId: number, 
/**
 * The birthday or name day that made it apply.
 */
occasionOn?: string | null, 
/**
 * The calendar of that name day.
 */
calendar?: NameDayCalendar | null, } | { "kind": "giftSkipped", 
/**
 * The rule.
 */
ruleId: number, 
/**
 * The gift.
 */
giftId: number, 
/**
 * The constraint.
 */
why: GiftSkip, } | { "kind": "giftChosen", 
/**
 * The rule.
 */
ruleId: number, 
/**
 * The gift.
 */
giftId: number, } | { "kind": "cardAdded", 
/**
 * The rule.
 */
ruleId: number, 
/**
 * The card's occasion.
 */
card: CardOccasion, } | { "kind": "cardOnly", 
/**
 * The rule.
 */
ruleId: number, 
/**
 * The card's occasion.
 */
card: CardOccasion, } | { "kind": "ruleGaveNothing", 
/**
 * The rule.
 */
ruleId: number, };

export type GiftPlan = { 
/**
 * The order planned.
 */
orderId: number, 
/**
 * The gifts to pack, in the order the rules chose them.
 */
gifts: Array<PlannedGift>, 
/**
 * The card to write, if any.
 */
card: CardOccasion | null, 
/**
 * Every decision, in order.
 */
trace: Array<TraceStep>, };

export type GiftView = { 
/**
 * Its id, as rules name it.
 */
id: number, 
/**
 * Its name.
 */
name: string, 
/**
 * Its SKU, if any.
 */
sku: string | null, 
/**
 * What one costs the shop, in minor units of `currency`.
 */
unitCostMinor: number, 
/**
 * ISO currency code.
 */
currency: string, 
/**
 * Pieces on the shelf.
 */
stock: number, 
/**
 * Pieces planned for orders not packed yet.
 */
planned: number, 
/**
 * Free pieces at or below which the gift counts as low.
 */
lowStockAt: number, 
/**
 * Whether rules may still plan it.
 */
active: boolean, 
/**
 * Free pieces (stock less planned) are at or below `low_stock_at`.
 */
lowStock: boolean, };

export type GiftInput = { 
/**
 * Its name.
 */
name: string, 
/**
 * Its SKU, if any (unique among gifts).
 */
sku: string | null, 
/**
 * Unit cost in minor units.
 */
unitCostMinor: number, 
/**
 * ISO currency code.
 */
currency: string, 
/**
 * Pieces on the shelf.
 */
stock: number, 
/**
 * The low-stock level.
 */
lowStockAt: number, 
/**
 * Whether rules may plan it.
 */
active: boolean, };

export type CardView = { 
/**
 * The card's id.
 */
id: number, 
/**
 * Its order.
 */
orderId: number, 
/**
 * The order's number.
 */
orderNumber: string, 
/**
 * The customer, unless erased.
 */
customerId: number | null, 
/**
 * The customer's name as the card greets them.
 */
customerName: string, 
/**
 * The language the text is in.
 */
language: Language, 
/**
 * The occasion.
 */
occasion: CardOccasion, 
/**
 * The text to write (or print).
 */
text: string, 
/**
 * Printed on the slip rather than written by hand.
 */
printed: boolean, 
/**
 * To write, written, or dropped (its order was cancelled).
 */
status: CardStatus, 
/**
 * When it was written (UTC).
 */
writtenAt: string | null, 
/**
 * Who wrote it.
 */
writtenBy: string, };

export type OrderGiftPlan = { 
/**
 * The plan's id.
 */
planId: number, 
/**
 * The order.
 */
orderId: number, 
/**
 * The order's number.
 */
orderNumber: string, 
/**
 * The customer, unless erased.
 */
customerId: number | null, 
/**
 * Planned, packed (the gifts left the shelf) or released (cancelled).
 */
status: PlanStatus, 
/**
 * The order's date in the shop's time zone.
 */
givenOn: string, 
/**
 * The rule of the first gift, or of the card alone.
 */
ruleId: number | null, 
/**
 * The gifts, in the order the rules chose them.
 */
gifts: Array<PlannedGift>, 
/**
 * The card, if any.
 */
card: CardView | null, 
/**
 * Every decision of the planner.
 */
trace: Array<TraceStep>, 
/**
 * When it was planned (UTC).
 */
createdAt: string, 
/**
 * When its order was packed (UTC).
 */
packedAt: string | null, };

export type CardTemplate = { 
/**
 * The card's language.
 */
language: Language, 
/**
 * The occasion.
 */
occasion: CardOccasion, 
/**
 * The text with merge fields.
 */
text: string, 
/**
 * Whether the text is the one shipped with Courtesy (not the owner's).
 */
shipped: boolean, };

export type GiftPlanCounts = { 
/**
 * Orders planned (each gets a plan, also when nothing matched).
 */
orders: number, 
/**
 * Gifts planned.
 */
gifts: number, 
/**
 * Cards to write or print.
 */
cards: number, };

export type ShopKind = "shopify" | "woocommerce";

export type ShopAuth = "token" | "client_credentials" | "key_secret";

export type ShopConnection = { 
/**
 * Id.
 */
id: number, 
/**
 * The name staff gave it, unique in the database.
 */
name: string, 
/**
 * The platform.
 */
kind: ShopKind, 
/**
 * The base address, e.g. `https://example.myshopify.com`.
 */
baseUrl: string, 
/**
 * How Courtesy signs in.
 */
auth: ShopAuth, 
/**
 * Put before the shop's order and customer ids (see the schema notes).
 */
idPrefix: string, 
/**
 * The shop's own name, as it said at the last test or sync.
 */
shopName: string, 
/**
 * The shop's currency, as it said.
 */
currency: string, 
/**
 * The server strips the Authorization header: WooCommerce keys go in the
 * query string.
 */
keysInQuery: boolean, 
/**
 * When it was added (UTC).
 */
createdAt: string, 
/**
 * The latest sync run, if any.
 */
lastSync: ImportRun | null, };

export type ShopNote = "orders_last60_days" | "no_customer_access" | "no_customer_list" | "keys_in_query";

export type ShopIdentity = { 
/**
 * The shop's name.
 */
name: string, 
/**
 * Its currency (ISO code).
 */
currency: string, 
/**
 * What the credentials may read (Shopify's scopes, or `orders`).
 */
canRead: Array<string>, 
/**
 * How many orders the shop has, when it says.
 */
orders: number | null, 
/**
 * What the owner should know.
 */
notes: Array<ShopNote>, 
/**
 * WooCommerce keys travel in the query string.
 */
keysInQuery: boolean, };

export type SyncPhase = "connecting" | "exporting" | "customers" | "orders" | "settling";

export type SyncProgress = { 
/**
 * The connection's name.
 */
shop: string, 
/**
 * What it is doing.
 */
phase: SyncPhase, 
/**
 * Whether this reads the whole shop (a first sync), not only changes.
 */
wholeShop: boolean, 
/**
 * Records read in this phase so far.
 */
read: number, 
/**
 * Records the phase will read, when the shop says.
 */
total: number | null, 
/**
 * New / updated / unchanged so far, in the whole run.
 */
counts: ImportCounts, 
/**
 * Records reported (not read, or read with a note).
 */
problems: number, 
/**
 * Requests sent so far.
 */
requests: number, 
/**
 * Milliseconds waited for the shop's rate limit so far.
 */
waitedMs: number, };

export type SecretsKept = "keychain" | "this_session";

export type ShopsOverview = { 
/**
 * Every connection with its latest run.
 */
shops: Array<ShopConnection>, 
/**
 * Where secrets go.
 */
secrets: SecretsKept, 
/**
 * Why there is no keychain (empty when there is one).
 */
noKeychainBecause: string, };

export type ShopSecrets = { 
/**
 * Shopify: the Admin API access token.
 */
token: string, 
/**
 * Shopify: the Dev Dashboard app's client id.
 */
clientId: string, 
/**
 * Shopify: its client secret.
 */
clientSecret: string, 
/**
 * WooCommerce: the consumer key.
 */
key: string, 
/**
 * WooCommerce: the consumer secret.
 */
secret: string, };

export type NewShop = { 
/**
 * The name staff give it.
 */
name: string, 
/**
 * The platform.
 */
kind: ShopKind, 
/**
 * The shop's address (a Shopify store name or domain, a WooCommerce site).
 */
address: string, 
/**
 * How it signs in.
 */
auth: ShopAuth, 
/**
 * Shopify: the Admin API access token.
 */
token: string, 
/**
 * Shopify: the Dev Dashboard app's client id.
 */
clientId: string, 
/**
 * Shopify: its client secret.
 */
clientSecret: string, 
/**
 * WooCommerce: the consumer key.
 */
key: string, 
/**
 * WooCommerce: the consumer secret.
 */
secret: string, };

export type ShopFailure = { 
/**
 * The connection.
 */
shop: string, 
/**
 * Why.
 */
error: AppError, };

export type SyncStatus = { 
/**
 * The connections, each with its latest run.
 */
shops: Array<ShopConnection>, 
/**
 * The sync running now, if any.
 */
running: SyncProgress | null, 
/**
 * Why the latest attempt of each connection failed before it could be
 * recorded as a run (no secret, another desk syncing it), by name.
 */
errors: Array<ShopFailure>, 
/**
 * Minutes between syncs (0: only on "Sync now").
 */
everyMinutes: number, 
/**
 * When the next scheduled sync runs (UTC), if one is scheduled.
 */
nextAt: string | null, };

export type ServerContents = { 
/**
 * Where (without the password).
 */
location: string, 
/**
 * Its Courtesy schema version; 0 when it has none yet.
 */
schemaVersion: number, 
/**
 * The newest schema this build knows.
 */
supportedVersion: number, 
/**
 * Customers in it (0 without a schema).
 */
customers: number, 
/**
 * Other tables in it, not Courtesy's: a database for something else.
 */
foreignTables: number, 
/**
 * The server's own version, e.g. `PostgreSQL 15.18`.
 */
serverVersion: string, };

export type CopiedTable = { 
/**
 * Its name.
 */
table: string, 
/**
 * Rows in the source and in the copy.
 */
rows: number, 
/**
 * The SHA-256 of its rows' contents, in key order (the same on both sides).
 */
checksum: string, };

export type DatabaseSetup = { 
/**
 * The desk's own database file (or the location given at start-up).
 */
ownFile: string, 
/**
 * Whether the database open now is on a server.
 */
onServer: boolean, 
/**
 * The server this desk is pointed at (its URL without the password),
 * opened at start-up instead of the file.
 */
chosenServer: string | null, 
/**
 * Where a server's password is kept.
 */
secrets: SecretsKept, 
/**
 * Why there is no keychain (empty when there is one).
 */
noKeychainBecause: string, };

export type ShopMoved = { 
/**
 * Tables copied and checked.
 */
tables: number, 
/**
 * Rows copied.
 */
rows: number, 
/**
 * Where the password went.
 */
secrets: SecretsKept, };

export type BackupReason = "daily" | "manual" | "before_upgrade" | "before_restore" | "before_merge";

export type BackupCounts = { 
/**
 * Customers.
 */
customers: number, 
/**
 * Orders.
 */
orders: number, 
/**
 * Calls (open and closed).
 */
calls: number, 
/**
 * Gift plans.
 */
giftPlans: number, 
/**
 * Cards.
 */
cards: number, };

export type BackupInfo = { 
/**
 * The backup's file.
 */
file: string, 
/**
 * When it was taken (UTC).
 */
takenAt: string, 
/**
 * Why.
 */
reason: BackupReason, 
/**
 * Its size in bytes.
 */
sizeBytes: number, 
/**
 * Its schema version.
 */
schemaVersion: number, 
/**
 * What it holds.
 */
counts: BackupCounts, 
/**
 * The database it was taken from (without a password).
 */
takenFrom: string, };

export type Restored = { 
/**
 * The backup restored.
 */
from: string, 
/**
 * What the database holds now.
 */
counts: BackupCounts, 
/**
 * The backup taken of what was there before.
 */
before: BackupInfo, };

export type BackupsOverview = { 
/**
 * Where backups go.
 */
folder: string, 
/**
 * The backups there, newest first.
 */
backups: Array<BackupInfo>, };

export type BackupFile = { 
/**
 * The file.
 */
file: string, 
/**
 * Its schema version.
 */
schemaVersion: number, 
/**
 * What it holds.
 */
counts: BackupCounts, };

export type ErasurePreview = { 
/**
 * The customer.
 */
customerId: number, 
/**
 * Their name as shown.
 */
displayName: string, 
/**
 * E-mails (their own and those they are also known by).
 */
emails: number, 
/**
 * Phones.
 */
phones: number, 
/**
 * Addresses.
 */
addresses: number, 
/**
 * Calls with their attempts and notes.
 */
calls: number, 
/**
 * Cards whose text goes.
 */
cards: number, 
/**
 * Orders kept, anonymised.
 */
orders: number, 
/**
 * Of those, orders not yet shipped (they lose their ship-to address).
 */
unshippedOrders: number, };

export type Reason = "sameEmail" | "samePhone" | "sameShopId" | "sameNameAndPostcode" | "sameNameAndCity" | "sameName";

export type DuplicatePair = { 
/**
 * One of them (the smaller id).
 */
a: CustomerListItem, 
/**
 * The other.
 */
b: CustomerListItem, 
/**
 * 0 to 100.
 */
score: number, 
/**
 * At or above the "likely" score.
 */
likely: boolean, 
/**
 * Why, strongest first.
 */
reasons: Array<Reason>, };

export type DuplicateList = { 
/**
 * How many pairs there are in all.
 */
total: number, 
/**
 * Of those, how many are likely.
 */
likely: number, 
/**
 * The best `limit` of them.
 */
pairs: Array<DuplicatePair>, };

export type MergeRequest = { 
/**
 * The customer who stays.
 */
kept: number, 
/**
 * The customer who goes into the kept one.
 */
removed: number, 
/**
 * Of [`MERGE_FIELDS`], those where the removed customer's value wins.
 */
takeFromRemoved: Array<string>, };

export type MergeView = { 
/**
 * The merge.
 */
id: number, 
/**
 * The customer who stayed.
 */
keptId: number, 
/**
 * The customer merged into them.
 */
removedId: number, 
/**
 * The removed customer's name as it was.
 */
removedName: string, 
/**
 * When, UTC.
 */
at: string, 
/**
 * Who.
 */
actor: string, 
/**
 * When it was undone.
 */
undoneAt: string | null, };

export type HistoryFilter = { 
/**
 * Entries about this customer (theirs and their orders', calls', cards', gift plans').
 */
customer?: number, 
/**
 * Made by this person or process.
 */
actor?: string, 
/**
 * Through this door: ui, import, sync, cli.
 */
source?: string, 
/**
 * On or after this day (YYYY-MM-DD, UTC).
 */
from?: string, 
/**
 * On or before this day (YYYY-MM-DD, UTC).
 */
to?: string, 
/**
 * Older than this entry (the last one of the page before).
 */
before?: number, };

export type HistoryEntry = { 
/**
 * Its id.
 */
id: number, 
/**
 * When, UTC.
 */
at: string, 
/**
 * Who.
 */
actor: string, 
/**
 * Through which door: ui, import, sync, cli.
 */
source: string, 
/**
 * What kind of thing: customer, order, call, card, gift_plan, setting, ….
 */
entity: string, 
/**
 * Which one.
 */
entityId: number | null, 
/**
 * What happened: update, merge, erase, attempt, ….
 */
action: string, 
/**
 * What changed, as JSON text (`from` and `to` for an edited field).
 */
detail: string, 
/**
 * The customer's name when the entry is about an existing customer.
 */
customerName: string | null, };

export type HistoryPage = { 
/**
 * Newest first.
 */
entries: Array<HistoryEntry>, 
/**
 * Whether older entries match too.
 */
more: boolean, 
/**
 * Everyone who made an entry, sorted.
 */
actors: Array<string>, };

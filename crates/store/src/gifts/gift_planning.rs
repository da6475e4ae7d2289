//! Planning gifts for orders: the facts the rules read gathered from the database
//! (which purchase of the customer an order is, the gap since the previous one,
//! tags, birthday, first name, language, country), the ledger of stock, this
//! month's spending and past gifts, core's `plan_gift_batch`, and each plan stored
//! with its trace and its card's text rendered in the customer's language.

use crate::audit::{record, Actor};
use crate::calls::call_policy::shop_zone;
use crate::db::many_rows::insert_many;
use crate::db::{params, Connection, Row, Value};
use crate::dialect::json_integers;
use crate::error::{Result, StoreError};
use crate::gifts::card_templates::{occasion_code, render_card, template_text, CardFields};
use crate::gifts::catalogue::plannable_gifts;
use crate::gifts::gift_policy::read_gift_policy;
use crate::settings::{get, shop_country};
use crate::time::{from_db, to_db};
use crate::{Store, DEFAULT_SHOP_NAME};
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use courtesy_core::calls::Tz;
use courtesy_core::gifts::{
    plan_gift_batch, plan_gifts, Birthday, BudgetState, GiftCandidate, GiftCustomerFacts,
    GiftLedger, GiftOrderFacts, GiftPlan, GiftPolicy, PastGift, TraceStep,
};
use courtesy_core::Language;
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// Orders placed longer ago than this are not planned after an import: a gift
/// goes into the parcel of a new order, not of an old one found in a history.
pub const GIFT_PLAN_WINDOW_DAYS: i64 = 30;

/// What one planning run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GiftPlanCounts {
    /// Orders planned (each gets a plan, also when nothing matched).
    pub orders: u32,
    /// Gifts planned.
    pub gifts: u32,
    /// Cards to write or print.
    pub cards: u32,
}

/// The facts of the orders chosen by `filter`, oldest first; `?1` is bound to
/// `filter_arg`. The purchases before an order are the customer's purchase count
/// (kept by `customer_stats`) less the order itself and the purchases after it,
/// so a new order of a customer with hundreds costs a look at the newest few
/// (`placed_at >=` keeps that a range of the customer's index on both backends;
/// without it PostgreSQL splits the `OR` into a scan of every order placed at
/// the same moment).
const CANDIDATES: &str = "
    SELECT o.id, o.customer_id, o.placed_at, o.total_minor, o.currency, o.number,
        c.order_count - (CASE WHEN o.status IN ('paid','fulfilled','delivered') THEN 1 ELSE 0 END)
            - (SELECT count(*) FROM orders p WHERE p.customer_id = o.customer_id
                AND p.status IN ('paid','fulfilled','delivered') AND p.placed_at >= o.placed_at
                AND (p.placed_at > o.placed_at OR (p.placed_at = o.placed_at AND p.id > o.id)))
            AS before,
        (SELECT max(p.placed_at) FROM orders p WHERE p.customer_id = o.customer_id
            AND p.status IN ('paid','fulfilled','delivered') AND p.placed_at < o.placed_at) AS previous,
        c.first_name, c.language, c.country, c.birthday,
        (SELECT string_agg(tag, '\u{1f}') FROM customer_tags t WHERE t.customer_id = c.id) AS tags
    FROM orders o JOIN customers c ON c.id = o.customer_id
    WHERE {filter}
    ORDER BY o.placed_at, o.id";

/// New paid orders not packed and never planned, placed since `?1`.
const UNPLANNED: &str = "o.status = 'paid' AND o.placed_at >= ?1 AND o.packed_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM gift_plans g WHERE g.order_id = o.id)";

/// The orders of the JSON array `?1` that may still get a plan.
const CHOSEN: &str = "o.id IN ({ids})
    AND o.status NOT IN ('cancelled','refunded') AND o.packed_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM gift_plans g WHERE g.order_id = o.id AND g.status <> 'released')";

/// A customer carrying one of these tags (any case) came by a referral.
pub const REFERRAL_TAGS: [&str; 2] = ["referred", "referral"];

/// One order to plan with what its card needs.
struct Candidate {
    facts: GiftCandidate,
    number: String,
    first_name: String,
    language: Option<Language>,
    country: Option<String>,
}

fn candidate(r: &Row<'_>) -> crate::db::Result<Candidate> {
    let placed_at: String = r.get(2)?;
    let placed = from_db(&placed_at).unwrap_or_default();
    let before = u32::try_from(r.get::<_, i64>(6)?.max(0)).unwrap_or(0);
    let previous: Option<String> = r.get(7)?;
    let days_since_previous = previous
        .as_deref()
        .and_then(from_db)
        .map(|p| u32::try_from((placed - p).num_days().max(0)).unwrap_or(u32::MAX));
    let first_name: String = r.get(8)?;
    let language = r
        .get::<_, Option<String>>(9)?
        .and_then(|l| Language::from_tag(&l));
    let country: Option<String> = r.get(10)?;
    let birthday = r
        .get::<_, Option<String>>(11)?
        .and_then(|b| NaiveDate::parse_from_str(&b, "%Y-%m-%d").ok())
        .map(Birthday::from_date);
    let tags: Vec<String> = r
        .get::<_, Option<String>>(12)?
        .map(|t| t.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default();
    let referred = tags
        .iter()
        .any(|t| REFERRAL_TAGS.iter().any(|r| t.eq_ignore_ascii_case(r)));
    let customer_id: i64 = r.get(1)?;
    Ok(Candidate {
        facts: GiftCandidate {
            order: GiftOrderFacts {
                order_id: r.get(0)?,
                customer_id,
                placed_at: placed,
                total_minor: r.get(3)?,
                currency: r.get(4)?,
                order_index: before + 1,
                days_since_previous,
                referred,
                manual: false,
            },
            customer: GiftCustomerFacts {
                customer_id,
                tags,
                tier: None,
                birthday,
                first_name: Some(first_name.clone()).filter(|n| !n.trim().is_empty()),
                language,
                country: country.clone(),
            },
        },
        number: r.get(5)?,
        first_name,
        language,
        country,
    })
}

fn candidates(conn: &Connection, filter: &str, arg: &str) -> Result<Vec<Candidate>> {
    let sql = CANDIDATES.replace("{filter}", filter);
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([arg], candidate)?
        .collect::<crate::db::Result<_>>()?;
    Ok(rows)
}

/// The shop's date of `t`.
fn local_day(t: DateTime<Utc>, zone: Tz) -> NaiveDate {
    t.with_timezone(&zone).date_naive()
}

/// A ledger of the active gifts, the gifts `customers` were planned or given
/// since the no-repeat window before `from` began, and the spending of the months
/// from `from`'s on. Plans of `except_order` are left out.
fn ledger(
    conn: &Connection,
    policy: &GiftPolicy,
    from: NaiveDate,
    customers: &[i64],
    except_order: Option<i64>,
) -> Result<GiftLedger> {
    let gifts = plannable_gifts(conn, except_order)?;
    let mut past = Vec::new();
    if policy.no_repeat_months > 0 {
        let since = from
            .checked_sub_months(Months::new(policy.no_repeat_months))
            .unwrap_or(NaiveDate::MIN);
        let sql = "SELECT p.customer_id, i.gift_id, p.given_on
             FROM gift_plans p JOIN gift_plan_items i ON i.plan_id = p.id
             WHERE p.customer_id IN ({customers})
               AND p.status <> 'released' AND p.given_on >= ?1 AND p.order_id IS DISTINCT FROM ?2"
            .replace("{customers}", &json_integers(conn, "?3"));
        let mut stmt = conn.prepare_cached(&sql)?;
        let ids = serde_json::to_string(customers).unwrap_or_else(|_| "[]".into());
        let rows = stmt.query_map(params![since.to_string(), except_order, ids], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (customer_id, gift_id, on) = row?;
            if let Ok(given_on) = NaiveDate::parse_from_str(&on, "%Y-%m-%d") {
                past.push(PastGift {
                    customer_id,
                    gift_id,
                    given_on,
                });
            }
        }
    }
    let month_start = from.with_day(1).unwrap_or(from);
    let mut spent: BTreeMap<(i32, u32), BTreeMap<String, i64>> = BTreeMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT substr(p.given_on, 1, 7), i.currency, sum(i.unit_cost_minor)
         FROM gift_plans p JOIN gift_plan_items i ON i.plan_id = p.id
         WHERE p.status <> 'released' AND p.given_on >= ?1 AND p.order_id IS DISTINCT FROM ?2
         GROUP BY 1, 2",
    )?;
    let rows = stmt.query_map(params![month_start.to_string(), except_order], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in rows {
        let (month, currency, minor) = row?;
        let parsed = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d");
        if let Ok(d) = parsed {
            spent
                .entry((d.year(), d.month()))
                .or_default()
                .insert(currency, minor);
        }
    }
    let budgets: Vec<BudgetState> = spent
        .into_iter()
        .map(|((year, month), spent_minor)| BudgetState {
            year,
            month,
            spent_minor,
        })
        .collect();
    Ok(GiftLedger::new(&gifts, &past, &budgets))
}

/// The rule of the plan's first gift, or of its card alone.
fn plan_rule(plan: &GiftPlan) -> Option<i64> {
    plan.gifts.first().map(|g| g.rule_id).or_else(|| {
        plan.trace.iter().find_map(|s| match s {
            TraceStep::CardOnly { rule_id, .. } | TraceStep::CardAdded { rule_id, .. } => {
                Some(*rule_id)
            }
            _ => None,
        })
    })
}

/// Orders whose plans go to the database in one statement (and their gifts
/// and cards in one more each, split further by the parameter limit).
const PLANS_PER_STATEMENT: usize = 4_000;

/// Plans the candidates in order and stores each plan, its items and its card.
fn plan_and_store(
    tx: &Connection,
    policy: &GiftPolicy,
    list: &[Candidate],
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<GiftPlanCounts> {
    let mut counts = GiftPlanCounts::default();
    if list.is_empty() || policy.rules.is_empty() {
        return Ok(counts);
    }
    let zone = shop_zone(tx)?;
    let from = list
        .iter()
        .map(|c| local_day(c.facts.order.placed_at, zone))
        .min()
        .unwrap_or_else(|| local_day(now, zone));
    let mut customers: Vec<i64> = list.iter().map(|c| c.facts.order.customer_id).collect();
    customers.sort_unstable();
    customers.dedup();
    let mut ledger = ledger(tx, policy, from, &customers, None)?;
    let facts: Vec<GiftCandidate> = list.iter().map(|c| c.facts.clone()).collect();
    let plans = plan_gift_batch(policy, zone, &mut ledger, &facts);

    let shop_name = get(tx, "shop_name")?.unwrap_or_else(|| DEFAULT_SHOP_NAME.to_string());
    let staff_name = get(tx, "staff_name")?.unwrap_or_default();
    let shop_language = Language::for_country(&shop_country(tx)?);
    let at = to_db(now);
    let mut templates: HashMap<(Language, String), String> = HashMap::new();
    let planned: Vec<(&Candidate, &GiftPlan)> = list.iter().zip(&plans).collect();
    // Thousands of orders per statement: a server is not asked thrice per order.
    for chunk in planned.chunks(PLANS_PER_STATEMENT) {
        let rows: Vec<Vec<Value>> = chunk
            .iter()
            .map(|(c, plan)| {
                let order = &c.facts.order;
                vec![
                    order.order_id.into(),
                    order.customer_id.into(),
                    local_day(order.placed_at, zone).to_string().into(),
                    plan_rule(plan).into(),
                    serde_json::to_string(&plan.trace)
                        .unwrap_or_else(|_| "[]".into())
                        .into(),
                    "planned".to_string().into(),
                    at.clone().into(),
                ]
            })
            .collect();
        let mut plan_ids: HashMap<i64, i64> = HashMap::with_capacity(chunk.len());
        insert_many(
            tx,
            "INSERT INTO gift_plans (order_id, customer_id, given_on, rule_id, trace, status, created_at) VALUES",
            "RETURNING order_id, id",
            &rows,
            &mut |r| {
                plan_ids.insert(r.get(0)?, r.get(1)?);
                Ok(())
            },
        )?;
        let plan_of = |order_id: i64| {
            plan_ids
                .get(&order_id)
                .copied()
                .ok_or(StoreError::NotFound {
                    entity: "gift plan of order",
                    id: order_id,
                })
        };
        let mut items: Vec<Vec<Value>> = Vec::new();
        let mut cards: Vec<Vec<Value>> = Vec::new();
        for (c, plan) in chunk {
            let order = &c.facts.order;
            let plan_id = plan_of(order.order_id)?;
            counts.orders += 1;
            for g in &plan.gifts {
                items.push(vec![
                    plan_id.into(),
                    g.gift_id.into(),
                    g.rule_id.into(),
                    1.into(),
                    g.unit_cost_minor.into(),
                    g.currency.clone().into(),
                ]);
                counts.gifts += 1;
            }
            let Some(occasion) = plan.card else { continue };
            let language = c
                .language
                .or_else(|| c.country.as_deref().map(Language::for_country))
                .unwrap_or(shop_language);
            let code = occasion_code(occasion);
            let key = (language, code.clone());
            if !templates.contains_key(&key) {
                let text = template_text(tx, language, occasion)?;
                templates.insert(key.clone(), text);
            }
            let gift_name = plan
                .gifts
                .iter()
                .map(|g| g.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let text = render_card(
                &templates[&key],
                &CardFields {
                    first_name: c.first_name.trim(),
                    order_number: &c.number,
                    gift_name: &gift_name,
                    shop_name: &shop_name,
                    staff_name: &staff_name,
                },
            );
            cards.push(vec![
                plan_id.into(),
                order.order_id.into(),
                order.customer_id.into(),
                language.code().to_string().into(),
                code.into(),
                text.into(),
                at.clone().into(),
            ]);
            counts.cards += 1;
        }
        insert_many(
            tx,
            "INSERT INTO gift_plan_items (plan_id, gift_id, rule_id, quantity, unit_cost_minor, currency) VALUES",
            "",
            &items,
            &mut |_| Ok(()),
        )?;
        insert_many(
            tx,
            "INSERT INTO cards (plan_id, order_id, customer_id, language, occasion, text, created_at) VALUES",
            "",
            &cards,
            &mut |_| Ok(()),
        )?;
    }
    record(
        tx,
        actor,
        "gift_plan",
        None,
        "plan",
        &json!({"orders": counts.orders, "gifts": counts.gifts, "cards": counts.cards}),
    )?;
    Ok(counts)
}

impl Store {
    /// Plans gifts for the new paid orders (placed within
    /// [`GIFT_PLAN_WINDOW_DAYS`] of `now`, not packed, never planned) under the
    /// saved policy, oldest first; after an import, a sync, or from the gifts screen.
    pub fn plan_gifts(&self, now: DateTime<Utc>, actor: &Actor) -> Result<GiftPlanCounts> {
        self.plan_gifts_for_orders(None, now, actor)
    }

    /// Plans gifts for `order_ids` chosen by hand (those not cancelled, packed or
    /// planned already; a released plan may be made again; the "manual" rule
    /// applies to them), or with `None` for the new paid orders as
    /// [`Store::plan_gifts`] does. One transaction.
    pub fn plan_gifts_for_orders(
        &self,
        order_ids: Option<&[i64]>,
        now: DateTime<Utc>,
        actor: &Actor,
    ) -> Result<GiftPlanCounts> {
        self.write(|tx| {
            let policy = read_gift_policy(tx)?;
            if policy.rules.is_empty() {
                return Ok(GiftPlanCounts::default());
            }
            let list = match order_ids {
                None => {
                    let since = to_db(now - Duration::days(GIFT_PLAN_WINDOW_DAYS));
                    candidates(tx, UNPLANNED, &since)?
                }
                Some(ids) => {
                    let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
                    // Orders chosen by hand: the "manual" rule applies to them.
                    let filter = CHOSEN.replace("{ids}", &json_integers(tx, "?1"));
                    let mut chosen = candidates(tx, &filter, &ids)?;
                    for c in &mut chosen {
                        c.facts.order.manual = true;
                    }
                    chosen
                }
            };
            plan_and_store(tx, &policy, &list, now, actor)
        })
    }

    /// What the order would get and why under `policy` (the saved one when
    /// `None`), against today's stock, spending and past gifts — without its own
    /// plan, if it has one. Writes nothing; for the rules editor's live preview.
    pub fn preview_gifts(&self, order_id: i64, policy: Option<&GiftPolicy>) -> Result<GiftPlan> {
        self.read(|conn| {
            let saved;
            let policy = match policy {
                Some(p) => p,
                None => {
                    saved = read_gift_policy(conn)?;
                    &saved
                }
            };
            let c = candidates(conn, "o.id = CAST(?1 AS BIGINT)", &order_id.to_string())?
                .into_iter()
                .next()
                .ok_or(StoreError::NotFound {
                    entity: "order with a customer",
                    id: order_id,
                })?;
            let zone = shop_zone(conn)?;
            let day = local_day(c.facts.order.placed_at, zone);
            let customer = [c.facts.order.customer_id];
            let ledger = ledger(conn, policy, day, &customer, Some(order_id))?;
            Ok(plan_gifts(
                policy,
                zone,
                &ledger,
                &c.facts.order,
                &c.facts.customer,
            ))
        })
    }
}

//! What a few weeks of aftercare leave in the demo shop, so that every screen
//! has something to show a newcomer: a gift catalogue with stock (one gift
//! running low), a gift policy with a rule of each kind, gifts and cards
//! planned for the recent paid orders (some cards written, some printed on
//! the slip instead), and thank-you calls made over the last weeks with their
//! outcomes, notes and satisfaction.

use chrono::{DateTime, Duration, Utc};
use courtesy_core::calls::CallOutcome;
use courtesy_core::gifts::{CardOccasion, GiftPolicy, GiftRule, GiftRuleKind};
use courtesy_core::Language;
use courtesy_store::{Actor, AttemptInput, GiftInput, Store, StoreError};
use std::collections::BTreeMap;

/// What the aftercare added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AftercareCounts {
    /// Gifts in the catalogue.
    pub gifts: usize,
    /// Rules of the gift policy.
    pub rules: usize,
    /// Orders given gifts or cards.
    pub planned_orders: usize,
    /// Cards marked written by hand.
    pub cards_written: usize,
    /// Cards left to be printed on the slip.
    pub cards_printed: usize,
    /// Call attempts recorded.
    pub call_attempts: usize,
}

/// The catalogue: (name, SKU, unit cost in grosze, stock, low-stock mark).
const GIFTS: [(&str, &str, i64, u32, u32); 4] = [
    ("Próbka herbaty Earl Grey", "DEMO-GIFT-TEA", 450, 60, 10),
    ("Mini świeca sojowa", "DEMO-GIFT-CANDLE", 900, 25, 5),
    (
        "Zakładka z lipowym liściem",
        "DEMO-GIFT-BOOKMARK",
        250,
        120,
        20,
    ),
    (
        "Puszka pierników toruńskich",
        "DEMO-GIFT-GINGER",
        1500,
        6,
        8,
    ),
];

fn rule(id: i64, name: &str, kind: GiftRuleKind, gifts: &[i64], card: CardOccasion) -> GiftRule {
    GiftRule {
        id,
        name: name.into(),
        enabled: true,
        kind,
        gifts: gifts.to_vec(),
        card: Some(card),
        also_later_rules: false,
    }
}

/// A rule of each kind, the most particular first, and a thank-you card for
/// every other order.
fn policy(g: &[i64]) -> GiftPolicy {
    let big: BTreeMap<String, i64> = [
        ("PLN", 30_000),
        ("EUR", 7_000),
        ("USD", 7_500),
        ("GBP", 6_000),
    ]
    .into_iter()
    .map(|(c, m)| (c.to_string(), m))
    .collect();
    GiftPolicy {
        rules: vec![
            rule(
                1,
                "Stali klienci (VIP)",
                GiftRuleKind::Tier {
                    tiers: vec!["VIP".into()],
                },
                &[g[3]],
                CardOccasion::Loyalty,
            ),
            rule(
                2,
                "Urodziny w tym tygodniu",
                GiftRuleKind::Birthday { within_days: 7 },
                &[g[1]],
                CardOccasion::Birthday,
            ),
            rule(
                3,
                "Imieniny",
                GiftRuleKind::NameDay {
                    within_days: 3,
                    calendars: vec![],
                },
                &[g[2]],
                CardOccasion::NameDay,
            ),
            rule(
                4,
                "Z polecenia",
                GiftRuleKind::Referral,
                &[g[2]],
                CardOccasion::Referral,
            ),
            rule(
                5,
                "Duże zamówienie",
                GiftRuleKind::OrderTotalAtLeast {
                    thresholds_minor: big,
                },
                &[g[1]],
                CardOccasion::BigOrder,
            ),
            rule(
                6,
                "Co piąte zamówienie",
                GiftRuleKind::NthOrder { n: 5, repeat: true },
                &[g[0]],
                CardOccasion::Milestone,
            ),
            rule(
                7,
                "Powrót po przerwie",
                GiftRuleKind::WinBack { min_gap_days: 180 },
                &[g[0]],
                CardOccasion::WelcomeBack,
            ),
            rule(
                8,
                "Pierwsze zamówienie",
                GiftRuleKind::FirstOrder,
                &[g[0]],
                CardOccasion::Welcome,
            ),
            rule(
                9,
                "Wybrane ręcznie",
                GiftRuleKind::Manual,
                &[g[2]],
                CardOccasion::ThankYou,
            ),
            // Whatever else matched, every parcel carries a thank-you card.
            rule(
                10,
                "Każde zamówienie",
                GiftRuleKind::NthOrder { n: 1, repeat: true },
                &[],
                CardOccasion::ThankYou,
            ),
        ],
        monthly_budget_minor: [("PLN".to_string(), 150_000)].into_iter().collect(),
        no_repeat_months: 6,
    }
}

/// A note from a call, in the customer's language.
fn call_note(language: Option<Language>, k: usize) -> &'static str {
    const NOTES: [[&str; 4]; 3] = [
        [
            "Bardzo zadowolona, pyta o zieloną herbatę jaśminową.",
            "Very happy with the parcel; asked about the jasmine green tea.",
            "Очень довольна, спрашивала про жасминовый чай.",
            "Tyytyväinen, kysyi jasmiiniteestä.",
        ],
        [
            "Paczka przyszła z rozbitym kubkiem, wysyłamy nowy.",
            "The mug arrived broken; we are sending a new one.",
            "Кружка пришла разбитой, отправляем новую.",
            "Muki tuli rikki, lähetämme uuden.",
        ],
        [
            "Dziękuje za kartkę, poleci nas znajomym.",
            "Thanked us for the card; will recommend us to friends.",
            "Благодарит за открытку, порекомендует нас друзьям.",
            "Kiitti kortista, suosittelee meitä ystävilleen.",
        ],
    ];
    let lang = match language {
        Some(Language::Pl) => 0,
        Some(Language::Ru) => 2,
        Some(Language::Fi) => 3,
        _ => 1,
    };
    NOTES[k % NOTES.len()][lang]
}

/// The calls of the last weeks: a call planned for a customer and how it
/// went, one every second day, at noon (inside anyone's calling hours).
fn past_calls(store: &Store, now: DateTime<Utc>, actor: &Actor) -> Result<usize, StoreError> {
    let outcomes = [
        (CallOutcome::Reached, Some(5), false),
        (CallOutcome::Voicemail, None, false),
        (CallOutcome::Reached, Some(2), true),
        (CallOutcome::NoAnswer, None, false),
        (CallOutcome::Reached, Some(4), false),
        (CallOutcome::Busy, None, false),
    ];
    let customers = store.list_customers(0, 400)?.items;
    let mut made = 0;
    for (k, c) in customers
        .iter()
        .filter(|c| !c.do_not_call && c.order_count >= 2 && c.phone.is_some())
        .step_by(9)
        .take(18)
        .enumerate()
    {
        let day = (now - Duration::days(2 * k as i64 + 1))
            .date_naive()
            .and_hms_opt(11, 0, 0)
            .unwrap_or_default()
            .and_utc();
        let caller = actor.at(day);
        let call = store.plan_manual_call(c.id, day, day, &caller)?;
        let (outcome, satisfaction, problem) = outcomes[k % outcomes.len()];
        let language = store.customer_profile(c.id)?.language;
        let notes = if outcome == CallOutcome::Reached {
            call_note(language, if problem { 1 } else { k / 2 }).to_string()
        } else {
            String::new()
        };
        let attempt = AttemptInput {
            at: day + Duration::minutes(5),
            outcome,
            duration_seconds: if outcome == CallOutcome::Reached {
                60 + 17 * k as u32
            } else {
                0
            },
            satisfaction,
            notes,
            delivery_problem: problem,
            follow_up_at: None,
        };
        store.record_attempt(call, &attempt, &caller.at(attempt.at))?;
        made += 1;
    }
    Ok(made)
}

/// Adds the aftercare to a freshly loaded demo shop (see the module docs).
pub fn aftercare(
    store: &Store,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<AftercareCounts, StoreError> {
    let mut ids = Vec::new();
    for (name, sku, cost, stock, low) in GIFTS {
        let gift = store.add_gift(
            &GiftInput {
                name: name.into(),
                sku: Some(sku.into()),
                unit_cost_minor: cost,
                currency: "PLN".into(),
                stock,
                low_stock_at: low,
                active: true,
            },
            actor,
        )?;
        ids.push(gift.id);
    }
    let policy = store.save_gift_policy(&policy(&ids), actor)?;
    let planned = store.plan_gifts(now, actor)?;
    let mut counts = AftercareCounts {
        gifts: ids.len(),
        rules: policy.rules.len(),
        planned_orders: planned.orders as usize,
        ..AftercareCounts::default()
    };
    // Of the cards to write, every third is written already and every fourth
    // goes onto the slip instead.
    for (k, card) in store.cards_to_write()?.iter().enumerate() {
        if k % 3 == 0 {
            store.mark_card_written(card.id, actor)?;
            counts.cards_written += 1;
        } else if k % 4 == 1 {
            store.set_card_printed(card.id, true, actor)?;
            counts.cards_printed += 1;
        }
    }
    counts.call_attempts = past_calls(store, now, actor)?;
    Ok(counts)
}

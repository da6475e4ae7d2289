//! Gifts and handwritten cards: the catalogue, the policy, planning, plans, cards and their texts, the month's spending.

pub(crate) mod card_templates;
pub(crate) mod cards;
pub(crate) mod catalogue;
pub(crate) mod gift_planning;
pub(crate) mod gift_plans;
pub(crate) mod gift_policy;
pub(crate) mod gift_spending;

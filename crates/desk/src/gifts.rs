//! Gifts and cards at the desk: planning (also for one order chosen by hand),
//! the policy saved and applied, the catalogue, the cards written and their
//! texts, the card sheet printed on the desk's printer.

use crate::desk::Desk;
use crate::error::DeskError;
use courtesy_core::gifts::GiftPolicy;
use courtesy_core::Money;
use courtesy_store::{CardTemplate, CardView, GiftInput, GiftPlanCounts, GiftView, OrderGiftPlan};

impl Desk<'_> {
    /// Plans gifts and cards for the new paid orders.
    pub fn plan_gifts(&self) -> Result<GiftPlanCounts, DeskError> {
        let actor = self.actor();
        Ok(self.store.plan_gifts(actor.at, &actor)?)
    }

    /// Plans the gifts of one order chosen by hand; its plan after.
    pub fn plan_gift_for_order(&self, order_id: i64) -> Result<Option<OrderGiftPlan>, DeskError> {
        let actor = self.actor();
        self.store
            .plan_gifts_for_orders(Some(&[order_id]), actor.at, &actor)?;
        Ok(self.store.order_gift_plan(order_id)?)
    }

    /// Saves the gift policy and plans the new paid orders under it.
    pub fn save_gift_policy(&self, policy: &GiftPolicy) -> Result<GiftPolicy, DeskError> {
        let actor = self.actor();
        let saved = self.store.save_gift_policy(policy, &actor)?;
        self.store.plan_gifts(actor.at, &actor)?;
        Ok(saved)
    }

    /// Adds a gift to the catalogue.
    pub fn add_gift(&self, gift: &GiftInput) -> Result<GiftView, DeskError> {
        Ok(self.store.add_gift(gift, &self.actor())?)
    }

    /// Changes a gift of the catalogue.
    pub fn update_gift(&self, id: i64, gift: &GiftInput) -> Result<GiftView, DeskError> {
        Ok(self.store.update_gift(id, gift, &self.actor())?)
    }

    /// What the planned gifts of this month cost, per currency.
    pub fn gift_spending(&self) -> Result<Vec<Money>, DeskError> {
        Ok(self.store.gift_spending(self.today())?)
    }

    /// Changes the text of a card to write.
    pub fn edit_card_text(&self, card_id: i64, text: &str) -> Result<CardView, DeskError> {
        Ok(self.store.edit_card_text(card_id, text, &self.actor())?)
    }

    /// Takes a written card off the list.
    pub fn mark_card_written(&self, card_id: i64) -> Result<CardView, DeskError> {
        Ok(self.store.mark_card_written(card_id, &self.actor())?)
    }

    /// Saves the owner's text of an occasion's card in one language.
    pub fn save_card_template(&self, template: &CardTemplate) -> Result<CardTemplate, DeskError> {
        Ok(self.store.save_card_template(template, &self.actor())?)
    }

    /// Prints the sheet of the cards to write on `printer`, else the desk's,
    /// else the system's default; the printer it went to.
    pub fn print_card_sheet(&self, printer: Option<&str>) -> Result<String, DeskError> {
        let desk_printer = self.store.settings()?.desk_printer;
        let printer = printer.or(desk_printer.as_deref());
        match courtesy_dispatch::print_card_sheet(self.store, printer)? {
            Some(done) => Ok(done.printer),
            None => Err(DeskError::NoCards),
        }
    }

    /// The sheet of the cards to write as a PDF, in the desk's language.
    pub fn card_sheet(&self) -> Result<Vec<u8>, DeskError> {
        courtesy_dispatch::desk_card_sheet(self.store)?.ok_or(DeskError::NoCards)
    }
}

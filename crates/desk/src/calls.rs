//! Thank-you calls at the desk: the queue refreshed and listed, a call's card,
//! an attempt recorded, a call planned by hand, and the owner's policy and
//! scripts saved (the queue follows a new policy at once).

use crate::desk::Desk;
use crate::error::DeskError;
use chrono::{DateTime, Utc};
use courtesy_core::calls::{CallPolicy, CallScripts};
use courtesy_store::{
    AttemptInput, AttemptResult, CallCard, CallListItem, CustomerOccasion, RefreshCounts,
};

/// The most days ahead the occasions list looks.
const OCCASION_DAYS: u32 = 60;

/// The most occasions listed.
const OCCASIONS: usize = 200;

impl Desk<'_> {
    /// Refreshes the call queue (orders may have shipped or arrived since).
    pub fn refresh_calls(&self) -> Result<RefreshCounts, DeskError> {
        let actor = self.actor();
        Ok(self.store.refresh_calls(actor.at, &actor)?)
    }

    /// Refreshes the queue and lists the calls to make now, at most `limit`.
    pub fn calls_today(&self, limit: usize) -> Result<Vec<CallListItem>, DeskError> {
        self.refresh_calls()?;
        Ok(self.store.calls_due(self.now(), limit)?)
    }

    /// Like [`Desk::calls_today`], at a moment of the caller's choosing (the
    /// command line's `--at`), with what the refresh did.
    pub fn calls_at(
        &self,
        at: DateTime<Utc>,
        limit: usize,
    ) -> Result<(RefreshCounts, Vec<CallListItem>), DeskError> {
        let actor = self.actor().at(at);
        let counts = self.store.refresh_calls(at, &actor)?;
        Ok((counts, self.store.calls_due(at, limit)?))
    }

    /// One call's card, its script signed with the person at the desk.
    pub fn call_card(&self, call_id: i64) -> Result<CallCard, DeskError> {
        Ok(self.store.call_card(call_id, &self.actor().name)?)
    }

    /// Claims a call for this desk while it is open on its screen (call again
    /// to renew): other desks show it as being called by this person.
    pub fn claim_call(&self, call_id: i64) -> Result<(), DeskError> {
        Ok(self
            .store
            .claim_call(call_id, &self.actor().name, self.now())?)
    }

    /// Lets go of this desk's claim on a call closed without an attempt.
    pub fn release_call(&self, call_id: i64) -> Result<(), DeskError> {
        Ok(self.store.release_call(call_id)?)
    }

    /// Records an attempt at a call.
    pub fn record_call(
        &self,
        call_id: i64,
        attempt: &AttemptInput,
    ) -> Result<AttemptResult, DeskError> {
        Ok(self.store.record_attempt(call_id, attempt, &self.actor())?)
    }

    /// Plans a call to a customer by hand, due at `due`.
    pub fn plan_call(&self, customer_id: i64, due: DateTime<Utc>) -> Result<i64, DeskError> {
        let actor = self.actor();
        Ok(self
            .store
            .plan_manual_call(customer_id, due, actor.at, &actor)?)
    }

    /// Saves the call policy and refreshes the queue under it.
    pub fn save_call_policy(&self, policy: &CallPolicy) -> Result<CallPolicy, DeskError> {
        let actor = self.actor();
        let saved = self.store.save_call_policy(policy, &actor)?;
        self.store.refresh_calls(actor.at, &actor)?;
        Ok(saved)
    }

    /// Saves the call scripts.
    pub fn save_call_scripts(&self, scripts: &CallScripts) -> Result<CallScripts, DeskError> {
        Ok(self.store.save_call_scripts(scripts, &self.actor())?)
    }

    /// Birthdays and name days of the coming `days` (at most 60).
    pub fn coming_occasions(&self, days: u32) -> Result<Vec<CustomerOccasion>, DeskError> {
        Ok(self
            .store
            .coming_occasions(self.today(), days.min(OCCASION_DAYS), OCCASIONS)?)
    }
}

//! The desk: the store, the clock and the door a person came through, and the
//! two things every workflow asks of them — who is acting, and when.

use crate::operator::{operator, os_user};
use chrono::{DateTime, NaiveDate, Utc};
use courtesy_core::Clock;
use courtesy_store::{Actor, AuditSource, Store};

/// The desk a workflow runs at.
pub struct Desk<'a> {
    pub(crate) store: &'a Store,
    clock: &'a dyn Clock,
    door: AuditSource,
}

impl<'a> Desk<'a> {
    /// The desk over `store`, reading the time from `clock`, for a person who
    /// came through `door` (the app's UI or the command line).
    pub fn new(store: &'a Store, clock: &'a dyn Clock, door: AuditSource) -> Self {
        Desk { store, clock, door }
    }

    /// The store, for reads.
    pub fn store(&self) -> &'a Store {
        self.store
    }

    /// The current moment.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Today's date at the desk.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The clock itself, for work that asks the time more than once.
    pub fn clock(&self) -> &'a dyn Clock {
        self.clock
    }

    /// Who is acting now, as the audit log names them (see [`operator`]).
    pub fn actor(&self) -> Actor {
        self.actor_through(self.door)
    }

    /// The same person, acting through another door (an import is recorded
    /// as one whichever way the file came in).
    pub(crate) fn actor_through(&self, door: AuditSource) -> Actor {
        let staff = self
            .store
            .settings()
            .map(|s| s.staff_name)
            .unwrap_or_default();
        let name = operator(&staff, os_user().as_deref(), self.door);
        Actor::new(name, door, self.now())
    }
}

-- Schema v6: gifts in the parcel and handwritten cards.
-- The gift catalogue with its stock; a plan per order (the gifts the rules chose,
-- with the trace of why); the card that goes with it, its text rendered from the
-- owner's template in the customer's language. Stock moves when the order is
-- packed, not when it is planned. All times UTC ISO 8601 text; money minor units.

CREATE TABLE gifts (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sku              TEXT UNIQUE,
    unit_cost_minor  INTEGER NOT NULL CHECK (unit_cost_minor >= 0),
    currency         TEXT NOT NULL CHECK (length(currency) = 3),
    -- Pieces on the shelf; packed plans take theirs off.
    stock            INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
    -- The catalogue flags the gift when free pieces fall to this many.
    low_stock_at     INTEGER NOT NULL DEFAULT 0 CHECK (low_stock_at >= 0),
    -- A retired gift is no longer planned (its past plans keep it).
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

-- What the rules chose for one order. 'planned' until the order is packed
-- ('packed': its gifts left the shelf) or cancelled ('released').
CREATE TABLE gift_plans (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    customer_id  INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    -- The order's date in the shop's time zone: budget month and no-repeat window.
    given_on     TEXT NOT NULL CHECK (given_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- The rule of the first gift (or of the card alone); NULL when nothing matched.
    rule_id      INTEGER,
    -- The planner's decisions, JSON array of courtesy_core::gifts::TraceStep.
    trace        TEXT NOT NULL DEFAULT '[]',
    status       TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','packed','released')),
    created_at   TEXT NOT NULL,
    packed_at    TEXT,
    released_at  TEXT
) STRICT;
-- One live plan per order; released ones stay as history.
CREATE UNIQUE INDEX gift_plans_one_live_per_order ON gift_plans(order_id) WHERE status <> 'released';
CREATE INDEX gift_plans_by_order ON gift_plans(order_id);
CREATE INDEX gift_plans_by_customer ON gift_plans(customer_id, given_on);
CREATE INDEX gift_plans_by_day ON gift_plans(given_on) WHERE status <> 'released';

CREATE TABLE gift_plan_items (
    id               INTEGER PRIMARY KEY,
    plan_id          INTEGER NOT NULL REFERENCES gift_plans(id) ON DELETE CASCADE,
    gift_id          INTEGER NOT NULL REFERENCES gifts(id),
    rule_id          INTEGER NOT NULL,
    quantity         INTEGER NOT NULL DEFAULT 1 CHECK (quantity = 1),
    -- The cost when planned (the budget counts this, not today's price).
    unit_cost_minor  INTEGER NOT NULL,
    currency         TEXT NOT NULL CHECK (length(currency) = 3)
) STRICT;
CREATE INDEX gift_plan_items_by_plan ON gift_plan_items(plan_id);
CREATE INDEX gift_plan_items_by_gift ON gift_plan_items(gift_id);

-- The owner's card texts; occasions without one use the texts shipped in code.
CREATE TABLE card_templates (
    language    TEXT NOT NULL CHECK (language IN ('en','pl','ru','fi')),
    occasion    TEXT NOT NULL,
    text        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (language, occasion)
) STRICT, WITHOUT ROWID;

-- A card to put into the parcel: handwritten from `text` (the writer may edit
-- it), or printed on the slip. Dropped when its order is cancelled unwritten.
CREATE TABLE cards (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES gift_plans(id) ON DELETE CASCADE,
    order_id     INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    customer_id  INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    language     TEXT NOT NULL CHECK (language IN ('en','pl','ru','fi')),
    occasion     TEXT NOT NULL,
    text         TEXT NOT NULL,
    printed      INTEGER NOT NULL DEFAULT 0 CHECK (printed IN (0,1)),
    status       TEXT NOT NULL DEFAULT 'to_write' CHECK (status IN ('to_write','written','dropped')),
    written_at   TEXT,
    written_by   TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    CHECK ((status = 'written') = (written_at IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX cards_one_per_plan ON cards(plan_id);
CREATE INDEX cards_by_customer ON cards(customer_id);
CREATE INDEX cards_to_write ON cards(created_at) WHERE status = 'to_write' AND printed = 0;

-- A cancelled or refunded order gives its planned gifts back and its unwritten
-- card is dropped, in the transaction that changes the order's status (an import,
-- a sync or a person).
CREATE TRIGGER gift_plan_released_with_order AFTER UPDATE OF status ON orders
    WHEN NEW.status IN ('cancelled','refunded') AND OLD.status NOT IN ('cancelled','refunded')
BEGIN
    UPDATE cards SET status = 'dropped'
        WHERE status = 'to_write'
          AND plan_id IN (SELECT id FROM gift_plans WHERE order_id = NEW.id AND status = 'planned');
    UPDATE gift_plans SET status = 'released', released_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE order_id = NEW.id AND status = 'planned';
END;

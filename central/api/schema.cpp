#include "api/schema.hpp"

namespace onestop::central::api {

// Money is in fen (BIGINT), times are epoch seconds (BIGINT), months are 'YYYY-MM' text,
// days 'YYYY-MM-DD'. Citizens are referred to by an internal id everywhere but in
// `citizens` itself, so audit entries and logs never need the ID number.
std::vector<store::Migration> centralMigrations() {
  return {
      {1, "records",
       R"SQL(
CREATE TABLE citizens (
  id            TEXT PRIMARY KEY,
  id_number     TEXT NOT NULL UNIQUE,
  card_type     TEXT NOT NULL,
  name          TEXT NOT NULL,
  english_name  TEXT NOT NULL DEFAULT '',
  gender        BIGINT NOT NULL,
  birth_date    TEXT NOT NULL,
  phone         TEXT NOT NULL DEFAULT '',
  address       TEXT NOT NULL DEFAULT '',
  bank_account  TEXT NOT NULL DEFAULT '',
  employer      TEXT NOT NULL DEFAULT '',
  card_status   TEXT NOT NULL DEFAULT 'normal',
  created_at    BIGINT NOT NULL
);
CREATE TABLE participations (
  citizen_id     TEXT NOT NULL REFERENCES citizens(id),
  insurance_type TEXT NOT NULL,
  status         TEXT NOT NULL,
  since          TEXT NOT NULL,
  PRIMARY KEY (citizen_id, insurance_type)
);
CREATE TABLE participation_history (
  citizen_id     TEXT NOT NULL REFERENCES citizens(id),
  insurance_type TEXT NOT NULL,
  seq            BIGINT NOT NULL,
  from_month     TEXT NOT NULL,
  to_month       TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL,
  employer       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (citizen_id, insurance_type, seq)
);
CREATE TABLE contributions (
  citizen_id     TEXT NOT NULL REFERENCES citizens(id),
  insurance_type TEXT NOT NULL,
  month          TEXT NOT NULL,
  base_fen       BIGINT NOT NULL,
  employer_fen   BIGINT NOT NULL,
  personal_fen   BIGINT NOT NULL,
  status         TEXT NOT NULL,
  PRIMARY KEY (citizen_id, insurance_type, month)
);
CREATE TABLE pension_accounts (
  citizen_id      TEXT NOT NULL REFERENCES citizens(id),
  year            BIGINT NOT NULL,
  opening_fen     BIGINT NOT NULL,
  contributed_fen BIGINT NOT NULL,
  interest_fen    BIGINT NOT NULL,
  closing_fen     BIGINT NOT NULL,
  interest_rate   DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (citizen_id, year)
);
CREATE TABLE benefit_payments (
  citizen_id   TEXT NOT NULL REFERENCES citizens(id),
  benefit_type TEXT NOT NULL,
  month        TEXT NOT NULL,
  amount_fen   BIGINT NOT NULL,
  paid_on      TEXT NOT NULL,
  PRIMARY KEY (citizen_id, benefit_type, month)
);
CREATE TABLE essc_tokens (
  token_hash  TEXT PRIMARY KEY,
  citizen_id  TEXT NOT NULL REFERENCES citizens(id),
  expires_at  BIGINT NOT NULL
);
)SQL"},
      {2, "sessions, filings and feedback",
       R"SQL(
CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  citizen_id  TEXT NOT NULL REFERENCES citizens(id),
  kiosk_id    TEXT NOT NULL,
  method      TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);
CREATE TABLE rate_windows (
  bucket      TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  hits        BIGINT NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE TABLE idempotency_keys (
  kiosk_id     TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  state        TEXT NOT NULL,
  status       BIGINT NOT NULL DEFAULT 0,
  response     TEXT NOT NULL DEFAULT '',
  created_at   BIGINT NOT NULL,
  PRIMARY KEY (kiosk_id, key)
);
CREATE TABLE applications (
  acceptance_number TEXT PRIMARY KEY,
  citizen_id    TEXT NOT NULL REFERENCES citizens(id),
  service_id    TEXT NOT NULL,
  kiosk_id      TEXT NOT NULL,
  state         TEXT NOT NULL,
  reason        TEXT NOT NULL DEFAULT '',
  details       TEXT NOT NULL,
  accepted_at   BIGINT NOT NULL,
  due_on        TEXT NOT NULL,
  updated_at    BIGINT NOT NULL
);
CREATE INDEX applications_by_citizen ON applications(citizen_id, accepted_at);
CREATE TABLE application_events (
  acceptance_number TEXT NOT NULL REFERENCES applications(acceptance_number),
  seq         BIGINT NOT NULL,
  at          BIGINT NOT NULL,
  state       TEXT NOT NULL,
  actor       TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (acceptance_number, seq)
);
CREATE TABLE ratings (
  acceptance_number TEXT PRIMARY KEY,
  level       BIGINT NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  kiosk_id    TEXT NOT NULL,
  at          BIGINT NOT NULL
);
CREATE TABLE complaints (
  id          TEXT PRIMARY KEY,
  kiosk_id    TEXT NOT NULL,
  citizen_id  TEXT,
  category    TEXT NOT NULL,
  text        TEXT NOT NULL,
  at          BIGINT NOT NULL,
  state       TEXT NOT NULL
);
CREATE TABLE queue_tickets (
  day         TEXT NOT NULL,
  prefix      TEXT NOT NULL,
  seq         BIGINT NOT NULL,
  service_id  TEXT NOT NULL,
  kiosk_id    TEXT NOT NULL,
  issued_at   BIGINT NOT NULL,
  state       TEXT NOT NULL,
  PRIMARY KEY (day, prefix, seq)
);
)SQL"},
      {3, "certificates, fleet and audit",
       R"SQL(
CREATE TABLE certificates (
  serial            TEXT PRIMARY KEY,
  verification_code TEXT NOT NULL UNIQUE,
  citizen_id        TEXT NOT NULL REFERENCES citizens(id),
  type              TEXT NOT NULL,
  kiosk_id          TEXT NOT NULL,
  issued_at         BIGINT NOT NULL,
  valid_until       BIGINT NOT NULL,
  key_id            TEXT NOT NULL,
  document          TEXT NOT NULL,
  seal              TEXT NOT NULL,
  revoked_at        BIGINT,
  revoke_reason     TEXT NOT NULL DEFAULT ''
);
CREATE TABLE kiosks (
  kiosk_id         TEXT PRIMARY KEY,
  last_seen        BIGINT NOT NULL,
  software_version TEXT NOT NULL,
  devices          TEXT NOT NULL
);
CREATE TABLE kiosk_config (
  kiosk_id    TEXT PRIMARY KEY,
  config      TEXT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE TABLE audit_log (
  seq         BIGINT PRIMARY KEY,
  at          BIGINT NOT NULL,
  actor_kind  TEXT NOT NULL,
  actor_id    TEXT NOT NULL,
  action      TEXT NOT NULL,
  subject     TEXT NOT NULL,
  detail      TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
)SQL"},
      {4, "staff console",
       R"SQL(
CREATE TABLE staff_accounts (
  login         TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled      BIGINT NOT NULL DEFAULT 0,
  created_at    BIGINT NOT NULL
);
CREATE TABLE staff_sessions (
  token_hash  TEXT PRIMARY KEY,
  login       TEXT NOT NULL REFERENCES staff_accounts(login),
  csrf_token  TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  last_seen   BIGINT NOT NULL
);
CREATE TABLE staff_login_failures (
  login        TEXT PRIMARY KEY,
  failures     BIGINT NOT NULL,
  locked_until BIGINT NOT NULL,
  last_failure BIGINT NOT NULL
);
ALTER TABLE kiosks ADD COLUMN queued_items BIGINT;
CREATE INDEX applications_by_state ON applications(state, accepted_at);
CREATE INDEX audit_log_by_subject ON audit_log(subject);
CREATE INDEX audit_log_by_actor ON audit_log(actor_id);
CREATE INDEX ratings_by_time ON ratings(at);
)SQL"},
      {5, "certificate print outcome",
       R"SQL(
ALTER TABLE certificates ADD COLUMN acceptance_number TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN printed_at BIGINT;
)SQL"},
  };
}

}  // namespace onestop::central::api

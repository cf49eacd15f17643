-- Who may sign in, and what they did (issue 6; PRODUCT.md §6).
--
-- app_user: the accounts, managed by an ADMIN on the Users page. Passwords are stored only as
-- salted hashes (bcrypt, in Spring Security's "{bcrypt}..." form); nobody can read one back.
--   role     ADMIN      data loads, users, the audit trail and every figure unsuppressed
--            LA_ANALYST one authority's record-level drill-down (la_code), everyone's aggregates
--            VIEWER     aggregates only, small numbers suppressed (indicators.md §9)
-- The first ADMIN, user 'admin', is created at the first start of 'serve' (README: Sign-in).
CREATE TABLE IF NOT EXISTS app_user (
    username            VARCHAR   PRIMARY KEY,
    password_hash       VARCHAR   NOT NULL,
    role                VARCHAR   NOT NULL CHECK (role IN ('ADMIN', 'LA_ANALYST', 'VIEWER')),
    la_code             VARCHAR,             -- the authority of an LA_ANALYST (3-digit code); NULL otherwise
    enabled             BOOLEAN   NOT NULL,
    created_at          TIMESTAMP NOT NULL,
    created_by          VARCHAR   NOT NULL,
    password_changed_at TIMESTAMP NOT NULL,
    last_login_at       TIMESTAMP,
    CHECK ((role = 'LA_ANALYST') = (la_code IS NOT NULL))
);

-- The audit trail, newest last: sign-ins (and failed ones), sign-outs, loads and uploads,
-- exports and downloads, record-level views, changes to accounts, refused requests. Rows are
-- only ever added. Viewable by an ADMIN on the Audit page.
CREATE SEQUENCE IF NOT EXISTS audit_event_seq;
CREATE TABLE IF NOT EXISTS audit_event (
    id             BIGINT    NOT NULL DEFAULT nextval('audit_event_seq'),
    logged_at      TIMESTAMP NOT NULL,
    username       VARCHAR,              -- who (as typed, for a failed sign-in); 'scheduler' or 'cli:<os user>' for unattended work
    role           VARCHAR,              -- their role at the time
    la_code        VARCHAR,              -- an LA_ANALYST's authority
    event          VARCHAR   NOT NULL,   -- login | login_failed | logout | load | upload | export | records | user_created | user_changed | access_denied
    target         VARCHAR,              -- the view, file or account it concerned
    detail         VARCHAR,              -- filters, format, rows, reason: plain text
    remote_address VARCHAR
);

-- 登录限制 per account and client address (issue 18): wrong passwords from one address lock only that address out of
-- that account, for known and unknown user names alike, so a stranger cannot lock the owner out and the answer does
-- not tell whether an account exists. Replaces the account-wide app_user.failed_attempts / locked_until (no longer
-- written; an account-wide lock left by an older version ends here).
CREATE TABLE login_throttle (
    username        VARCHAR(64) NOT NULL,
    client_address  VARCHAR(64) NOT NULL,
    failures        INT NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (username, client_address)
);
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at);

UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE failed_attempts > 0 OR locked_until IS NOT NULL;

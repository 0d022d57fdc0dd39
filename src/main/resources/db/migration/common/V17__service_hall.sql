-- 政务服务: windows (incl. 进驻窗口 of outside agencies), the matter catalogue (事项清单), 一件事一次办 bundle
-- definitions and the 帮办代办 service items. The cases themselves are case_record rows of the engine.
CREATE TABLE service_window (
    code            VARCHAR(40) PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    org_unit_id     BIGINT NOT NULL REFERENCES org_unit (id),
    resident_agency BOOLEAN NOT NULL DEFAULT FALSE,
    agency_name     VARCHAR(100),
    active          BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE service_matter_def (
    code            VARCHAR(60) PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    category        VARCHAR(20) NOT NULL,
    matter_kind     VARCHAR(12) NOT NULL,
    legal_days      INT,
    promised_days   INT NOT NULL,
    org_unit_id     BIGINT NOT NULL REFERENCES org_unit (id),
    window_code     VARCHAR(40) NOT NULL REFERENCES service_window (code),
    materials       VARCHAR(2000),
    active          BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE service_bundle_def (
    code            VARCHAR(60) PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    promised_days   INT NOT NULL
);

CREATE TABLE service_bundle_item (
    bundle_code     VARCHAR(60) NOT NULL REFERENCES service_bundle_def (code),
    matter_code     VARCHAR(60) NOT NULL REFERENCES service_matter_def (code),
    CONSTRAINT service_bundle_item_pk PRIMARY KEY (bundle_code, matter_code)
);

CREATE TABLE assistance_item (
    code            VARCHAR(60) PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    stage           VARCHAR(40),
    promised_days   INT NOT NULL,
    active          BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE INDEX case_record_channel_idx ON case_record (channel_code, opened_on);

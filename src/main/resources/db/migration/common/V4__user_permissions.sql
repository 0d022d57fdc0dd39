-- 权限: grants beyond a user's roles, e.g. VIEW_PERSONAL_DATA (查看未脱敏的身份证号和电话; every use is audited).
CREATE TABLE user_permission (
    user_id    BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    permission VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, permission)
);

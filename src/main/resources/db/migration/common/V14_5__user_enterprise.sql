-- 企业用户绑定企业: the registry enterprise an enterprise user acts for (their requests, notices and honours only).
ALTER TABLE app_user ADD COLUMN enterprise_id BIGINT REFERENCES enterprise (id);

-- 设施 and 荣誉/资质: the built-in catalogue entries (administrators add more), honours keyed for the import
-- pipeline, and the honours staging table.

-- UNDER_CONSTRUCTION has 18 characters.
ALTER TABLE facility ALTER COLUMN status SET DATA TYPE VARCHAR(24);
ALTER TABLE facility_staging ALTER COLUMN status SET DATA TYPE VARCHAR(24);

-- A type's Chinese name is what town staff write in spreadsheets, so it must name one type only.
CREATE UNIQUE INDEX facility_type_name_zh_uk ON facility_type (name_zh);
CREATE UNIQUE INDEX honour_type_name_zh_uk ON honour_type (name_zh);

INSERT INTO facility_type (code, name_zh, name_en, active) VALUES
    ('MICRO_FIRE_STATION', '微型消防站', 'Micro fire station', TRUE),
    ('EV_CHARGER', '新能源汽车充电桩', 'EV charging point', TRUE),
    ('RURAL_SEWAGE', '农村污水处理设施', 'Rural sewage treatment facility', TRUE),
    ('PUBLIC_PARKING', '公共停车场', 'Public car park', TRUE),
    ('COLD_STORAGE', '冷藏保鲜设施', 'Cold storage facility', TRUE),
    ('GEO_HAZARD_POINT', '地质灾害隐患点', 'Geological hazard point', TRUE),
    ('RESERVOIR', '水库', 'Reservoir', TRUE),
    ('MONITORING_SECTION', '监测断面', 'Water monitoring section', TRUE),
    ('AIR_STATION', '空气监测站', 'Air quality monitoring station', TRUE),
    ('FOREST_FIRE_BROADCASTER', '森林火灾语音宣传播放器', 'Forest fire voice broadcaster', TRUE);

-- default_level: NATIONAL 国家级, PROVINCIAL 省级, MUNICIPAL 市级 (设区的市), COUNTY 县级 (县级市 included).
INSERT INTO honour_type (code, name_zh, name_en, default_level, active) VALUES
    ('CHINA_INDUSTRY_AWARD', '中国工业大奖', 'China Industry Award', 'NATIONAL', TRUE),
    ('LITTLE_GIANT', '国家级专精特新"小巨人"企业', 'National specialised and innovative "little giant" enterprise', 'NATIONAL', TRUE),
    ('HIGH_TECH_ENTERPRISE', '高新技术企业', 'High and new technology enterprise', 'NATIONAL', TRUE),
    ('GREEN_FACTORY_NATIONAL', '国家级绿色工厂', 'National green factory', 'NATIONAL', TRUE),
    ('GREEN_SUPPLY_CHAIN', '国家级绿色供应链管理企业', 'National green supply-chain management enterprise', 'NATIONAL', TRUE),
    ('FACTORY_5G', '5G工厂名录', 'National 5G factory list', 'NATIONAL', TRUE),
    ('IIM_GRADE_A', '两化融合管理体系贯标A级', 'IT-industrialisation integration management system, grade A', 'NATIONAL', TRUE),
    ('IP_ADVANTAGE', '国家知识产权优势企业', 'National intellectual property advantage enterprise', 'NATIONAL', TRUE),
    ('GOVERNOR_QUALITY_AWARD', '省长质量奖', 'Provincial Governor''s Quality Award', 'PROVINCIAL', TRUE),
    ('PROV_SPECIALISED_SME', '省级专精特新中小企业', 'Provincial specialised and innovative SME', 'PROVINCIAL', TRUE),
    ('GREEN_FACTORY_PROVINCIAL', '省级绿色工厂', 'Provincial green factory', 'PROVINCIAL', TRUE),
    ('PROV_SCI_TECH_AWARD', '省科学技术奖', 'Provincial Science and Technology Award', 'PROVINCIAL', TRUE),
    ('PROV_RD_PLATFORM', '省级科创平台', 'Provincial science and innovation platform', 'PROVINCIAL', TRUE),
    ('PROV_POSTDOC_BASE', '省博士后创新实践基地', 'Provincial postdoctoral innovation practice base', 'PROVINCIAL', TRUE),
    ('PROV_STANDARD_BASE', '省级标准创新基地', 'Provincial standardisation innovation base', 'PROVINCIAL', TRUE),
    ('PROV_SMART_WORKSHOP', '省级智能制造示范车间', 'Provincial smart manufacturing demonstration workshop', 'PROVINCIAL', TRUE),
    ('PROV_CLOUD_FIVE_STAR', '省五星级上云企业', 'Provincial five-star cloud enterprise', 'PROVINCIAL', TRUE),
    ('PROV_IIOT_BENCHMARK', '省工业互联网标杆工厂', 'Provincial industrial internet benchmark factory', 'PROVINCIAL', TRUE),
    ('JIANGSU_QUALITY', '江苏精品', 'Jiangsu Quality brand', 'PROVINCIAL', TRUE),
    ('ZJ_RD_PLATFORM', '镇江市级科创平台', 'Zhenjiang municipal science and innovation platform', 'MUNICIPAL', TRUE),
    ('ZJ_SPECIALISED_SME', '镇江市专精特新中小企业', 'Zhenjiang specialised and innovative SME', 'MUNICIPAL', TRUE),
    ('JR_MAYOR_QUALITY_AWARD', '句容市市长质量奖', 'Jurong Mayor''s Quality Award', 'COUNTY', TRUE);

-- An honour counts where its enterprise was registered when it was awarded (a published report does not change
-- when an enterprise later moves), and carries the import key 统一社会信用代码|荣誉类型|年度. The table has no rows
-- before this version, so the new columns can be NOT NULL at once.
ALTER TABLE enterprise_honour ADD COLUMN org_unit_id BIGINT NOT NULL REFERENCES org_unit (id);
ALTER TABLE enterprise_honour ADD COLUMN honour_key VARCHAR(80) NOT NULL;
CREATE UNIQUE INDEX enterprise_honour_key_uk ON enterprise_honour (honour_key);
CREATE INDEX enterprise_honour_org_idx ON enterprise_honour (org_unit_id);

-- Honours staging: the file gives the credit code (in honour_key, before the first '|'), the pipeline's prepare
-- statements resolve enterprise_id and org_code from it, the type from its Chinese name and the default level.
CREATE TABLE honour_staging (
    job_id        BIGINT NOT NULL,
    row_no        BIGINT NOT NULL,
    org_code      VARCHAR(32),
    org_unit_id   BIGINT,
    honour_key    VARCHAR(160) NOT NULL,
    enterprise_id BIGINT,
    honour_type   VARCHAR(100) NOT NULL,
    level         VARCHAR(16),
    award_year    INT NOT NULL,
    issuing_body  VARCHAR(200),
    note          VARCHAR(500),
    PRIMARY KEY (job_id, row_no)
);
CREATE INDEX honour_staging_key_idx ON honour_staging (job_id, honour_key);

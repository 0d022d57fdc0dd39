package io.zhenwu.reports;

import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.DataScope;
import io.zhenwu.testsupport.TestOrgs;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo report for 下蜀镇 2023, rendered from the records by the demo template 年度工作报告, states the seed's
 * numbers in the seed's words — checked figure by figure, each as the seed's own phrase.
 */
@Tag("db")
@ZhenwuTest
class XiashuReportIT {

    @Autowired
    Reports reports;

    @Autowired
    OrgUnits orgUnits;

    /** Seed phrase → the figure it comes from. */
    static final Map<String, String> SEED = new LinkedHashMap<>();

    static {
        SEED.put("位列“全国千强镇”第299名", "indicators.thousand_towns_rank");
        SEED.put("经济发达镇考核全省排名第19位", "indicators.developed_town_rank");
        SEED.put("全镇实现地区生产总值90亿元，同比增长6%", "indicators.gdp (reported comparable-price growth)");
        SEED.put("预计完成一般公共预算收入4.85亿元，同比增长7%", "indicators.budget_revenue (nominal growth 6.99% → 7%)");
        SEED.put("实际利用外资1550万美元", "indicators.fdi");
        SEED.put("完成工业应税销售收入240亿元", "indicators.industrial_taxable_sales");
        SEED.put("固定资产投资19.58亿元", "indicators.fixed_asset_investment");
        SEED.put("其中制造业投资9.56亿元，同比增长60.9%", "indicators.manufacturing_investment");
        SEED.put("净增入规“四上”单位12家", "registry.enterprises.above_scale_net");
        SEED.put("全年开展招商活动42次，获取项目信息60余条", "indicators.investment_events, project_leads approx");
        SEED.put("成功招引亿元以上项目8个，总投资35亿元，其中10亿元以上项目2个", "indicators.major_projects …");
        SEED.put("盘活园区闲置厂房1.2万平方米", "indicators.idle_plants_revitalised");
        SEED.put("13个市级以上重点产业项目全部开工建设", "indicators.key_projects_started");
        SEED.put("全年共获得各级荣誉45项，其中国家级荣誉20项、省级荣誉22项", "registry.honours.awarded by level");
        SEED.put("新认定中国工业大奖表彰企业1家、国家级专精特新“小巨人”企业2家、国家级绿色工厂1家、入选国家5G工厂名录1家、"
                + "国家级两化融合贯标A级1家、省长质量奖1家、省专精特新中小企业4家、省级绿色工厂3家", "registry.honours.awarded by type");
        SEED.put("新增省级科创平台3个、镇江市级科创平台1个，入选省博士后创新实践基地1个，获批筹建省级预制桩技术标准创新基地1个",
                "registry.honours.awarded by type");
        SEED.put("规上工业企业研发投入占地区生产总值比重达4%", "indicators.rd_ratio (derived)");
        SEED.put("高层次人才8人，申报国家级人才计划7个、省市级人才计划2个", "indicators.talents …");
        SEED.put("合作研发的2项科技成果获省科学技术奖二等奖", "registry.honours.awarded type=PROV_SCI_TECH_AWARD");
        SEED.put("完成粮食种植3.18万亩，总产量1.5万吨", "indicators.grain_area, grain_output");
        SEED.put("发放耕地地力保护补贴250余万元，完成常规农业保险面积3.16万亩，实际种粮农民一次性补贴11073亩、22.15万元，"
                + "新购置农机27台，落实购置补贴35万元", "indicators (部门填报)");
        SEED.put("完成农产品产地冷藏保鲜设施项目4家", "registry.facilities.commissioned type=COLD_STORAGE");
        SEED.put("积极争取省级农业经营主体能力提升资金60万元", "indicators.agri_capacity_fund");
        SEED.put("总投资3100万元的苗干卉蔬菜集约育苗基地", "indicators.seedling_base_investment");
        SEED.put("投入资金280万元，清理农村积存垃圾3900余吨、河塘353口，疏通沟渠125公里", "indicators (部门填报)");
        SEED.put("补植造林22.8亩，清杂抚育林地60.2亩", "indicators.afforestation_area, forest_tending_area");
        SEED.put("大黄桥河等3条农村生态河道通过评估验收", "indicators.ecological_rivers");
        SEED.put("护林员全年巡林24833人次，安装10套森林火灾语音宣传播放器", "indicators.forest_patrols, registry.facilities");
        SEED.put("帮扶1000余人，发放资金140万元", "indicators.people_assisted approx, assistance_funds");
        SEED.put("新增天然气接管户898户", "indicators.gas_connections");
        SEED.put("新增新能源汽车充电桩6台套，建成公共停车场1处", "registry.facilities.commissioned");
        SEED.put("等3个点位新建污水管网4.6千米", "indicators.sewer_pipe_sites, sewer_pipes_built");
        SEED.put("全年城镇新增就业2500人，办理灵活就业社保补贴138人，稳岗补贴返还企业42家，一次性扩岗补助企业17家",
                "indicators (employment)");
        SEED.put("全年发放富民创业小组担保贷款80笔，总金额1200余万元", "indicators.startup_loans, startup_loan_amount approx=100");
        SEED.put("开展公益电影播放14场，乡村文艺播种计划32场", "indicators.public_films, rural_art_shows");
        SEED.put("组织新时代文明实践100余场", "indicators.civilization_activities approx");
        SEED.put("辖区内2个省考断面稳定保持Ⅲ类水质", "registry.facilities.in_service type=MONITORING_SECTION");
        SEED.put("46个自然村农村污水处理设施投入运行，农村污水处理设施覆盖率达53.48%", "registry.facilities, indicators.sewage_coverage");
        SEED.put("取缔“散乱污”企业6家", "indicators.polluting_firms_closed");
        SEED.put("全年空气质量优良天数315天，PM2.5平均浓度31微克/立方米，优良率86.8%", "indicators.air_* (优良率 derived)");
        SEED.put("定期赴19家夜间生产企业开展“安全体检”", "registry.enterprises.night_production");
        SEED.put("梳理帮办代办事项37项", "cases.assistance.items");
        SEED.put("全年共办理事项7776件，其中公共服务类事项6810件，行政审批类事项966件", "cases.service_hall.handled by category");
        SEED.put("共办理“一件事一次办”59件", "cases.service_hall.bundles");
        SEED.put("全年进驻窗口办理事项3209件", "cases.service_hall.resident_windows");
        SEED.put("设置微型消防站14处", "registry.facilities.in_service type=MICRO_FIRE_STATION");
        SEED.put("全年排查地质灾害隐患点17处，加固彩钢瓦构筑物34处，消除安全隐患18处", "registry.facilities, indicators");
        SEED.put("实施现场整改35处", "cases.safety.on_the_spot category=EBIKE");
        SEED.put("下达责令整改通知书227份，事前立案6起，整改各类安全隐患900余处，执法检查数", "cases.safety.notices, enforcement_filed, hazards_rectified approx=100");
        SEED.put("办理各类劳动争议55件，涉及金额87万元，结案率100%", "cases.labor.accepted, amount unit=万元, closure_rate");
        SEED.put("排查整改永久基本农田流出地块220个、508亩，第一时间确定整改和补划工作方案，实际翻耕播种面积达667亩",
                "cases.farmland.plots, area, replanted_area");
        SEED.put("组织撤离涉险村民33人次", "indicators.villagers_evacuated");
        SEED.put("地区生产总值超95亿元，一般公共预算收入超5亿元，工业应税开票销售力争超260亿元，固定资产投资超20亿元",
                "indicators.*.target year=+1");
    }

    DataScope county() {
        return TestOrgs.scopeOf(TestOrgs.byCode(orgUnits, TestOrgs.COUNTY));
    }

    @Test
    void theDemoReportStatesTheSeedsNumbersFigureByFigure() {
        RenderedReport report = reports.render(county(), "年度工作报告", TestOrgs.XIASHU, 2023);
        String text = report.plainText();
        assertThat(report.title()).isEqualTo("奋力谱写高质量发展新篇章");
        assertThat(report.warnings()).as("every bound figure has a value").isEmpty();
        SEED.forEach((phrase, figure) -> assertThat(text).as(figure).contains(phrase));
        assertThat(report.blocks()).filteredOn(RenderedReport.Block::heading).extracting(report::text).containsExactly(
                "加快产业强镇步伐，实体经济支撑有力", "推进乡村振兴战略，三农基础更加牢固", "厚植百姓福祉土壤，民生答卷厚重温暖",
                "夯实和谐安定基底，社会大局平稳有序", "永葆为民服务初心，作风建设持续加强", "预期目标");
        assertThat(text).contains("句容市下蜀镇突出“四敢精神”", "2023年全镇位列");
        // numbers as the seed writes them: no thousands separators, no trailing zeros
        assertThat(text).doesNotContain("24,833", "90.00", "4.850", "—");
    }

    @Test
    void theGdpFigureCarriesItsSourceRevisionAndReportedGrowth() {
        RenderedReport report = reports.render(county(), "年度工作报告", TestOrgs.XIASHU, 2023);
        RenderedReport.Figure gdp = report.figures().stream().filter(f -> f.request().code().equals("indicators.gdp")
                && f.show().equals("VALUE")).findFirst().orElseThrow();
        assertThat(gdp.rawValue()).isEqualByComparingTo("90");
        assertThat(gdp.source()).isEqualTo("indicator.valueSource.ANNUAL");
        assertThat(gdp.revision()).isEqualTo(1);
        assertThat(gdp.recordId()).isNotNull();
        assertThat(gdp.growth()).isEqualByComparingTo("6.0");
    }
}

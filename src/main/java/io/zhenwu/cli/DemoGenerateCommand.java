package io.zhenwu.cli;

import io.zhenwu.demo.DemoGenerator;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code zhenwu demo generate}: county- and city-scale data for benchmarks, deterministic for a seed. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate N towns × Y years of record-level data (org units, enterprises, indicator values, "
                + "service-hall cases with timelines) under 镇江市, after the demo town. Deterministic for --seed.")
class DemoGenerateCommand implements CliCommand {

    @Option(names = "--towns", required = true, description = "towns to generate (1–200; 20 per generated county)")
    int towns;

    @Option(names = "--years", defaultValue = "2", description = "years ending with 2023 (default 2)")
    int years;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default 1)")
    long seed;

    @Option(names = "--cases", defaultValue = "8000", description = "service-hall matters per town and year (default 8000)")
    int cases;

    private final DemoGenerator generator;

    DemoGenerateCommand(DemoGenerator generator) {
        this.generator = generator;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        if (towns < 1 || towns > 200 || years < 1 || years > 10 || cases < 0 || cases > 200_000) {
            err.println("参数超出范围: --towns 1–200, --years 1–10, --cases 0–200000");
            return 2;
        }
        try (ProgressBar bar = new ProgressBar("生成", towns)) {
            DemoGenerator.Summary s = generator.generate(towns, years, seed, cases, bar::stepTo);
            out.printf("已生成: %d 个县, %d 个镇, %d 个组织机构, %d 家企业, %d 个指标值, %d 件政务服务办件, %d 条办理过程, "
                            + "%d 件闭环办件 (隐患/劳动争议/耕地图斑), %d 名居民 (%d 户), %d 项县级目标 (共 %d 条记录)%n",
                    s.counties(), s.towns(), s.orgUnits(), s.enterprises(), s.values(), s.cases(), s.timelineRows(), s.loopRecords(),
                    s.residents(), s.households(), s.targets(), s.records());
            return 0;
        } catch (IllegalStateException e) {
            err.println("无法生成: " + e.getMessage());
            return 1;
        }
    }
}

package io.zhenwu.demo;

import io.zhenwu.imports.ImportJob;
import io.zhenwu.imports.ImportService;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.registry.ResidentId;
import io.zhenwu.shared.Actor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The residents of a generated town's villages, in households of 1–5 with one 户主 each, written through the one
 * import pipeline (the product's batch path for residents: {@code ResidentRules} on every row, the whole-file checks —
 * duplicates, scope, org-unit types, one head per household — in SQL, one MERGE, the import audited). ID numbers are
 * GB 11643 numbers of the generated county (its division code, a birth date and a sequence number whose parity gives
 * the gender, the MOD 11-2 check character), so birth date and gender are the ones the ID carries. Deterministic for
 * the random source and the set of numbers already used in the county.
 */
@Component
class GeneratedResidents {

    private static final String HEADER = "姓名,公民身份号码,所属单位代码,户编号,与户主关系,联系电话,标签";
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文斌辉鹏宇浩俊峰志春燕晨欣怡婷雪梅琳慧敏佳颖子涵宇轩梓睿";
    /** Everyone generated was born by the end of the last generated year. */
    private static final LocalDate LAST_DAY = LocalDate.of(2023, 12, 31);

    private final ImportService imports;

    GeneratedResidents(ImportService imports) {
        this.imports = imports;
    }

    /** What one town got. */
    record Written(int residents, int households) {
    }

    /**
     * Writes about {@code count} residents (whole households) into the villages, through one import job.
     *
     * @param countyCode the 6-digit division code the ID numbers start with
     * @param used       first 17 characters already used in the county (extended here)
     */
    Written write(Actor actor, String countyCode, List<OrgUnit> villages, int count, Random random, Set<String> used) {
        if (count <= 0 || villages.isEmpty()) {
            return new Written(0, 0);
        }
        int[] written = new int[2]; // residents, households
        importResidents(imports, actor, "生成居民-" + villages.get(0).code().substring(0, 9) + ".csv", out -> {
            int[] perVillage = new int[villages.size()];
            while (written[0] < count) {
                int v = written[1] % villages.size();
                OrgUnit village = villages.get(v);
                String householdNo = village.code() + "-" + String.format("%05d", ++perVillage[v]);
                int size = Math.min(count - written[0], 1 + random.nextInt(5));
                written[0] += household(out, countyCode, village.code(), householdNo, size, random, used);
                written[1]++;
            }
        });
        return new Written(written[0], written[1]);
    }

    /** Writes the rows of a residents import file. */
    @FunctionalInterface
    interface Rows {
        void write(BufferedWriter out) throws IOException;
    }

    /**
     * A residents import file (the import template's header, then {@code rows}) through the import pipeline, as a town
     * would bring its residents in; a refused row fails the load. The file is removed afterwards.
     */
    static ImportJob importResidents(ImportService imports, Actor actor, String fileName, Rows rows) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("zhenwu-residents");
            Path file = dir.resolve(fileName);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                out.newLine();
                rows.write(out);
            }
            ImportJob job = imports.importNow(actor, "residents", file, Locale.SIMPLIFIED_CHINESE, n -> { });
            if (job.status() != ImportJob.Status.SUCCEEDED) {
                throw new IllegalStateException("residents were refused (" + job.status() + "): " + job.message() + " "
                        + imports.firstErrors(actor.scope(), job.id(), 5));
            }
            return job;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** One household: the 户主, a spouse, children, and in a large young family a parent. Returns the members written. */
    private static int household(BufferedWriter out, String countyCode, String villageCode, String householdNo, int size,
                                 Random random, Set<String> used) throws IOException {
        char surname = SURNAMES.charAt(random.nextInt(SURNAMES.length()));
        int headAge = 25 + random.nextInt(56);
        boolean headMale = random.nextInt(10) < 8;
        String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        String tags = headAge >= 80 ? "高龄" : random.nextInt(5) == 0 ? "种粮农户" : "";
        row(out, name(surname, random), id(countyCode, headAge, headMale, random, used), villageCode, householdNo, "户主", phone, tags);
        if (size >= 2) {
            int age = Math.max(20, headAge - 3 + random.nextInt(7));
            row(out, name(SURNAMES.charAt(random.nextInt(SURNAMES.length())), random), id(countyCode, age, !headMale, random, used),
                    villageCode, householdNo, "配偶", "", age >= 80 ? "高龄" : "");
        }
        for (int i = 2; i < size; i++) {
            boolean parent = i == 4 && headAge <= 55;
            int age = parent ? headAge + 22 + random.nextInt(10) : Math.max(0, headAge - 22 - random.nextInt(15));
            row(out, name(surname, random), id(countyCode, age, random.nextBoolean(), random, used), villageCode, householdNo,
                    parent ? "父母" : "子女", "", age >= 80 ? "高龄" : "");
        }
        return size;
    }

    private static void row(BufferedWriter out, String name, String id, String villageCode, String householdNo, String relation,
                            String phone, String tags) throws IOException {
        out.write(String.join(",", name, id, villageCode, householdNo, relation, phone, tags));
        out.newLine();
    }

    private static String name(char surname, Random random) {
        StringBuilder name = new StringBuilder().append(surname);
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    /**
     * A GB 11643 number for someone of {@code age} on the last generated day: division code, a birth date in that year of
     * age, a sequence number (odd 17th digit for men, even for women) not yet used in the county, the check character.
     */
    static String id(String countyCode, int age, boolean male, Random random, Set<String> used) {
        LocalDate birth = LAST_DAY.minusYears(age).minusDays(random.nextInt(365));
        for (int attempt = 1; ; attempt++) {
            if (attempt % 50 == 0) {
                birth = birth.minusDays(1); // the day's 500 numbers of that gender are (nearly) taken
            }
            String first17 = countyCode + birth.toString().replace("-", "")
                    + String.format("%02d", random.nextInt(100)) + (random.nextInt(5) * 2 + (male ? 1 : 0));
            if (used.add(first17)) {
                return first17 + ResidentId.checkCharacter(first17);
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

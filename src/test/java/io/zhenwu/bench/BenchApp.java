package io.zhenwu.bench;

import io.zhenwu.ZhenwuApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the whole application without a web server for a benchmark: on PostgreSQL (database {@code zhenwu_bench}
 * or the system property {@code zhenwu.bench.db}, recreated by bench/lib.sh) or on a fresh H2 file {@code target/bench/NAME}; no demo, no scheduled sealing, quiet logs.
 */
final class BenchApp {

    private BenchApp() {
    }

    static ConfigurableApplicationContext start(String db, String name, Map<String, Object> extra) {
        return start(db, name, extra, false);
    }

    /** As {@link #start(String, String, Map)}, with the web server on a random loopback port when {@code web}. */
    static ConfigurableApplicationContext start(String db, String name, Map<String, Object> extra, boolean web) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (db.equals("pg")) {
            properties.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + System.getProperty("zhenwu.bench.db", "zhenwu_bench"));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
            // As the pg profile deploys it (ZHENWU_DB_POOL's default), not Hikari's default of 10.
            properties.put("spring.datasource.hikari.maximum-pool-size", "20");
        } else if (db.equals("h2")) {
            deleteH2Files(Path.of("target", "bench"), name);
            properties.put("spring.datasource.url", "jdbc:h2:file:./target/bench/" + name + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
        } else {
            throw new IllegalArgumentException("the database is h2 or pg, not " + db);
        }
        properties.put("zhenwu.demo.enabled", "false");
        // The scheduled sealer would compete with what is measured; it fires once shortly after start, then not again.
        properties.put("zhenwu.audit.seal-interval", "PT24H");
        properties.put("logging.level.root", "WARN");
        properties.putAll(extra);
        var app = new SpringApplication(ZhenwuApplication.class);
        app.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        if (web) {
            properties.put("server.port", "0");
            properties.put("server.address", "127.0.0.1");
        }
        app.setBannerMode(Banner.Mode.OFF);
        // Command-line style so these win over application.properties (default properties would not).
        return app.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static void deleteH2Files(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            try (var files = Files.list(dir)) {
                for (Path p : files.filter(p -> p.getFileName().toString().startsWith(name + ".")).toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.zhenwu.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded H2 file database: a generated password in a 0600 file (also set on a database made by an older version
 * with the empty one), and an AUTO_SERVER socket on loopback only that a second process — the CLI beside the running
 * platform — still opens.
 */
class H2FileDatabaseTest {

    @TempDir
    Path dir;

    private String url(String options) {
        return "jdbc:h2:file:" + dir.resolve("data/zhenwu") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH" + options;
    }

    @Test
    void aNewDatabaseGetsAGeneratedPasswordInAFileOnlyItsOwnerReads() throws Exception {
        String password = H2FileDatabase.preparePassword(url(""), "sa");

        Path file = dir.resolve("data/zhenwu.password");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(password).hasSizeGreaterThanOrEqualTo(40).isEqualTo(Files.readString(file).strip());
        assertThat(H2FileDatabase.preparePassword(url(""), "sa")).as("every process reads the same").isEqualTo(password);

        try (var c = DriverManager.getConnection(url(""), "sa", password)) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url(""), "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(28000));
    }

    @Test
    void aDatabaseOfAnOlderVersionWithTheEmptyPasswordGetsTheGeneratedOneAndKeepsItsData() throws Exception {
        try (var c = DriverManager.getConnection(url(""), "sa", ""); var s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v INT)");
            s.execute("INSERT INTO kept VALUES (42)");
        }

        String password = H2FileDatabase.preparePassword(url(""), "sa");

        assertThatThrownBy(() -> DriverManager.getConnection(url(""), "sa", "").close()).isInstanceOf(SQLException.class);
        try (var c = DriverManager.getConnection(url(""), "sa", password); var s = c.createStatement();
             var rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
        assertThat(H2FileDatabase.preparePassword(url(""), "sa")).as("a second start changes nothing").isEqualTo(password);
    }

    @Test
    void theAutoServerListensOnLoopbackOnlyAndASecondProcessOpensTheDatabase() throws Exception {
        String url = url(";AUTO_SERVER=TRUE");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                H2AutoServerHolder.class.getName(), url).redirectErrorStream(true).start();
        try {
            var out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the holder opened the database").isEqualTo("READY");

            var lock = new Properties();
            lock.load(new StringReader(Files.readString(dir.resolve("data/zhenwu.lock.db"), StandardCharsets.ISO_8859_1)));
            String server = lock.getProperty("server");
            assertThat(server).as("the lock file names a loopback server").matches("(127\\.0\\.0\\.1|localhost):[0-9]+");
            int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            assertThat(listeningAddresses(port)).as("the socket listening on " + port).containsOnly("127.0.0.1");

            // What bin/zhenwu does beside the running platform: same URL, the password from the same file.
            String password = Files.readString(dir.resolve("data/zhenwu.password")).strip();
            try (var c = DriverManager.getConnection(url, "sa", password); var s = c.createStatement();
                 var rs = s.executeQuery("SELECT note FROM held")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("from the holder");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    /** The local addresses of the sockets listening on {@code port}, from /proc/net/tcp and tcp6 (Linux). */
    private static List<String> listeningAddresses(int port) throws Exception {
        String hexPort = String.format(":%04X", port);
        List<String> addresses = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String row : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
                String[] f = row.trim().split("\\s+");
                if (f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    addresses.add(decode(f[1].substring(0, f[1].indexOf(':'))));
                }
            }
        }
        assertThat(addresses).as("a listening socket on " + port).isNotEmpty();
        return addresses;
    }

    private static String decode(String hex) {
        if (hex.startsWith("0000000000000000FFFF0000")) {
            hex = hex.substring(24); // an IPv4-mapped IPv6 address
        }
        if (hex.length() != 8) {
            return hex.equals("00000000000000000000000000000000") ? "::" : hex; // IPv6: any, or shown as is
        }
        long v = Long.parseLong(hex, 16); // little-endian on x86
        return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
    }
}

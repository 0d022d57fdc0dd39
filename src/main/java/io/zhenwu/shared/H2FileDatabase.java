package io.zhenwu.shared;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The embedded H2 file database (default profile) kept to this machine and to its owner. Before anything touches H2:
 * <ul>
 *   <li>its {@code AUTO_SERVER} socket — which lets {@code bin/zhenwu} open the database beside the running platform —
 *       binds to 127.0.0.1 only (system property {@code h2.bindAddress}; H2 otherwise listens on every interface and
 *       names the machine's address in its lock file);</li>
 *   <li>the database user gets a generated password kept in {@code <database>.password} beside it (mode 0600; the
 *       directory 0700, so the lock file naming the server is private too). Every process that opens the same
 *       database (platform, CLI) reads the same file. A database created by an older version with the empty
 *       password gets the generated one on the first start with this version.</li>
 * </ul>
 * Applies only to {@code jdbc:h2:file:} URLs with no password configured; an explicit
 * {@code spring.datasource.password}, an in-memory database and PostgreSQL are left alone.
 */
class H2FileDatabase implements EnvironmentPostProcessor, Ordered {

    static final String BIND_ADDRESS = "h2.bindAddress";
    private static final String PREFIX = "jdbc:h2:file:";
    private static final int WRONG_USER_OR_PASSWORD = 28000; // org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD
    private static final Pattern USER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith(PREFIX) || !environment.getProperty("spring.datasource.password", "").isEmpty()) {
            return;
        }
        bindToLoopback(url);
        String user = environment.getProperty("spring.datasource.username", "sa");
        String password = preparePassword(url, user);
        environment.getPropertySources().addFirst(new MapPropertySource("zhenwuH2Password",
                Map.of("spring.datasource.password", password)));
    }

    /** After the config files (which name the URL), before the datasource exists. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * Makes H2's server sockets bind to loopback unless {@code -Dh2.bindAddress} says otherwise. H2 reads the property
     * once, when its first class loads: if it has loaded without it, an {@code AUTO_SERVER} database would listen on
     * every interface, so start-up stops instead.
     */
    static void bindToLoopback(String url) {
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
        String wanted = System.getProperty(BIND_ADDRESS);
        String effective = org.h2.engine.SysProperties.BIND_ADDRESS;
        if (url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE") && !wanted.equals(effective)) {
            throw new IllegalStateException("H2 was loaded before its bind address was set: its AUTO_SERVER socket would "
                    + "listen on every interface (" + BIND_ADDRESS + " is " + effective + ", not " + wanted + ")");
        }
    }

    /** The database's password file: {@code ./data/zhenwu.password} for {@code jdbc:h2:file:./data/zhenwu}. */
    static Path passwordFile(String url) {
        String path = url.substring(PREFIX.length()).split(";", 2)[0];
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path + ".password").toAbsolutePath().normalize();
    }

    /**
     * The password of the database at {@code url}: read from its file, or generated into a new one (created
     * atomically, so two processes starting together agree). An existing database that still has the empty
     * password of older versions is given this one.
     */
    static String preparePassword(String url, String user) {
        Path file = passwordFile(url);
        try {
            Path dir = Files.createDirectories(file.getParent());
            restrict(dir, OWNER_ONLY_DIR);
            String password = Files.exists(file) ? read(file) : create(file);
            upgradeEmptyPassword(url, file, user, password);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the database password file " + file, e);
        }
    }

    private static String read(Path file) throws IOException {
        restrict(file, OWNER_ONLY_FILE);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty() || password.contains("'")) {
            throw new IllegalStateException("the database password file " + file + " is empty or holds a quote");
        }
        return password;
    }

    private static String create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path temp = Files.createTempFile(file.getParent(), ".password", ".tmp");
        try {
            restrict(temp, OWNER_ONLY_FILE);
            Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, temp); // fails if another process was first: then its password counts
            return password;
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Sets the generated password on a database that exists and still accepts the empty one. */
    private static void upgradeEmptyPassword(String url, Path file, String user, String password) {
        Path database = Path.of(file.toString().substring(0, file.toString().length() - ".password".length()) + ".mv.db");
        if (!Files.exists(database)) {
            return; // the first connection creates it, with this password
        }
        try (var connection = DriverManager.getConnection(url, user, password)) {
            return; // already set
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw new IllegalStateException("cannot open the database " + database + ": " + e.getMessage(), e);
            }
        }
        if (!USER.matcher(user).matches()) {
            throw new IllegalStateException("database user name not supported: " + user);
        }
        try (var connection = DriverManager.getConnection(url, user, "");
             var statement = connection.createStatement()) {
            statement.execute("ALTER USER " + user + " SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("the database " + database + " accepts neither the password in " + file
                    + " nor the empty one of older versions", e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}

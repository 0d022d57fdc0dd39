package io.zhenwu.shared;

import java.sql.DriverManager;

/**
 * A second JVM that opens an H2 file database as the platform does (bind address and password first, then
 * {@code AUTO_SERVER=TRUE}), writes a row and holds the database until its standard input closes.
 */
final class H2AutoServerHolder {

    private H2AutoServerHolder() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        H2FileDatabase.bindToLoopback(url);
        String password = H2FileDatabase.preparePassword(url, "sa");
        try (var connection = DriverManager.getConnection(url, "sa", password); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS held (note VARCHAR(20))");
            statement.execute("INSERT INTO held VALUES ('from the holder')");
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the database until the test closes our input
            }
        }
    }
}

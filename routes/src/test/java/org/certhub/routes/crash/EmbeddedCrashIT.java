package org.certhub.routes.crash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** Crash safety in the embedded mode: H2 file database and the Artemis journal under the data folder. */
class EmbeddedCrashIT extends HubCrashSupport {

    @Override
    protected Map<String, String> modeProperties(Path dataDir) {
        return Map.of();
    }

    @Override
    protected Connection openDatabase(Path dataDir) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("db").resolve("certhub"), "sa", "");
    }

    @Override
    protected String mode() {
        return "embedded";
    }
}

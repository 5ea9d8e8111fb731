package org.certhub.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for tests, without Docker: the Debian server binaries ({@code initdb}, {@code pg_ctl}
 * under {@code /usr/lib/postgresql/<version>/bin}) run a throwaway cluster in a temporary folder on a free
 * loopback port. One cluster serves the whole test run (it stops and is deleted when the run ends, after the
 * test classes have closed their application contexts); every test class that registers this extension gets
 * a database of its own.
 *
 * <p>Where the binaries are missing the tests are skipped, except in CI ({@code CI=true}), where they fail. As
 * root the server runs as the {@code postgres} OS user, which PostgreSQL requires.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresServer POSTGRES = new PostgresServer();
 * ... POSTGRES.jdbcUrl(), POSTGRES.username(), POSTGRES.password()
 * }</pre>
 */
public final class PostgresServer implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresServer.class);
    private static final String OS_USER = "postgres";
    private static final String SUPERUSER = "certhub";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private Cluster cluster;
    private String database;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Cluster.class, type -> Cluster.start(), Cluster.class);
        database = create();
    }

    /** The JDBC URL of this test class's database. */
    public String jdbcUrl() {
        return cluster().jdbcUrl(requireStarted(database));
    }

    /** A further, empty database on the same server, for a test that needs one of its own; answers its JDBC URL. */
    public String createDatabase() {
        return cluster().jdbcUrl(create());
    }

    private String create() {
        String name = "certhub_" + DATABASES.incrementAndGet();
        cluster().execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        return name;
    }

    public String username() {
        return SUPERUSER;
    }

    /** The cluster trusts loopback connections; any password, this one included, is accepted. */
    public String password() {
        return "";
    }

    public int port() {
        return cluster().port;
    }

    /**
     * Stops the server as an operator's restart or a fail-over does ({@code pg_ctl stop --mode=fast}): every session
     * is cut at once (its transaction rolled back, its client told {@code 57P01}), new connections are refused. Not
     * {@code --mode=immediate}: this cluster runs with {@code synchronous_commit=off} for speed, so a crash would lose
     * commits already acknowledged, which no client can guard against. The server serves every test class of the
     * run: a test that stops it starts it again ({@link #restart()}) before it ends.
     */
    public void stop() {
        cluster().stop("fast");
    }

    /** Starts the stopped server again on the same data folder and port; answers once it accepts connections. */
    public void restart() {
        cluster().startServer();
    }

    private Cluster cluster() {
        return requireStarted(cluster);
    }

    private static <T> T requireStarted(T value) {
        if (value == null) {
            throw new IllegalStateException(
                    "PostgresServer is used before its beforeAll: register it as a static @RegisterExtension field");
        }
        return value;
    }

    /** The Debian server binaries of the newest installed PostgreSQL, if any. */
    static Optional<Path> binaries() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(versions)) {
            return installed
                    .map(version -> version.resolve("bin"))
                    .filter(bin ->
                            Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PostgresServer::majorVersion));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int majorVersion(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    /** One running cluster; closed by JUnit when the test run ends. */
    private static final class Cluster implements ExtensionContext.Store.CloseableResource {

        private final Path bin;
        private final Path dir;
        private final int port;
        private final boolean asRoot;

        private Cluster(Path bin, Path dir, int port, boolean asRoot) {
            this.bin = bin;
            this.dir = dir;
            this.port = port;
            this.asRoot = asRoot;
        }

        static Cluster start() {
            Optional<Path> bin = binaries();
            if (bin.isEmpty()) {
                String missing =
                        "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail(missing);
                }
                Assumptions.abort(missing);
            }
            boolean asRoot = "root".equals(System.getProperty("user.name"));
            Path dir = createDir(asRoot);
            Cluster cluster = new Cluster(bin.get(), dir, HubProcess.freePort(), asRoot);
            try {
                cluster.run(
                        cluster.bin.resolve("initdb").toString(),
                        "--pgdata=" + dir.resolve("data"),
                        "--username=" + SUPERUSER,
                        "--auth=trust",
                        "--encoding=UTF8",
                        "--locale=C",
                        "--no-sync");
                cluster.startServer();
            } catch (RuntimeException e) {
                cluster.delete();
                throw e;
            }
            return cluster;
        }

        void startServer() {
            run(
                    bin.resolve("pg_ctl").toString(),
                    "start",
                    "--wait",
                    "--timeout=60",
                    "--pgdata=" + dir.resolve("data"),
                    "--log=" + dir.resolve("server.log"),
                    "--options=-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
        }

        void stop(String mode) {
            run(
                    bin.resolve("pg_ctl").toString(),
                    "stop",
                    "--wait",
                    "--mode=" + mode,
                    "--pgdata=" + dir.resolve("data"));
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL refused: " + sql, e);
            }
        }

        @Override
        public void close() {
            try {
                stop("immediate");
            } finally {
                delete();
            }
        }

        private void run(String... command) {
            List<String> line = new ArrayList<>();
            if (asRoot) {
                line.addAll(List.of("runuser", "-u", OS_USER, "--"));
            }
            line.addAll(List.of(command));
            Path output = dir.resolve("command.log");
            try {
                Process process = new ProcessBuilder(line)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                        .start();
                if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue()
                            + "):\n" + Files.readString(output) + serverLog());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private String serverLog() throws IOException {
            Path log = dir.resolve("server.log");
            return Files.exists(log) ? Files.readString(log) : "";
        }

        private void delete() {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Path createDir(boolean asRoot) {
            try {
                Path dir = Files.createTempDirectory("certhub-postgres-");
                if (asRoot) {
                    UserPrincipal owner =
                            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
                    Files.setOwner(dir, owner);
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare a folder for PostgreSQL", e);
            }
        }
    }
}

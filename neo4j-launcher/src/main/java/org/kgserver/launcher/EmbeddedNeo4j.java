package org.kgserver.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in this JVM with Bolt on a loopback address, for a parent process to use over Bolt.
 *
 * <p>Contract with the parent (src/db/embedded-neo4j.ts):
 * <ul>
 *   <li>the data folder is the one argument (on the command line, so `ps` shows which database a JVM serves);
 *       other settings come from environment variables: KG_NEO4J_HOST (127.0.0.1),
 *       KG_NEO4J_PORT (7687), KG_NEO4J_PAGECACHE (e.g. 256m), KG_NEO4J_PASSWORD (required; set on the
 *       built-in user 'neo4j' at every start, so the data folder never keeps a stale password);</li>
 *   <li>one line "READY bolt://host:port" on stdout once Bolt accepts connections;</li>
 *   <li>a failure to start prints one line "ERROR kind: message" on stderr and exits with status 2
 *       (kind PORT_IN_USE for a taken Bolt port, DATA_DIR_LOCKED when another process holds the store,
 *       START_FAILED otherwise);</li>
 *   <li>the JVM exits when stdin reaches end of file (the parent died or closed the pipe), at any time, even
 *       while the database is still starting, and on SIGTERM/SIGINT; a started database is shut down cleanly
 *       first. No orphaned JVM outlives its parent.</li>
 * </ul>
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if (args.length != 1) {
            System.err.println("ERROR CONFIG: usage: EmbeddedNeo4j DATA_DIR");
            System.exit(2);
        }
        String dataDir = args[0];
        String password = required(env, "KG_NEO4J_PASSWORD");
        String host = env.getOrDefault("KG_NEO4J_HOST", "127.0.0.1");
        int port = Integer.parseInt(env.getOrDefault("KG_NEO4J_PORT", "7687"));
        String pageCache = env.getOrDefault("KG_NEO4J_PAGECACHE", "256m");

        // Watch stdin from the start, so a parent that goes away while the database is still starting stops us too.
        AtomicReference<DatabaseManagementService> started = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService service = started.get();
            if (service != null) {
                service.shutdown();
            }
        }, "neo4j-shutdown"));
        Thread parentWatcher = new Thread(() -> {
            waitForEndOfInput(System.in);
            System.exit(0); // runs the shutdown hook, which stops the database cleanly once it has started
        }, "parent-watcher");
        parentWatcher.setDaemon(true);
        parentWatcher.start();

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(Path.of(dataDir).toAbsolutePath())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                    // The parent closes its driver before it stops us: no need for Bolt's default 2 x 5 s shutdown waits.
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                    // Graph Data Science (registered by gds.OpenGdsExtension): gds.util.asNode & co. need full access.
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                    .build();
        } catch (RuntimeException e) {
            fail(isBindFailure(e) ? "PORT_IN_USE" : isLockFailure(e) ? "DATA_DIR_LOCKED" : "START_FAILED", e);
            return;
        }
        started.set(dbms);

        try {
            // Embedded transactions run with full access, so the built-in user's password can be (re)set here.
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } catch (RuntimeException e) {
            // Setting the password it already has is refused, and is exactly the state we want.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                fail("START_FAILED", e);
                return;
            }
        }

        System.out.println("READY bolt://" + host + ":" + port);
        System.out.flush();

        try {
            parentWatcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // The parent never writes; anything it sends is ignored.
            }
        } catch (IOException ignored) {
            // A broken pipe means the parent is gone: shut down as for end of input.
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileLockException")) {
                return true;
            }
        }
        return false;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isEmpty()) {
            System.err.println("ERROR CONFIG: environment variable " + name + " is required");
            System.exit(2);
        }
        return value;
    }

    private static void fail(String kind, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        System.err.println("ERROR " + kind + ": " + e.getMessage() + " (" + root + ")");
        System.err.flush();
        System.exit(2); // the shutdown hook stops the database if it had started
    }
}

package dev.incidenttimeline.processing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the test's own (initdb and pg_ctl from the machine's PostgreSQL 15 installation, a data
 * directory under /tmp, a free port on 127.0.0.1), so that a test can stop and start its database without
 * disturbing anything else that uses the machine's PostgreSQL. Run as the {@code postgres} user when the test runs
 * as root (PostgreSQL refuses to run as root).
 */
public final class OwnPostgresServer implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dataDirectory;
    private final int port;

    private OwnPostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static OwnPostgresServer initialise() {
        Path dataDirectory = Path.of("/tmp", "incident-timeline-pg-" + UUID.randomUUID());
        OwnPostgresServer server = new OwnPostgresServer(dataDirectory, freePort());
        server.run(BIN.resolve("initdb").toString(), "-D", dataDirectory.toString(), "-U", "postgres",
                "-A", "trust", "--no-sync");
        server.start();
        return server;
    }

    /** A JDBC URL of the {@code postgres} database of this server. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public void start() {
        run(BIN.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dataDirectory + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "-l", dataDirectory.resolve("server.log").toString(), "start");
    }

    public void stop() {
        run(BIN.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-w", "-t", "60", "-m", "fast",
                "stop");
    }

    @Override
    public void close() {
        try {
            if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
                stop();
            }
        } finally {
            run("rm", "-rf", dataDirectory.toString());
        }
    }

    private void run(String... command) {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Failed: " + String.join(" ", line) + "\n" + output);
            }
        } catch (IOException failure) {
            throw new IllegalStateException("Cannot run " + String.join(" ", line), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", line), interrupted);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new IllegalStateException("No free port", failure);
        }
    }
}

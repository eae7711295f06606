package dev.incidenttimeline.app.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A database of its own for one benchmark run, removed afterwards: an H2 file in a temporary directory (the
 * embedded default of the app) or a uniquely named database on the local PostgreSQL (127.0.0.1:5432, user
 * {@code postgres}).
 */
abstract sealed class Database implements AutoCloseable {

    abstract String name();

    abstract String url();

    abstract String username();

    /** A fresh H2 file database in a new temporary directory. */
    static Database h2() {
        try {
            return new H2(Files.createTempDirectory("incident-bench-"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory", e);
        }
    }

    /** A fresh database on the local PostgreSQL. */
    static Database postgres() {
        return new Postgres("incident_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    static Database create(boolean postgres) {
        return postgres ? postgres() : h2();
    }

    @Override
    public abstract void close();

    static final class H2 extends Database {

        private final Path directory;

        H2(Path directory) {
            this.directory = directory;
        }

        @Override
        String name() {
            return "H2 file";
        }

        @Override
        String url() {
            // The app's own settings, in a directory of its own.
            return "jdbc:h2:file:" + directory.resolve("incident-timeline").toAbsolutePath() + ";AUTO_SERVER=FALSE";
        }

        @Override
        String username() {
            return "sa";
        }

        @Override
        public void close() {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not remove " + directory + ": " + e.getMessage());
            }
        }
    }

    static final class Postgres extends Database {

        private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
        private final String database;

        Postgres(String database) {
            this.database = database.toLowerCase(Locale.ROOT);
            admin("create database " + this.database);
        }

        @Override
        String name() {
            return "PostgreSQL";
        }

        @Override
        String url() {
            return SERVER + database;
        }

        @Override
        String username() {
            return "postgres";
        }

        @Override
        public void close() {
            admin("drop database if exists " + database + " with (force)");
        }

        private static void admin(String sql) {
            try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
            }
        }
    }
}

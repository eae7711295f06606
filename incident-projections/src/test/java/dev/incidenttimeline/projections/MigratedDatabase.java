package dev.incidenttimeline.projections;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;

/** An in-memory H2 database migrated to a chosen version, for tests that upgrade what an earlier version stored. */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** A new database named {@code name}, migrated up to and including {@code version} (e.g. {@code "2.6"}). */
    public static DataSource at(String name, String version) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        Flyway.configure().dataSource(database).target(version).load().migrate();
        return database;
    }

    /** Runs the migrations {@code database} has not had yet, as the next start of the application would. */
    public static void upgrade(DataSource database) {
        Flyway.configure().dataSource(database).load().migrate();
    }
}

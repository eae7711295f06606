package dev.incidenttimeline.app.benchmark;

import dev.incidenttimeline.app.IncidentTimelineApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Section 5: how long a fresh JVM takes until the app is ready, next to a bare Spring Boot context with the same
 * database, connection pool and Hibernate (and nothing of Axon or Incident Timeline). Each start is a new JVM with
 * the benchmark's own JVM options, started as a child process that reports and exits.
 */
final class Startup {

    static final String PROBE = "--probe";
    private static final String RESULT = "PROBE-RESULT ";

    /** The baseline's context: only the database, the pool, the transaction manager and JPA. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            HibernateJpaAutoConfiguration.class})
    static class BareHost {
    }

    /** What one start measured. */
    record Start(double readyMillis, double heapAfterStartMb) {
    }

    /** Starts a child JVM running {@link #probe} for {@code kind} ("app" or "bare") on a fresh database. */
    static Start measure(String kind, boolean postgres) throws Exception {
        try (Database database = Database.create(postgres)) {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (!option.contains("FlightRecord") && !option.startsWith("-agent")) {
                    command.add(option);
                }
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(System.getProperty("sun.java.command").split(" ")[0]);
            command.add(PROBE + "=" + kind);
            command.add(database.url());
            command.add(database.username());
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            Start start = null;
            List<String> output = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (line.startsWith(RESULT)) {
                        String[] figures = line.substring(RESULT.length()).split(" ");
                        start = new Start(Double.parseDouble(figures[0]), Double.parseDouble(figures[1]));
                    }
                }
            }
            if (!child.waitFor(2, TimeUnit.MINUTES)) {
                child.destroyForcibly();
            }
            if (start == null) {
                throw new IllegalStateException("the " + kind + " start-up probe failed:\n" + String.join("\n", output));
            }
            return start;
        }
    }

    /** In the child JVM: start the context, report the JVM's uptime at ready and the live heap, exit. */
    static void probe(String kind, String url, String username) {
        Map<String, String> settings = Map.of("spring.datasource.url", url, "spring.datasource.username", username,
                "spring.datasource.password", "", "server.port", "0", "spring.main.banner-mode", "off",
                "logging.level.root", "warn", "incident.demo.enabled", "false");
        Class<?> source = kind.equals("app") ? IncidentTimelineApplication.class : BareHost.class;
        // The bare context has no web server of its own (nothing to serve); Boot would look for one on this classpath.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(source)
                .web(kind.equals("app") ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .run(Benchmark.arguments(settings));
        long ready = ManagementFactory.getRuntimeMXBean().getUptime();
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
        System.out.println(RESULT + ready + " " + heap);
        System.out.flush();
        context.close();
        System.exit(0);
    }
}

package dev.incidenttimeline.app.benchmark;

import dev.incidenttimeline.app.IncidentTimelineApplication;
import dev.incidenttimeline.app.benchmark.Report.Line;
import dev.incidenttimeline.app.benchmark.Report.Series;
import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.metrics.MetricCatalog;
import dev.incidenttimeline.metrics.MetricDefinition;
import dev.incidenttimeline.metrics.MetricsGroupBy;
import dev.incidenttimeline.metrics.MetricsProjection;
import dev.incidenttimeline.metrics.MetricsQueries;
import dev.incidenttimeline.metrics.MetricsRecomputation;
import dev.incidenttimeline.metrics.Milestones;
import dev.incidenttimeline.metrics.StandardMetrics;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.replay.ProjectionReplayer;
import dev.incidenttimeline.timeline.TimelineProjection;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark: one command that prints, in one run, every figure next to its baseline measured in the same
 * process on the same database. See {@link Options} for what can be set; {@code --quick} takes seconds, the
 * defaults take minutes.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -Xmx512m -Dloader.main=dev.incidenttimeline.app.benchmark.Benchmark \
 *      -cp incident-app/target/incident-app-0.1.0-SNAPSHOT.jar org.springframework.boot.loader.launch.PropertiesLauncher
 * </pre>
 *
 * <ol>
 *     <li>command path: commands/s through the gateway, one caller and several, against raw one-row-per-transaction
 *     JDBC inserts of the same event rows;</li>
 *     <li>replay of each read model alone against the raw scan + deserialize of the same events;</li>
 *     <li>query latencies through the query facades on read models built by replay;</li>
 *     <li>long incidents: command latency on an incident with 10,000 entries against a fresh one;</li>
 *     <li>footprint: start-up to ready against a bare Boot context; the raw scan of 1,000,000 events and its peak heap.</li>
 * </ol>
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        try {
            benchmark(args);
            System.exit(0);
        } catch (Throwable failure) {
            // A failed run must not leave a JVM behind (the app's non-daemon threads would keep it alive).
            failure.printStackTrace();
            System.exit(1);
        }
    }

    private static void benchmark(String[] args) throws Exception {
        if (args.length > 0 && args[0].startsWith(Startup.PROBE + "=")) {
            Startup.probe(args[0].substring(Startup.PROBE.length() + 1), args[1], args[2]);
            return;
        }
        Options options = Options.parse(args);
        Report report = new Report(System.out);
        try (Database database = Database.create(options.postgres())) {
            System.out.println("Incident Timeline benchmark on " + database.name() + " (" + database.url() + "), "
                    + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                    + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB, " + options);
            long began = System.nanoTime();
            ConfigurableApplicationContext app = start(database, options);
            double startMillis = (System.nanoTime() - began) / 1e6;
            try {
                run(app, options, report, database, startMillis);
            } finally {
                app.close();
            }
        }
        report.print("## Results (" + (options.postgres() ? "PostgreSQL" : "H2 file") + ", " + options.runs()
                + " runs, " + Instant.now() + ")");
    }

    private static ConfigurableApplicationContext start(Database database, Options options) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", "");
        settings.put("server.port", "0");
        settings.put("spring.main.banner-mode", "off");
        settings.put("logging.level.root", "warn");
        // The benchmark's own incidents only (the app loads demo incidents at its first start).
        settings.put("incident.demo.enabled", "false");
        for (String argument : options.appArguments()) {
            settings.put(argument.substring(2, argument.indexOf('=')), argument.substring(argument.indexOf('=') + 1));
        }
        return new SpringApplicationBuilder(IncidentTimelineApplication.class).run(arguments(settings));
    }

    /** Settings as command-line arguments: they win over the app's own application.yml. */
    static String[] arguments(Map<String, String> settings) {
        return settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
    }

    private static void run(ConfigurableApplicationContext app, Options options, Report report, Database database,
                            double startMillis) throws Exception {
        IncidentGateway gateway = app.getBean(IncidentGateway.class);
        EventTable table = new EventTable(app.getBean(DataSource.class), app.getBean("eventSerializer", Serializer.class));

        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        if (options.runs("commands")) {
            commandPath(new CommandPath(gateway, table), new Processors(processing, app.getBean(EventStore.class)),
                    options, report);
        }
        if (options.runs("long")) {
            longIncident(new LongIncident(gateway, app.getBean("incidentCache", Cache.class)), options, report);
        }
        if (options.runs("scan") || options.runs("replay") || options.runs("queries")) {
            // The read models' processors would read the generated events while they are written: stop them.
            processors(processing, false);
            bulk(table, options, report);
        }
        if (options.runs("scan")) {
            scan(table, options, report);
        }
        ReadModels models = new ReadModels(app.getBean(ProjectionReplayer.class), processing,
                app.getBean(DataSource.class), app.getBean(IncidentQueries.class), app.getBean(MetricsQueries.class));
        if (options.runs("replay")) {
            replay(models, table, app.getBean(EventStore.class), app.getBean(MetricsRecomputation.class),
                    app.getBean(MetricCatalog.class), options, report);
        }
        if (options.runs("queries")) {
            queries(models, new LongIncident(gateway, app.getBean("incidentCache", Cache.class)), options, report);
        }
        if (options.runs("startup")) {
            startup(options, report, startMillis);
        }
    }

    private static void commandPath(CommandPath path, Processors processors, Options options, Report report)
            throws Exception {
        report.section("1. Command path: commands/s through IncidentGateway vs raw JDBC inserts, 1 row per transaction");
        Duration window = Duration.ofSeconds(options.seconds());
        Duration catchUp = Duration.ofMinutes(10);
        // Warm-up (JIT, pool, caches), as in the measured runs: processors running, then the raw inserts.
        processors.startAndCatchUp(catchUp);
        path.commandsPerSecond(1, Duration.ofSeconds(options.warmUpSeconds()));
        path.rawInsertsPerSecond(1, options.rawRows() / 2);
        processors.startAndCatchUp(catchUp);
        int callers = options.callers();
        List<Double> one = new ArrayList<>();
        List<Double> many = new ArrayList<>();
        List<Double> rawOne = new ArrayList<>();
        List<Double> rawMany = new ArrayList<>();
        List<Double> oneStopped = new ArrayList<>();
        List<Double> rawOneRunning = new ArrayList<>();
        List<Double> rawManyRunning = new ArrayList<>();
        List<Double> cpuOne = new ArrayList<>();
        List<Double> cpuRawOne = new ArrayList<>();
        List<Double> cpuOneStopped = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            // The database's limit for this work: raw rows with nothing else reading them. The raw rows are real
            // events, so the processors would otherwise handle them while they are inserted (and, on 2 cores, take
            // most of the baseline's CPU). They catch up with them before the commands are timed.
            processors.stop();
            CommandPath.Measured raw = path.rawInserts(1, options.rawRows());
            rawOne.add(raw.perSecond());
            cpuRawOne.add(raw.cpuMicrosPerOp());
            rawMany.add(path.rawInsertsPerSecond(callers, options.rawRows()));
            CommandPath.Measured stopped = path.commands(1, window);
            oneStopped.add(stopped.perSecond());
            cpuOneStopped.add(stopped.cpuMicrosPerOp());
            processors.startAndCatchUp(catchUp);
            // As in the app: every processor running and handling the commands' events.
            long cpuBefore = CommandPath.processCpuNanos();
            CommandPath.Measured single = path.commands(1, window);
            one.add(single.perSecond());
            // What the commands cost until every processor has handled their events, not just while they were sent.
            processors.startAndCatchUp(catchUp);
            cpuOne.add((CommandPath.processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, single.ops()));
            many.add(path.commandsPerSecond(callers, window));
            processors.startAndCatchUp(catchUp);
            // The baseline as the first steps measured it (processors running, handling the raw rows too).
            rawOneRunning.add(path.rawInsertsPerSecond(1, options.rawRows()));
            rawManyRunning.add(path.rawInsertsPerSecond(callers, options.rawRows()));
            processors.startAndCatchUp(catchUp);
            System.out.printf(Locale.ROOT, "    run %d: 1 caller %.0f cmd/s, %d callers %.0f cmd/s; raw, processors "
                    + "stopped: 1 thread %.0f rows/s, %d threads %.0f rows/s; 1 caller, processors stopped %.0f cmd/s; "
                    + "raw, processors running: %.0f / %.0f rows/s; CPU µs per command %.0f (processors stopped "
                    + "%.0f), per raw row %.0f%n", run, one.get(run - 1), callers,
                    many.get(run - 1), rawOne.get(run - 1), callers, rawMany.get(run - 1), oneStopped.get(run - 1),
                    rawOneRunning.get(run - 1), rawManyRunning.get(run - 1), cpuOne.get(run - 1),
                    cpuOneStopped.get(run - 1), cpuRawOne.get(run - 1));
        }
        report.add(new Line("commands/s, 1 caller", "cmd/s", new Series(one),
                "raw inserts/s, 1 thread, processors stopped", new Series(rawOne), "≥ 10 %"));
        report.add(new Line("commands/s, " + callers + " callers", "cmd/s", new Series(many),
                "raw inserts/s, " + callers + " threads, processors stopped", new Series(rawMany), null));
        report.add(new Line("extra: commands/s, 1 caller, event processors stopped", "cmd/s", new Series(oneStopped),
                "raw inserts/s, 1 thread, processors stopped", new Series(rawOne), null));
        report.add(new Line("extra: commands/s, 1 caller", "cmd/s", new Series(one),
                "raw inserts/s, 1 thread, processors running (they handle the raw rows too)",
                new Series(rawOneRunning), null));
        report.add(new Line("extra: commands/s, " + callers + " callers", "cmd/s", new Series(many),
                "raw inserts/s, " + callers + " threads, processors running (they handle the raw rows too)",
                new Series(rawManyRunning), null));
        report.add(new Line("process CPU time per command, 1 caller (every thread: caller, processors, database; until the processors caught up)",
                "µs", new Series(cpuOne), "per raw row, 1 thread, processors stopped", new Series(cpuRawOne),
                "≤ 10×"));
        report.add(new Line("process CPU time per command, 1 caller, event processors stopped", "µs",
                new Series(cpuOneStopped), "per raw row, 1 thread, processors stopped", new Series(cpuRawOne), null));
        report.note("The baseline of the goal is the database's limit for this work: raw one-row transactions with the "
                + "event processors stopped (the raw rows are real events: with the processors running they handle "
                + "them too and the baseline falls several-fold). The commands run as in the app, with every event "
                + "processor running: " + processors.names() + ". Before each figure the processors have caught up "
                + "with every stored event (none starts with a backlog). The first run follows " + options.warmUpSeconds()
                + " s of unmeasured commands (--warm-up=): the JIT compiler's time is not the path's.");
        report.note("Each command stores exactly one event (the mix: declare, acknowledge, leader, alert, status "
                + "updates, notes, impact, severity, a task, mitigate, alert resolved, resolve; a postmortem and close "
                + "from 20 steps on; 10-50 commands per incident), so commands/s is also events/s.");
    }

    private static void longIncident(LongIncident incident, Options options, Report report) {
        report.section("4. Long incidents: command latency on an incident with " + options.longEntries()
                + " timeline entries vs a fresh incident");
        double buildRate = incident.build(options.longEntries(), 100);
        incident.latencies(Math.min(200, options.latencyOps()));          // warm-up
        List<Double> longP50 = new ArrayList<>();
        List<Double> longP99 = new ArrayList<>();
        List<Double> freshP50 = new ArrayList<>();
        List<Double> freshP99 = new ArrayList<>();
        List<Double> longMax = new ArrayList<>();
        List<Double> freshMax = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            long[][] nanos = incident.latencies(options.latencyOps());
            longP50.add(Report.percentile(nanos[0], 50) / 1e6);
            longP99.add(Report.percentile(nanos[0], 99) / 1e6);
            longMax.add(Report.percentile(nanos[0], 100) / 1e6);
            freshP50.add(Report.percentile(nanos[1], 50) / 1e6);
            freshP99.add(Report.percentile(nanos[1], 99) / 1e6);
            freshMax.add(Report.percentile(nanos[1], 100) / 1e6);
        }
        List<Double> coldLong = new ArrayList<>();
        List<Double> coldFresh = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            long[][] nanos = incident.coldLatencies(20);
            coldLong.add(Report.percentile(nanos[0], 50) / 1e6);
            coldFresh.add(Report.percentile(nanos[1], 50) / 1e6);
        }
        report.add(new Line("p50 latency, long incident", "ms", new Series(longP50), "fresh incident p50",
                new Series(freshP50), "≤ 2×"));
        report.add(new Line("p99 latency, long incident", "ms", new Series(longP99), "fresh incident p99",
                new Series(freshP99), "≤ 2×"));
        // The slowest command of a run: on the long incident, one of those that take its snapshot (every
        // incident.core.snapshot-threshold events) unless snapshots are taken off the caller's thread.
        report.add(new Line("slowest command, long incident", "ms", new Series(longMax), "fresh incident's slowest",
                new Series(freshMax), null));
        report.add(new Line("p50 latency after eviction from the cache, long incident", "ms", new Series(coldLong),
                "same on a fresh incident", new Series(coldFresh), null));
        report.note(String.format(Locale.ROOT, "Building the long incident (%,d notes, one command each) ran at "
                + "%,.0f commands/s; the incident grows by %,d more notes while it is measured.", options.longEntries(),
                buildRate, options.runs() * options.latencyOps() * 2L));
    }

    /** What the bulk generator wrote, for the notes of the sections that read it. */
    private static String bulkNote = "";
    /** The end of the generated history: the grouped reports ask for the year before it. */
    private static final Instant BULK_END = Instant.now().minus(Duration.ofDays(1));

    private static void bulk(EventTable table, Options options, Report report) throws Exception {
        long before = table.count();
        BulkEvents.Written written = new BulkEvents(table).write(options.events(), 5, BULK_END, 42);
        bulkNote = String.format(Locale.ROOT, "Bulk generator: %,d events of %,d incidents over five years "
                        + "(%,.0f bytes per event) in %.1f s = %,.0f events/s; the table holds %,d events.",
                written.events(), written.incidents(), (double) written.bytes() / written.events(), written.seconds(),
                written.events() / written.seconds(), before + written.events());
        System.out.println("    " + bulkNote);
    }

    /** CPU time used by this process so far (every thread, the collector's and compiler's included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The scan's events/s; {@code cpuNanos[0]} receives the process CPU time it took (the collection before not). */
    private static double scanRate(EventTable table, long[] cpuNanos) throws Exception {
        System.gc();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        EventTable.Scan scan = table.scan(1_000);
        double rate = scan.events() / ((System.nanoTime() - start) / 1e9);
        cpuNanos[0] = processCpuNanos() - cpu;
        return rate;
    }

    /**
     * Axon's own read of the whole event store, every payload deserialized and every timestamp read: what each replay
     * pays before its handlers run, so the most any read model's replay can reach.
     */
    private static double streamRate(EventStore eventStore) {
        System.gc();
        long start = System.nanoTime();
        long events = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                event.getPayload(); // the message deserializes its payload on first use, as a handler's call does
                event.getTimestamp();
                events++;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private static void replay(ReadModels models, EventTable table, EventStore eventStore,
                               MetricsRecomputation recomputation, MetricCatalog catalog, Options options,
                               Report report) throws Exception {
        report.section("2. Replay: events/s rebuilding each read model alone vs the raw scan + deserialize");
        report.note(bulkNote);
        long events = table.count();
        List<String> groups = options.models().isEmpty() ? models.groups() : options.models();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> scans = new LinkedHashMap<>();
        Map<String, List<Double>> peaks = new LinkedHashMap<>();
        Map<String, List<Double>> resets = new LinkedHashMap<>();
        Map<String, List<Double>> cpuRates = new LinkedHashMap<>();
        Map<String, List<Double>> cpuScans = new LinkedHashMap<>();
        List<Double> recomputations = new ArrayList<>();
        List<Double> recomputationScans = new ArrayList<>();
        // Not measured: a first scan runs with the scan's code not yet compiled and the file not yet cached, and was
        // up to three times slower than the next, which made the first read model's ratio look better than it is.
        scanRate(table, new long[1]);
        streamRate(eventStore);
        List<Double> streams = new ArrayList<>();
        List<Double> streamScans = new ArrayList<>();
        for (int run = 1; run <= options.scanRuns(); run++) {
            streamScans.add(scanRate(table, new long[1]));
            streams.add(streamRate(eventStore));
            System.out.printf(Locale.ROOT, "    run %d: Axon's event stream %,.0f events/s (raw scan %,.0f events/s)%n",
                    run, streams.get(run - 1), streamScans.get(run - 1));
            for (String group : groups) {
                // The baseline right before each replay, so that both see the same load on the machine.
                long[] scanCpu = new long[1];
                double scan = scanRate(table, scanCpu);
                long cpuBeforeReplay = processCpuNanos();
                ReadModels.Replayed replayed = models.replayAlone(group, Duration.ofHours(1));
                long cpuAfterReplay = processCpuNanos();
                double scanPerCpuSecond = events / (scanCpu[0] / 1e9);
                double replayPerCpuSecond = events / ((cpuAfterReplay - cpuBeforeReplay) / 1e9);
                rates.computeIfAbsent(group, g -> new ArrayList<>()).add(events / replayed.seconds());
                scans.computeIfAbsent(group, g -> new ArrayList<>()).add(scan);
                cpuRates.computeIfAbsent(group, g -> new ArrayList<>()).add(replayPerCpuSecond);
                cpuScans.computeIfAbsent(group, g -> new ArrayList<>()).add(scanPerCpuSecond);
                peaks.computeIfAbsent(group, g -> new ArrayList<>()).add(replayed.peakHeapMb());
                resets.computeIfAbsent(group, g -> new ArrayList<>()).add(replayed.resetSeconds());
                System.out.printf(Locale.ROOT, "    run %d: %s %,d events in %.1f s (of which emptying the model "
                                + "%.1f s) = %,.0f events/s (raw scan %,.0f events/s), peak heap %.0f MB; per "
                                + "CPU-second of the process: replay %,.0f, scan %,.0f events%n", run, group, events,
                        replayed.seconds(), replayed.resetSeconds(), events / replayed.seconds(), scan,
                        replayed.peakHeapMb(), replayPerCpuSecond, scanPerCpuSecond);
                if (group.equals(MetricsProjection.PROCESSING_GROUP)) {
                    // What a changed definition costs without a replay: a new version of a standard metric each
                    // run (the same rule, so no metric is added for the replays after it), so every incident's
                    // value changes and is written.
                    catalog.register(MetricDefinition.between(StandardMetrics.TIME_TO_ACKNOWLEDGE, run + 1,
                            "From the declaration to the first acknowledgement (benchmark version)",
                            Milestones::declared, Milestones::acknowledged));
                    double recomputeScan = scanRate(table, new long[1]);
                    long recomputeStart = System.nanoTime();
                    MetricsRecomputation.Result result = recomputation.recomputeAll();
                    double seconds = (System.nanoTime() - recomputeStart) / 1e9;
                    recomputations.add(events / seconds);
                    recomputationScans.add(recomputeScan);
                    System.out.printf(Locale.ROOT, "    run %d: metrics recomputed from their facts after a changed "
                                    + "definition: %,d incidents (%,d changed) in %.1f s = %,.0f events of history/s "
                                    + "(raw scan %,.0f events/s)%n", run, result.incidents(), result.changed(),
                            seconds, events / seconds, recomputeScan);
                }
            }
        }
        report.add(new Line("Axon's event stream alone, read + deserialize (the ceiling of every replay)", "events/s",
                new Series(streams), "raw scan + deserialize", new Series(streamScans), null));
        for (String group : groups) {
            report.add(new Line("replay " + group, "events/s", new Series(rates.get(group)), "raw scan + deserialize",
                    new Series(scans.get(group)), "≥ 50 %"));
        }
        if (!recomputations.isEmpty()) {
            report.add(new Line("metrics after a changed definition, recomputed from the stored facts "
                    + "(MetricsRecomputation, no replay)", "events of history/s", new Series(recomputations),
                    "raw scan + deserialize", new Series(recomputationScans), null));
        }
        for (String group : groups) {
            // Events per second of the whole process's CPU time: on a machine shared with other work the wall-clock
            // rates swing with the load; what each event costs in CPU swings much less.
            report.add(new Line("replay " + group + ", per CPU-second of the process", "events/CPU-s",
                    new Series(cpuRates.get(group)), "raw scan + deserialize, per CPU-second",
                    new Series(cpuScans.get(group)), null));
        }
        for (String group : groups) {
            // Part of the replay's time above: a model holding rows from an earlier replay has them all to delete.
            report.add(new Line("of the replay of " + group + ": emptying the model (the reset)", "s",
                    new Series(resets.get(group)), null, null, null));
            report.add(new Line("peak heap in use during the replay of " + group + " (sampled)", "MB",
                    new Series(peaks.get(group)), null, null,
                    "no OOM in " + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB"));
        }
        report.note("Each read model is rebuilt with every other event processor stopped: ProjectionReplayer.replay "
                + "(stop, reset: the @ResetHandler records it and the model's tables are truncated right after; one "
                + "read of the event store handed to the model's handlers in batches, tokens advanced with each; "
                + "start), timed until every segment's token reached the head. The raw scan runs once unmeasured "
                + "before the first run (warm-up). Row counts after the last replay: timeline entries "
                + models.count("timeline_entry")
                + ", incident summaries " + models.count("incident_summary") + ", metrics incidents "
                + models.count("metrics_incident") + ", metrics values " + models.count("metrics_value") + ".");
    }

    private static void queries(ReadModels models, LongIncident longIncident, Options options, Report report)
            throws Exception {
        report.section("3. Queries through IncidentQueries / MetricsQueries (p50 and p99 per run)");
        if (!options.runs("replay")) {
            for (String group : models.groups()) {
                models.replayAlone(group, Duration.ofHours(1));
            }
        }
        long stored = models.count("metrics_incident");
        // A timeline of 1,000 entries, written through the gateway while the read models run.
        models.start(TimelineProjection.PROCESSING_GROUP);
        longIncident.build(1_000, 1);
        IncidentId thousand = longIncident.longIncident();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!models.caughtUp(TimelineProjection.PROCESSING_GROUP)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the timeline of 1,000 entries did not appear within 10 minutes");
            }
            Thread.sleep(50);
        }
        int entries = models.entries(thousand);
        models.stopAll();
        List<IncidentId> sample = models.sampleIncidents(1_000, 7);
        int ops = options.queryOps();
        int reports = Math.max(5, ops / 10);
        // Warm-up: JIT, pool, H2's page cache.
        models.timelines(sample, ops / 5);
        models.incidentMetrics(sample, ops / 5);
        models.yearReports(BULK_END, MetricsGroupBy.SERVICE, Math.max(2, reports / 5));
        Map<String, List<Double>> p50 = new LinkedHashMap<>();
        Map<String, List<Double>> p99 = new LinkedHashMap<>();
        for (int run = 1; run <= options.runs(); run++) {
            Map<String, long[]> nanos = new LinkedHashMap<>();
            nanos.put("timeline of a generated incident (10-50 entries)", models.timelines(sample, ops));
            nanos.put("timeline of " + entries + " entries", models.timelines(List.of(thousand), ops));
            nanos.put("an incident's metrics", models.incidentMetrics(sample, ops));
            nanos.put("grouped metrics over a year, by service (uncached)",
                    models.yearReports(BULK_END, MetricsGroupBy.SERVICE, reports));
            nanos.put("grouped metrics over a year, by severity (uncached)",
                    models.yearReports(BULK_END, MetricsGroupBy.SEVERITY, reports));
            nanos.forEach((name, values) -> {
                p50.computeIfAbsent(name, n -> new ArrayList<>()).add(Report.percentile(values, 50) / 1e6);
                p99.computeIfAbsent(name, n -> new ArrayList<>()).add(Report.percentile(values, 99) / 1e6);
            });
            System.out.printf(Locale.ROOT, "    run %d: %s%n", run, p99);
        }
        for (String name : p50.keySet()) {
            String goal = name.startsWith("timeline of " + entries) ? "p99 < 10 ms"
                    : name.contains("by service") ? "p99 < 20 ms (at 100,000 incidents)" : null;
            report.add(new Line(name + ", p50", "ms", new Series(p50.get(name)), null, null, null));
            report.add(new Line(name + ", p99", "ms", new Series(p99.get(name)), null, null, goal));
        }
        report.note(String.format(Locale.ROOT, "%,d incidents stored (read models built by replaying the bulk events), "
                + "%,d queries of each kind per run, %,d of each grouped report; every report asks a period one "
                + "millisecond apart from the others so that the report cache cannot answer it.", stored, ops,
                reports));
    }

    private static void scan(EventTable table, Options options, Report report) throws Exception {
        report.section("2. Replay baseline: raw JDBC scan of the event table, every payload deserialized");
        report.note(bulkNote);
        List<Double> rates = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        for (int run = 1; run <= options.scanRuns(); run++) {
            System.gc();
            long start = System.nanoTime();
            EventTable.Scan scan;
            try (HeapSampler heap = new HeapSampler()) {
                scan = table.scan(1_000);
                peaks.add(heap.peakMb());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rates.add(scan.events() / seconds);
            System.out.printf(Locale.ROOT, "    scan %d: %,d events in %.1f s%n", run, scan.events(), seconds);
        }
        report.add(new Line("raw scan + deserialize", "events/s", new Series(rates), null, null, null));
        report.add(new Line("peak heap in use during the scan (sampled)", "MB", new Series(peaks), null, null,
                "max heap " + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB"));
        report.note("The replay figures per read model come with the read models; this is the baseline they "
                + "are measured against (pages of 1,000 rows by global index, as a tracking processor reads).");
    }

    private static void startup(Options options, Report report, double inProcessMillis) throws Exception {
        report.section("5. Footprint: start-up of a fresh JVM to ready vs a bare Spring Boot + DataSource + JPA context");
        List<Double> app = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> appHeap = new ArrayList<>();
        List<Double> bareHeap = new ArrayList<>();
        for (int run = 1; run <= options.startupRuns(); run++) {
            Startup.Start appStart = Startup.measure("app", options.postgres());
            Startup.Start bareStart = Startup.measure("bare", options.postgres());
            app.add(appStart.readyMillis());
            appHeap.add(appStart.heapAfterStartMb());
            bare.add(bareStart.readyMillis());
            bareHeap.add(bareStart.heapAfterStartMb());
        }
        report.add(new Line("JVM start to app ready", "ms", new Series(app), "bare Boot + JPA", new Series(bare), null));
        report.add(new Line("live heap after start (after GC)", "MB", new Series(appHeap), "bare Boot + JPA",
                new Series(bareHeap), null));
        report.note(String.format(Locale.ROOT, "In this process, the first start of the app context took %,.0f ms.",
                inProcessMillis));
    }

    private static void processors(EventProcessingConfiguration processing, boolean run) {
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (run) {
                processor.start();
            } else {
                processor.shutDown();
            }
        }
    }
}

package dev.incidenttimeline.metrics;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Not used by the library: the value index as it was before reports read only their period (values per metric sorted
 * by value, two passes over all of them per report), kept in the test sources so that {@link MetricsReportBenchmark}
 * measures the current index against it in the same process and run.
 *
 * <p>Original description: the metric values of the read model in memory, per metric sorted by value, with what reports filter and group by
 * per incident in primitive arrays: a report over 100,000 incidents filters, groups and reads its percentiles by rank
 * from here in milliseconds, where selecting 1.1 million values from the database takes seconds.
 *
 * <p>It follows the tables, not the events (the metrics processor's segments may be handled on other nodes): before
 * each report it reads {@code metrics_change} and loads the incidents whose change number is above the last one it
 * saw (their row, services and values replace what it had); a new generation (the read model was reset) loads
 * everything again. So a report answers from exactly what the tables held when it asked, as the SQL path does.
 *
 * <p>A report reads an immutable {@link Snapshot}; bringing it up to date builds a new one (under a lock), so reports
 * never wait for each other.
 */
final class PreviousMetricValueIndex {

    private static final long NOT_DECLARED = Long.MIN_VALUE;
    private static final int[] NO_SERVICES = new int[0];

    private final JdbcTemplate jdbc;
    private final Object refreshing = new Object();
    private volatile Snapshot snapshot;
    /** The slot of each incident in the snapshots' arrays; only touched while refreshing. */
    private final Map<String, Integer> slots = new HashMap<>();
    private final Dictionary severities = new Dictionary();
    private final Dictionary detectionSources = new Dictionary();
    private final Dictionary organisations = new Dictionary();
    private final Dictionary services = new Dictionary();

    PreviousMetricValueIndex(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /** How many incidents the index holds; loads it if it was not yet. */
    int incidents() {
        return current().incidents();
    }

    /** The index as the tables are now: loaded or brought up to date first if they changed. */
    Snapshot current() {
        MetricsChanges.Position position = MetricsChanges.position(jdbc);
        Snapshot current = snapshot;
        if (current != null && current.position.equals(position)) {
            return current;
        }
        synchronized (refreshing) {
            current = snapshot;
            if (current == null || current.position.generation() != position.generation()) {
                current = load(position);
            } else if (current.position.changeNo() < position.changeNo()) {
                current = update(current, position);
            }
            snapshot = current;
            return current;
        }
    }

    private Snapshot load(MetricsChanges.Position position) {
        slots.clear();
        severities.clear();
        detectionSources.clear();
        organisations.clear();
        services.clear();
        Builder builder = new Builder(null);
        read(builder, "");
        return builder.build(position);
    }

    private Snapshot update(Snapshot current, MetricsChanges.Position position) {
        Builder builder = new Builder(current);
        read(builder, " where i.change_no > " + current.position.changeNo());
        return builder.build(position);
    }

    /** Reads the incidents (all, or those the condition selects) with their services and values. */
    private void read(Builder builder, String condition) {
        jdbc.query("select i.incident_id, i.declared_at, i.severity, i.detected_by, i.drill, i.customer_first,"
                + " i.organisation from metrics_incident i" + condition, (ResultSet row) -> {
            OffsetDateTime declaredAt = row.getObject(2, OffsetDateTime.class);
            builder.incident(row.getString(1), declaredAt == null ? NOT_DECLARED : micros(declaredAt.toInstant()),
                    severities.id(row.getString(3)), detectionSources.id(row.getString(4)), row.getBoolean(5),
                    row.getBoolean(6), organisations.id(row.getString(7)));
        });
        String joined = condition.isEmpty() ? "" : " join metrics_incident i on i.incident_id = x.incident_id"
                + condition;
        jdbc.query("select x.incident_id, x.service from metrics_incident_service x" + joined,
                (ResultSet row) -> {
                    builder.service(row.getString(1), services.id(row.getString(2)));
                });
        jdbc.query("select x.incident_id, x.metric, x.value_millis, x.inconsistent from metrics_value x" + joined
                + (condition.isEmpty() ? " where" : " and") + " x.value_millis is not null", (ResultSet row) -> {
            builder.value(row.getString(1), row.getString(2), row.getLong(3), row.getBoolean(4));
        });
    }

    /**
     * Microseconds since the epoch, rounded up: the stored times have at most microseconds, so for a stored time t
     * and any instant x, {@code t >= x} exactly when {@code micros(t) >= micros(x)}, and likewise for {@code <}.
     */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                (instant.getNano() + 999) / 1_000);
    }

    /** Strings (severities, services, ...) as small numbers; ids are never reused, so snapshots may share them. */
    private static final class Dictionary {

        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        /** The id of the name, -1 for null. */
        int id(String name) {
            if (name == null) {
                return -1;
            }
            return ids.computeIfAbsent(name, added -> {
                names.add(added);
                return names.size() - 1;
            });
        }

        String[] names() {
            return names.toArray(String[]::new);
        }

        void clear() {
            ids.clear();
            names.clear();
        }
    }

    /** The values of one metric sorted by value, each with its incident's slot (negative: inconsistent value). */
    private record SortedValues(long[] millis, int[] slots) {

        int size() {
            return millis.length;
        }
    }

    /** Builds the next snapshot from the previous one (or none) and the incidents read since. */
    private final class Builder {

        private final Snapshot previous;
        private int size;
        private long[] declaredAt;
        private int[] severity;
        private int[] detectedBy;
        private boolean[] drill;
        private boolean[] customerFirst;
        private int[] organisation;
        private int[][] serviceIds;
        private boolean[] reread;
        private final Map<String, List<long[]>> newValues = new HashMap<>();
        private final Map<Integer, List<Integer>> newServices = new HashMap<>();

        Builder(Snapshot previous) {
            this.previous = previous;
            int capacity = previous == null ? 1024 : previous.declaredAt.length;
            size = previous == null ? 0 : previous.size;
            declaredAt = previous == null ? new long[capacity] : previous.declaredAt.clone();
            severity = previous == null ? new int[capacity] : previous.severity.clone();
            detectedBy = previous == null ? new int[capacity] : previous.detectedBy.clone();
            drill = previous == null ? new boolean[capacity] : previous.drill.clone();
            customerFirst = previous == null ? new boolean[capacity] : previous.customerFirst.clone();
            organisation = previous == null ? new int[capacity] : previous.organisation.clone();
            serviceIds = previous == null ? new int[capacity][] : previous.services.clone();
            reread = new boolean[capacity];
        }

        void incident(String incidentId, long declared, int severityId, int detectedById, boolean isDrill,
                      boolean isCustomerFirst, int organisationId) {
            Integer known = slots.get(incidentId);
            int slot = known == null ? size : known;
            if (known == null) {
                slots.put(incidentId, slot);
                size++;
                if (size > declaredAt.length) {
                    grow(Math.max(size, declaredAt.length * 2));
                }
            }
            declaredAt[slot] = declared;
            severity[slot] = severityId;
            detectedBy[slot] = detectedById;
            drill[slot] = isDrill;
            customerFirst[slot] = isCustomerFirst;
            organisation[slot] = organisationId;
            serviceIds[slot] = NO_SERVICES;
            reread[slot] = true;
        }

        void service(String incidentId, int serviceId) {
            Integer slot = slots.get(incidentId);
            // An incident written after its row was read: its change number brings it in the next time.
            if (slot != null && reread[slot]) {
                newServices.computeIfAbsent(slot, s -> new ArrayList<>()).add(serviceId);
            }
        }

        void value(String incidentId, String metric, long millis, boolean inconsistent) {
            Integer slot = slots.get(incidentId);
            if (slot != null && reread[slot]) {
                newValues.computeIfAbsent(metric, m -> new ArrayList<>())
                        .add(new long[]{millis, inconsistent ? -slot - 1 : slot});
            }
        }

        private void grow(int capacity) {
            declaredAt = Arrays.copyOf(declaredAt, capacity);
            severity = Arrays.copyOf(severity, capacity);
            detectedBy = Arrays.copyOf(detectedBy, capacity);
            drill = Arrays.copyOf(drill, capacity);
            customerFirst = Arrays.copyOf(customerFirst, capacity);
            organisation = Arrays.copyOf(organisation, capacity);
            serviceIds = Arrays.copyOf(serviceIds, capacity);
            reread = Arrays.copyOf(reread, capacity);
        }

        Snapshot build(MetricsChanges.Position position) {
            newServices.forEach((slot, ids) -> serviceIds[slot] = ids.stream().mapToInt(Integer::intValue)
                    .distinct().toArray());
            Map<String, SortedValues> metrics = new TreeMap<>();
            if (previous != null) {
                previous.metrics.forEach((metric, values) -> metrics.put(metric, without(values)));
            }
            newValues.forEach((metric, added) -> metrics.merge(metric, sorted(added), PreviousMetricValueIndex::merge));
            metrics.values().removeIf(values -> values.size() == 0);
            return new Snapshot(position, size, declaredAt, severity, detectedBy, drill, customerFirst, organisation,
                    serviceIds, metrics, severities.names(), detectionSources.names(), organisations.names(),
                    services.names());
        }

        /** The values minus those of the incidents read again. */
        private SortedValues without(SortedValues values) {
            int kept = 0;
            long[] millis = new long[values.size()];
            int[] slotsKept = new int[values.size()];
            for (int i = 0; i < values.size(); i++) {
                int slot = values.slots()[i];
                if (!reread[slot < 0 ? -slot - 1 : slot]) {
                    millis[kept] = values.millis()[i];
                    slotsKept[kept++] = slot;
                }
            }
            return kept == values.size() ? values
                    : new SortedValues(Arrays.copyOf(millis, kept), Arrays.copyOf(slotsKept, kept));
        }
    }

    private static SortedValues sorted(List<long[]> values) {
        long[][] pairs = values.toArray(long[][]::new);
        Arrays.parallelSort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] millis = new long[pairs.length];
        int[] slots = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            millis[i] = pairs[i][0];
            slots[i] = (int) pairs[i][1];
        }
        return new SortedValues(millis, slots);
    }

    private static SortedValues merge(SortedValues a, SortedValues b) {
        long[] millis = new long[a.size() + b.size()];
        int[] slots = new int[millis.length];
        int i = 0;
        int j = 0;
        for (int k = 0; k < millis.length; k++) {
            if (j >= b.size() || i < a.size() && a.millis()[i] <= b.millis()[j]) {
                millis[k] = a.millis()[i];
                slots[k] = a.slots()[i++];
            } else {
                millis[k] = b.millis()[j];
                slots[k] = b.slots()[j++];
            }
        }
        return new SortedValues(millis, slots);
    }

    /** The index at one position of the read model; never changed once built. */
    static final class Snapshot {

        private final MetricsChanges.Position position;
        private final int size;
        /** Microseconds since the epoch; {@link #NOT_DECLARED} for an incident whose declaration was not seen. */
        private final long[] declaredAt;
        private final int[] severity;
        private final int[] detectedBy;
        private final boolean[] drill;
        private final boolean[] customerFirst;
        private final int[] organisation;
        private final int[][] services;
        private final Map<String, SortedValues> metrics;
        private final String[] severityNames;
        private final String[] detectionSourceNames;
        private final String[] serviceNames;
        private final Map<String, Integer> organisationIds;

        private Snapshot(MetricsChanges.Position position, int size, long[] declaredAt, int[] severity,
                         int[] detectedBy, boolean[] drill, boolean[] customerFirst, int[] organisation,
                         int[][] services, Map<String, SortedValues> metrics, String[] severityNames,
                         String[] detectionSourceNames, String[] organisationNames, String[] serviceNames) {
            this.position = position;
            this.size = size;
            this.declaredAt = declaredAt;
            this.severity = severity;
            this.detectedBy = detectedBy;
            this.drill = drill;
            this.customerFirst = customerFirst;
            this.organisation = organisation;
            this.services = services;
            this.metrics = metrics;
            this.severityNames = severityNames;
            this.detectionSourceNames = detectionSourceNames;
            this.serviceNames = serviceNames;
            Map<String, Integer> ids = new HashMap<>();
            for (int id = 0; id < organisationNames.length; id++) {
                ids.put(organisationNames[id], id);
            }
            this.organisationIds = ids;
        }

        int incidents() {
            return size;
        }

        long values() {
            return metrics.values().stream().mapToLong(SortedValues::size).sum();
        }

        /** The report, grouped and aggregated as {@code MetricsQueryHandler}'s SQL path does. */
        MetricsReportView summarize(SummarizeMetrics query, String asking, List<String> catalogue) {
            int organisationId = asking == null ? -1 : organisationIds.getOrDefault(asking, -2);
            long from = query.from() == null ? Long.MIN_VALUE : micros(query.from());
            long to = query.to() == null ? Long.MAX_VALUE : micros(query.to());
            GroupKeys keys = new GroupKeys(query.groupBy());
            // Each incident's groups: groupIds[groupStart[slot]] up to groupStart[slot + 1] (none if filtered out).
            int[] groupStart = new int[size + 1];
            int[] groupIds = new int[size];
            int used = 0;
            for (int slot = 0; slot < size; slot++) {
                groupStart[slot] = used;
                long declared = declaredAt[slot];
                if (declared == NOT_DECLARED || declared < from || declared >= to
                        || !query.includeDrills() && drill[slot]
                        || organisationId != -1 && organisation[slot] != organisationId) {
                    continue;
                }
                if (query.groupBy() == MetricsGroupBy.SERVICE && services[slot].length > 1) {
                    if (used + services[slot].length > groupIds.length) {
                        groupIds = Arrays.copyOf(groupIds, Math.max(groupIds.length * 2,
                                used + services[slot].length));
                    }
                    for (int service : services[slot]) {
                        groupIds[used++] = keys.service(service);
                    }
                } else {
                    if (used == groupIds.length) {
                        groupIds = Arrays.copyOf(groupIds, groupIds.length * 2 + 1);
                    }
                    groupIds[used++] = keys.of(slot);
                }
            }
            groupStart[size] = used;
            int groups = keys.names.size();
            long[] incidents = new long[groups];
            long[] customerFirstCount = new long[groups];
            for (int slot = 0; slot < size; slot++) {
                for (int g = groupStart[slot]; g < groupStart[slot + 1]; g++) {
                    incidents[groupIds[g]]++;
                    if (customerFirst[slot]) {
                        customerFirstCount[groupIds[g]]++;
                    }
                }
            }
            long[] inconsistencies = new long[groups];
            List<Map<String, MetricSummaryView>> summaries = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                summaries.add(new TreeMap<>());
            }
            for (Map.Entry<String, SortedValues> metric : metrics.entrySet()) {
                summarize(metric.getKey(), metric.getValue(), groupStart, groupIds, inconsistencies, summaries);
            }
            List<MetricsGroupView> views = new ArrayList<>();
            TreeMap<String, Integer> sortedGroups = new TreeMap<>();
            for (int g = 0; g < groups; g++) {
                sortedGroups.put(keys.names.get(g), g);
            }
            MetricSummaryView none = MetricSummaryView.of(new long[0], 0);
            sortedGroups.forEach((key, g) -> {
                Map<String, MetricSummaryView> byMetric = new LinkedHashMap<>();
                Map<String, MetricSummaryView> found = summaries.get(g);
                catalogue.forEach(metric -> byMetric.put(metric, found.getOrDefault(metric, none)));
                found.forEach(byMetric::putIfAbsent);
                views.add(new MetricsGroupView(key, incidents[g], customerFirstCount[g],
                        incidents[g] == 0 ? 0 : (double) customerFirstCount[g] / incidents[g], inconsistencies[g],
                        Collections.unmodifiableMap(byMetric)));
            });
            return new MetricsReportView(query.from(), query.to(), query.groupBy(), query.includeDrills(), views);
        }

        /**
         * One metric over every group: a first pass counts and sums each group's values, a second picks the values
         * at the ranks the percentiles need (each group's values come in sorted order, as the metric's do).
         */
        private static void summarize(String metric, SortedValues values, int[] groupStart, int[] groupIds,
                                      long[] groupInconsistencies, List<Map<String, MetricSummaryView>> summaries) {
            int groups = summaries.size();
            int[] count = new int[groups];
            long[] sum = new long[groups];
            long[] inconsistent = new long[groups];
            long[] millis = values.millis();
            int[] slots = values.slots();
            for (int i = 0; i < millis.length; i++) {
                int slot = slots[i];
                if (slot < 0) {
                    int owner = -slot - 1;
                    for (int g = groupStart[owner]; g < groupStart[owner + 1]; g++) {
                        inconsistent[groupIds[g]]++;
                    }
                    continue;
                }
                for (int g = groupStart[slot]; g < groupStart[slot + 1]; g++) {
                    int group = groupIds[g];
                    count[group]++;
                    sum[group] = Math.addExact(sum[group], millis[i]);
                }
            }
            int[][] ranks = new int[groups][];
            long[][] atRank = new long[groups][];
            int[] seen = new int[groups];
            int[] next = new int[groups];
            for (int group = 0; group < groups; group++) {
                if (count[group] > 0) {
                    ranks[group] = MetricSummaryView.ranksRead(count[group]);
                    atRank[group] = new long[ranks[group].length];
                }
            }
            for (int i = 0; i < millis.length; i++) {
                int slot = slots[i];
                if (slot < 0) {
                    continue;
                }
                for (int g = groupStart[slot]; g < groupStart[slot + 1]; g++) {
                    int group = groupIds[g];
                    int rank = seen[group]++;
                    int[] wanted = ranks[group];
                    while (next[group] < wanted.length && wanted[next[group]] == rank) {
                        atRank[group][next[group]++] = millis[i];
                    }
                }
            }
            for (int group = 0; group < groups; group++) {
                groupInconsistencies[group] += inconsistent[group];
                if (count[group] == 0 && inconsistent[group] == 0) {
                    continue;
                }
                if (count[group] == 0) {
                    summaries.get(group).put(metric, MetricSummaryView.of(new long[0], inconsistent[group]));
                    continue;
                }
                int[] wanted = ranks[group];
                long[] found = atRank[group];
                summaries.get(group).put(metric, MetricSummaryView.ofRanked(count[group], sum[group],
                        rank -> found[Arrays.binarySearch(wanted, rank)], inconsistent[group]));
            }
        }

        /** The report's group names by number, as the SQL path names them. */
        private final class GroupKeys {

            private final MetricsGroupBy groupBy;
            private final List<String> names = new ArrayList<>();
            private final Map<String, Integer> ids = new HashMap<>();
            private final Map<Integer, Integer> byValue = new HashMap<>();
            private final Map<Long, Integer> byDay = new HashMap<>();

            GroupKeys(MetricsGroupBy groupBy) {
                this.groupBy = groupBy;
            }

            int of(int slot) {
                if (groupBy == null) {
                    return id(MetricsQueryHandler.ALL);
                }
                return switch (groupBy) {
                    case SERVICE -> services[slot].length == 0 ? id(MetricsQueryHandler.NONE)
                            : service(services[slot][0]);
                    case SEVERITY -> byValue.computeIfAbsent(severity[slot],
                            id -> id(id < 0 ? MetricsQueryHandler.NONE : severityNames[id]));
                    case DETECTED_BY -> byValue.computeIfAbsent(detectedBy[slot],
                            id -> id(id < 0 ? MetricsQueryHandler.NONE : detectionSourceNames[id]));
                    case WEEK, MONTH -> {
                        Instant declared = Instant.EPOCH.plus(declaredAt[slot], ChronoUnit.MICROS);
                        yield byDay.computeIfAbsent(Math.floorDiv(declared.getEpochSecond(), 86_400L),
                                day -> id(MetricsQueryHandler.key(groupBy, null, null, declared)));
                    }
                };
            }

            int service(int service) {
                return byValue.computeIfAbsent(service, id -> id(serviceNames[id]));
            }

            private int id(String name) {
                return ids.computeIfAbsent(name, added -> {
                    names.add(added);
                    return names.size() - 1;
                });
            }
        }
    }

    /** Rough bytes the current snapshot holds (arrays only), for measurements. */
    long approximateBytes() {
        Snapshot current = snapshot;
        if (current == null) {
            return 0;
        }
        long bytes = (long) current.declaredAt.length * (8 + 4 + 4 + 1 + 1 + 4 + 8 + 16);
        bytes += current.values() * 12;
        bytes += (long) slots.size() * 100;
        return bytes;
    }
}

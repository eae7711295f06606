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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The metric values of the read model in memory, per metric sorted by value, with what reports filter and group by
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
final class MetricValueIndex {

    private static final long NOT_DECLARED = Long.MIN_VALUE;
    private static final int[] NO_SERVICES = new int[0];

    private final JdbcTemplate jdbc;
    private final int bitsetWordsPerValue;
    private final Object refreshing = new Object();
    private volatile Snapshot snapshot;
    /** The slot of each incident in the snapshots' arrays; only touched while refreshing. */
    private final Map<String, Integer> slots = new HashMap<>();
    private final Dictionary severities = new Dictionary();
    private final Dictionary detectionSources = new Dictionary();
    private final Dictionary organisations = new Dictionary();
    private final Dictionary services = new Dictionary();

    MetricValueIndex(JdbcTemplate jdbc) {
        this(jdbc, GroupValues.WORDS_PER_VALUE);
    }

    /**
     * @param bitsetWordsPerValue a report's group is collected in a bitset when it has at least one incident per this
     *                            many words of the metric's bitset (see {@link GroupValues}); 0: never, {@link
     *                            Integer#MAX_VALUE}: always. Other than the default only to test both ways.
     */
    MetricValueIndex(JdbcTemplate jdbc, int bitsetWordsPerValue) {
        Objects.requireNonNull(jdbc, "jdbc");
        this.bitsetWordsPerValue = bitsetWordsPerValue;
        // Its own template: loading reads 1.1 million rows at 100,000 incidents, in large fetches (PostgreSQL
        // otherwise reads a whole result into memory at once, H2 ignores it).
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource(), "dataSource"));
        this.jdbc.setFetchSize(10_000);
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

    /**
     * The values of one metric ordered by their incident's declaration time (so a period is one range, found by
     * binary search), each with its incident's rank in {@link Snapshot#byTime} (negative: inconsistent value). A
     * report reads the ranks' groups from a small array of the period's incidents, in nearly sequential order.
     *
     * <p>Also the order of the values by value: {@code byValue[p]} is the index of the value at position p of that
     * order and {@code position[i]} the position of value i. A large group then marks its values' positions in a
     * bitset and reads its percentiles by counting bits, instead of selecting among its values (see
     * {@link GroupValues}).
     */
    private record TimedValues(long[] declaredAt, long[] millis, int[] ranks, int[] byValue, int[] position) {

        static TimedValues of(long[] declaredAt, long[] millis, int[] ranks, int[] byValue) {
            int[] position = new int[byValue.length];
            for (int p = 0; p < byValue.length; p++) {
                position[byValue[p]] = p;
            }
            return new TimedValues(declaredAt, millis, ranks, byValue, position);
        }

        int size() {
            return millis.length;
        }

        /** The value at a position of the order by value. */
        long valueAt(int position) {
            return millis[byValue[position]];
        }
    }

    /** Values of one metric while they are read: growable primitive arrays, no object per value. */
    private static final class ValueBuffer {

        private long[] millis = new long[1024];
        private int[] slots = new int[1024];
        private int size;

        void add(long value, int slot) {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, size * 2);
                slots = Arrays.copyOf(slots, size * 2);
            }
            millis[size] = value;
            slots[size++] = slot;
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
        private final Map<String, ValueBuffer> newValues = new HashMap<>();
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
                newValues.computeIfAbsent(metric, m -> new ValueBuffer()).add(millis, inconsistent ? -slot - 1 : slot);
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
            int[] byTime = ascendingOrder(declaredAt, size);
            int[] timeRank = new int[size];
            long[] byTimeDeclared = new long[size];
            for (int rank = 0; rank < size; rank++) {
                timeRank[byTime[rank]] = rank;
                byTimeDeclared[rank] = declaredAt[byTime[rank]];
            }
            Map<String, TimedValues> metrics = new TreeMap<>();
            Set<String> names = new HashSet<>(newValues.keySet());
            if (previous != null) {
                names.addAll(previous.metrics.keySet());
            }
            for (String metric : names) {
                TimedValues kept = previous == null ? null : previous.metrics.get(metric);
                TimedValues values = inTimeOrder(kept, newValues.get(metric), timeRank);
                if (values.size() > 0) {
                    metrics.put(metric, values);
                }
            }
            return new Snapshot(bitsetWordsPerValue, position, size, declaredAt, severity, detectedBy, drill,
                    customerFirst, organisation, serviceIds, byTime, byTimeDeclared, metrics, severities.names(),
                    detectionSources.names(), organisations.names(), services.names());
        }

        /**
         * The previous values of the incidents not read again plus the values read, in the order of their incidents'
         * declaration: a counting sort by the incidents' rank in time, so loading needs no comparison sort.
         */
        private TimedValues inTimeOrder(TimedValues kept, ValueBuffer added, int[] timeRank) {
            int keptSize = kept == null ? 0 : kept.size();
            int addedSize = added == null ? 0 : added.size;
            int[] start = new int[size + 1];
            for (int i = 0; i < keptSize; i++) {
                int owner = previous.byTime[owner(kept.ranks()[i])];
                if (!reread[owner]) {
                    start[timeRank[owner] + 1]++;
                }
            }
            for (int i = 0; i < addedSize; i++) {
                start[timeRank[owner(added.slots[i])] + 1]++;
            }
            for (int rank = 0; rank < size; rank++) {
                start[rank + 1] += start[rank];
            }
            int total = start[size];
            long[] declared = new long[total];
            long[] millis = new long[total];
            int[] ranks = new int[total];
            // Where each kept value went (-1: its incident was read again) and where each added one did.
            int[] keptAt = new int[keptSize];
            int[] addedAt = new int[addedSize];
            for (int i = 0; i < keptSize; i++) {
                int previousRank = kept.ranks()[i];
                int owner = previous.byTime[owner(previousRank)];
                keptAt[i] = -1;
                if (!reread[owner]) {
                    int rank = timeRank[owner];
                    int at = start[rank]++;
                    declared[at] = declaredAt[owner];
                    millis[at] = kept.millis()[i];
                    ranks[at] = previousRank < 0 ? -rank - 1 : rank;
                    keptAt[i] = at;
                }
            }
            for (int i = 0; i < addedSize; i++) {
                int slot = added.slots[i];
                int owner = owner(slot);
                int rank = timeRank[owner];
                int at = start[rank]++;
                declared[at] = declaredAt[owner];
                millis[at] = added.millis[i];
                ranks[at] = slot < 0 ? -rank - 1 : rank;
                addedAt[i] = at;
            }
            return TimedValues.of(declared, millis, ranks, orderByValue(kept, keptAt, addedAt, millis));
        }

        /**
         * The new values' indices in ascending order of value: the kept values are already in that order in the
         * previous snapshot, so only the added ones are sorted and then merged in, and an update after a batch stays
         * linear in the values kept.
         */
        private int[] orderByValue(TimedValues kept, int[] keptAt, int[] addedAt, long[] millis) {
            int[] keptOrder = new int[millis.length - addedAt.length];
            int keptCount = 0;
            if (kept != null) {
                for (int index : kept.byValue()) {
                    if (keptAt[index] >= 0) {
                        keptOrder[keptCount++] = keptAt[index];
                    }
                }
            }
            long[] addedMillis = new long[addedAt.length];
            for (int i = 0; i < addedAt.length; i++) {
                addedMillis[i] = millis[addedAt[i]];
            }
            int[] addedOrder = ascendingOrder(addedMillis, addedAt.length);
            int[] order = new int[millis.length];
            int fromKept = 0;
            int fromAdded = 0;
            for (int p = 0; p < order.length; p++) {
                if (fromAdded == addedOrder.length || fromKept < keptCount
                        && millis[keptOrder[fromKept]] <= addedMillis[addedOrder[fromAdded]]) {
                    order[p] = keptOrder[fromKept++];
                } else {
                    order[p] = addedAt[addedOrder[fromAdded++]];
                }
            }
            return order;
        }
    }

    /** The incident (slot or rank) a value belongs to: stored negative ({@code -n - 1}) when it is inconsistent. */
    private static int owner(int slotOrRank) {
        return slotOrRank < 0 ? -slotOrRank - 1 : slotOrRank;
    }

    /**
     * The indices {@code 0..size-1} ordered by their keys (times, values), equal keys in index order: a merge sort of
     * primitive indices, no boxing.
     */
    static int[] ascendingOrder(long[] keys, int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] buffer = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int low = 0; low < size; low += 2 * width) {
                int middle = Math.min(low + width, size);
                int high = Math.min(low + 2 * width, size);
                int i = low;
                int j = middle;
                for (int k = low; k < high; k++) {
                    if (j >= high || i < middle && keys[order[i]] <= keys[order[j]]) {
                        buffer[k] = order[i++];
                    } else {
                        buffer[k] = order[j++];
                    }
                }
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    /** The first index in {@code sorted} whose value is at least {@code bound}. */
    private static int firstAtLeast(long[] sorted, long bound) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < bound) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Moves the values at the given ranks (ascending) of {@code values[low..high)} to their places in sorted order,
     * the rest only partitioned around them: quickselect for several ranks at once, with a three-way partition so
     * that many equal values cost nothing extra. Linear on average, where sorting each group would not be.
     */
    static void selectRanks(long[] values, int low, int high, int[] ranks, int firstRank, int endRank) {
        while (firstRank < endRank && high - low > 1) {
            if (high - low <= 24) {
                insertionSort(values, low, high);
                return;
            }
            long pivot = medianOfThree(values[low], values[(low + high) >>> 1], values[high - 1]);
            int less = low;
            int greater = high;
            int i = low;
            while (i < greater) {
                long value = values[i];
                if (value < pivot) {
                    values[i++] = values[less];
                    values[less++] = value;
                } else if (value > pivot) {
                    values[i] = values[--greater];
                    values[greater] = value;
                } else {
                    i++;
                }
            }
            // values[low..less) < pivot, values[less..greater) == pivot, values[greater..high) > pivot
            int leftEnd = firstRank;
            while (leftEnd < endRank && ranks[leftEnd] < less) {
                leftEnd++;
            }
            int rightStart = leftEnd;
            while (rightStart < endRank && ranks[rightStart] < greater) {
                rightStart++;
            }
            selectRanks(values, low, less, ranks, firstRank, leftEnd);
            low = greater;
            firstRank = rightStart;
        }
    }

    /** The index of the n-th (from 0) set bit of the word, counted from the lowest: halves, quarters, ... */
    static int nthSetBit(long word, int n) {
        int at = 0;
        for (int width = 32; width > 0; width >>>= 1) {
            long lower = word & ((1L << width) - 1);
            int inLower = Long.bitCount(lower);
            if (n >= inLower) {
                n -= inLower;
                word >>>= width;
                at += width;
            } else {
                word = lower;
            }
        }
        return at;
    }

    private static void insertionSort(long[] values, int low, int high) {
        for (int i = low + 1; i < high; i++) {
            long value = values[i];
            int j = i - 1;
            while (j >= low && values[j] > value) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** The index at one position of the read model; never changed once built. */
    static final class Snapshot {

        private final int bitsetWordsPerValue;
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
        /** The slots ordered by declaration time, and their declaration times in that order. */
        private final int[] byTime;
        private final long[] byTimeDeclared;
        private final Map<String, TimedValues> metrics;
        private final String[] severityNames;
        private final String[] detectionSourceNames;
        private final String[] serviceNames;
        private final Map<String, Integer> organisationIds;
        /** What a report reads of each incident, in time order: read sequentially, not by slot (cache misses). */
        private final InTime inTime;

        private Snapshot(int bitsetWordsPerValue, MetricsChanges.Position position, int size, long[] declaredAt,
                         int[] severity, int[] detectedBy, boolean[] drill, boolean[] customerFirst, int[] organisation,
                         int[][] services, int[] byTime, long[] byTimeDeclared, Map<String, TimedValues> metrics,
                         String[] severityNames, String[] detectionSourceNames, String[] organisationNames,
                         String[] serviceNames) {
            this.bitsetWordsPerValue = bitsetWordsPerValue;
            this.position = position;
            this.size = size;
            this.declaredAt = declaredAt;
            this.severity = severity;
            this.detectedBy = detectedBy;
            this.drill = drill;
            this.customerFirst = customerFirst;
            this.organisation = organisation;
            this.services = services;
            this.byTime = byTime;
            this.byTimeDeclared = byTimeDeclared;
            this.metrics = metrics;
            this.severityNames = severityNames;
            this.detectionSourceNames = detectionSourceNames;
            this.serviceNames = serviceNames;
            Map<String, Integer> ids = new HashMap<>();
            for (int id = 0; id < organisationNames.length; id++) {
                ids.put(organisationNames[id], id);
            }
            this.organisationIds = ids;
            this.inTime = new InTime();
        }

        /** The incidents' attributes by rank in {@link #byTime}; their services one after another. */
        private final class InTime {

            private final boolean[] drill = new boolean[size];
            private final boolean[] customerFirst = new boolean[size];
            private final int[] organisation = new int[size];
            private final int[] severity = new int[size];
            private final int[] detectedBy = new int[size];
            /** The services of rank r are {@code serviceIds[serviceStart[r]..serviceStart[r + 1])}. */
            private final int[] serviceStart = new int[size + 1];
            private final int[] serviceIds;

            InTime() {
                int serviceCount = 0;
                for (int rank = 0; rank < size; rank++) {
                    int slot = byTime[rank];
                    drill[rank] = Snapshot.this.drill[slot];
                    customerFirst[rank] = Snapshot.this.customerFirst[slot];
                    organisation[rank] = Snapshot.this.organisation[slot];
                    severity[rank] = Snapshot.this.severity[slot];
                    detectedBy[rank] = Snapshot.this.detectedBy[slot];
                    serviceStart[rank] = serviceCount;
                    serviceCount += services[slot].length;
                }
                serviceStart[size] = serviceCount;
                serviceIds = new int[serviceCount];
                for (int rank = 0; rank < size; rank++) {
                    int[] ofSlot = services[byTime[rank]];
                    System.arraycopy(ofSlot, 0, serviceIds, serviceStart[rank], ofSlot.length);
                }
            }

            int services(int rank) {
                return serviceStart[rank + 1] - serviceStart[rank];
            }
        }

        int incidents() {
            return size;
        }

        long values() {
            return metrics.values().stream().mapToLong(TimedValues::size).sum();
        }

        /**
         * The report, grouped and aggregated as {@code MetricsQueryHandler}'s SQL path does. It reads only the
         * incidents and values of the period (each one range of the time-ordered arrays), collects each group's
         * values and selects the ranks the percentiles need.
         */
        MetricsReportView summarize(SummarizeMetrics query, String asking, List<String> catalogue) {
            int organisationId = asking == null ? -1 : organisationIds.getOrDefault(asking, -2);
            // Undeclared incidents (NOT_DECLARED, the smallest time) are never in a report.
            long from = query.from() == null ? NOT_DECLARED + 1 : Math.max(micros(query.from()), NOT_DECLARED + 1);
            long to = query.to() == null ? Long.MAX_VALUE : micros(query.to());
            GroupKeys keys = new GroupKeys(query.groupBy());
            // The period's incidents are the ranks first..end-1 of byTime. The group of rank r is groupOf[r - first]:
            // >= 0 one group, -1 not in the report, <= -2 several (services), listed in multiGroups from index
            // -groupOf - 2: the count, then the groups.
            int first = firstAtLeast(byTimeDeclared, from);
            int end = Math.max(first, firstAtLeast(byTimeDeclared, to));
            int[] groupOf = new int[end - first];
            int[] multiGroups = new int[16];
            int multiUsed = 0;
            for (int rank = first; rank < end; rank++) {
                if (!query.includeDrills() && inTime.drill[rank]
                        || organisationId != -1 && inTime.organisation[rank] != organisationId) {
                    groupOf[rank - first] = -1;
                    continue;
                }
                int serviceCount = inTime.services(rank);
                if (query.groupBy() == MetricsGroupBy.SERVICE && serviceCount > 1) {
                    if (multiUsed + serviceCount + 1 > multiGroups.length) {
                        multiGroups = Arrays.copyOf(multiGroups, Math.max(multiGroups.length * 2,
                                multiUsed + serviceCount + 1));
                    }
                    groupOf[rank - first] = -multiUsed - 2;
                    multiGroups[multiUsed++] = serviceCount;
                    for (int i = inTime.serviceStart[rank]; i < inTime.serviceStart[rank + 1]; i++) {
                        multiGroups[multiUsed++] = keys.service(inTime.serviceIds[i]);
                    }
                } else {
                    groupOf[rank - first] = keys.of(rank);
                }
            }
            int groups = keys.names.size();
            long[] incidents = new long[groups];
            long[] customerFirstCount = new long[groups];
            for (int rank = first; rank < end; rank++) {
                int group = groupOf[rank - first];
                if (group >= 0) {
                    incidents[group]++;
                    if (inTime.customerFirst[rank]) {
                        customerFirstCount[group]++;
                    }
                } else if (group < -1) {
                    int at = -group - 2;
                    for (int g = at + 1; g <= at + multiGroups[at]; g++) {
                        incidents[multiGroups[g]]++;
                        if (inTime.customerFirst[rank]) {
                            customerFirstCount[multiGroups[g]]++;
                        }
                    }
                }
            }
            long[] inconsistencies = new long[groups];
            List<Map<String, MetricSummaryView>> summaries = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                summaries.add(new TreeMap<>());
            }
            GroupValues collected = new GroupValues(incidents, bitsetWordsPerValue);
            for (Map.Entry<String, TimedValues> metric : metrics.entrySet()) {
                TimedValues values = metric.getValue();
                int firstValue = firstAtLeast(values.declaredAt(), from);
                int endValue = Math.max(firstValue, firstAtLeast(values.declaredAt(), to));
                collected.collect(values, firstValue, endValue, groupOf, first, multiGroups);
                collected.summarize(metric.getKey(), inconsistencies, summaries);
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
         * The report's group names by number, as the SQL path names them. Asked once per incident of the period, so
         * without boxing: a group per dictionary id in an array, and the group of the last day asked (incidents come
         * in time order).
         */
        private final class GroupKeys {

            private static final long MICROS_PER_DAY = 86_400_000_000L;

            private final MetricsGroupBy groupBy;
            private final List<String> names = new ArrayList<>();
            private final Map<String, Integer> ids = new HashMap<>();
            /** The group of dictionary id {@code i} at {@code i + 1} (0: no value); -1 until it is first asked. */
            private final int[] byValue;
            private final Map<Long, Integer> byDay = new HashMap<>();
            private long lastDay = Long.MIN_VALUE;
            private int lastDayGroup;

            GroupKeys(MetricsGroupBy groupBy) {
                this.groupBy = groupBy;
                int values = groupBy == null ? 0 : switch (groupBy) {
                    case SERVICE -> serviceNames.length;
                    case SEVERITY -> severityNames.length;
                    case DETECTED_BY -> detectionSourceNames.length;
                    case WEEK, MONTH -> 0;
                };
                byValue = new int[values + 1];
                Arrays.fill(byValue, -1);
            }

            /** The group of the incident of this rank in time. */
            int of(int rank) {
                if (groupBy == null) {
                    return id(MetricsQueryHandler.ALL);
                }
                return switch (groupBy) {
                    case SERVICE -> inTime.services(rank) == 0 ? id(MetricsQueryHandler.NONE)
                            : service(inTime.serviceIds[inTime.serviceStart[rank]]);
                    case SEVERITY -> named(inTime.severity[rank], severityNames);
                    case DETECTED_BY -> named(inTime.detectedBy[rank], detectionSourceNames);
                    case WEEK, MONTH -> ofDay(byTimeDeclared[rank]);
                };
            }

            int service(int service) {
                return named(service, serviceNames);
            }

            private int named(int dictionaryId, String[] dictionary) {
                int group = byValue[dictionaryId + 1];
                if (group < 0) {
                    group = id(dictionaryId < 0 ? MetricsQueryHandler.NONE : dictionary[dictionaryId]);
                    byValue[dictionaryId + 1] = group;
                }
                return group;
            }

            private int ofDay(long declaredMicros) {
                long day = Math.floorDiv(declaredMicros, MICROS_PER_DAY);
                if (day != lastDay) {
                    Instant declared = Instant.EPOCH.plus(declaredMicros, ChronoUnit.MICROS);
                    lastDayGroup = byDay.computeIfAbsent(day,
                            added -> id(MetricsQueryHandler.key(groupBy, null, null, declared)));
                    lastDay = day;
                }
                return lastDayGroup;
            }

            private int id(String name) {
                return ids.computeIfAbsent(name, added -> {
                    names.add(added);
                    return names.size() - 1;
                });
            }
        }
    }

    /**
     * One metric's values of the period per group, in arrays kept from metric to metric of one report. A group's
     * percentiles come one of two ways. A small group copies its values and selects the ranks among them
     * ({@link #selectRanks}: linear, but several passes of unpredictable branches per value). A large group marks
     * the positions of its values in the metric's order by value in a bitset and finds a rank by counting bits, one
     * pass over the words: a year's report by service at 100,000 incidents has groups of a thousand values or more,
     * where the bitset of a metric's 100,000 values is 1,600 words.
     */
    private static final class GroupValues {

        /** A group uses a bitset when it has at least one value per this many of the bitset's words. */
        static final int WORDS_PER_VALUE = 8;

        /** Each group's incidents: at most one value each, so a bound of a group's values of any metric. */
        private final long[] incidents;
        private final int wordsPerValue;
        private final long[][] millis;
        private final long[][] bits;
        private final boolean[] inBits;
        private final int[] count;
        private final long[] sum;
        /** The lowest and highest position set in a group's bitset. */
        private final int[] lowest;
        private final int[] highest;
        private final long[] inconsistent;
        private TimedValues values;

        GroupValues(long[] incidents, int wordsPerValue) {
            int groups = incidents.length;
            this.incidents = incidents;
            this.wordsPerValue = wordsPerValue;
            millis = new long[groups][];
            bits = new long[groups][];
            inBits = new boolean[groups];
            count = new int[groups];
            sum = new long[groups];
            lowest = new int[groups];
            highest = new int[groups];
            inconsistent = new long[groups];
        }

        /** Collects the values {@code first..end-1}, whose incidents' ranks start at {@code firstRank}. */
        void collect(TimedValues values, int first, int end, int[] groupOf, int firstRank, int[] multiGroups) {
            this.values = values;
            int words = (values.size() + 63) >>> 6;
            for (int g = 0; g < count.length; g++) {
                count[g] = 0;
                sum[g] = 0;
                inconsistent[g] = 0;
                lowest[g] = Integer.MAX_VALUE;
                highest[g] = -1;
                inBits[g] = incidents[g] * wordsPerValue >= words;
                if (inBits[g] && (bits[g] == null || bits[g].length < words)) {
                    bits[g] = new long[words];
                } else if (!inBits[g] && millis[g] == null) {
                    millis[g] = new long[64];
                }
            }
            int[] valueRanks = values.ranks();
            for (int i = first; i < end; i++) {
                int rank = valueRanks[i];
                int group = groupOf[owner(rank) - firstRank];
                if (group == -1) {
                    continue;
                }
                if (group >= 0) {
                    add(group, rank, i);
                } else {
                    int at = -group - 2;
                    for (int g = at + 1; g <= at + multiGroups[at]; g++) {
                        add(multiGroups[g], rank, i);
                    }
                }
            }
        }

        private void add(int group, int rank, int index) {
            if (rank < 0) {
                inconsistent[group]++;
                return;
            }
            long value = values.millis()[index];
            if (inBits[group]) {
                int position = values.position()[index];
                bits[group][position >>> 6] |= 1L << position;
                sum[group] += value;
                lowest[group] = Math.min(lowest[group], position);
                highest[group] = Math.max(highest[group], position);
                count[group]++;
                return;
            }
            long[] groupMillis = millis[group];
            if (count[group] == groupMillis.length) {
                groupMillis = Arrays.copyOf(groupMillis, groupMillis.length * 2);
                millis[group] = groupMillis;
            }
            groupMillis[count[group]++] = value;
        }

        void summarize(String metric, long[] groupInconsistencies, List<Map<String, MetricSummaryView>> summaries) {
            for (int group = 0; group < count.length; group++) {
                groupInconsistencies[group] += inconsistent[group];
                int n = count[group];
                if (n == 0 && inconsistent[group] == 0) {
                    continue;
                }
                if (n == 0) {
                    summaries.get(group).put(metric, MetricSummaryView.of(new long[0], inconsistent[group]));
                    continue;
                }
                int[] ranks = MetricSummaryView.ranksRead(n);
                MetricSummaryView summary;
                if (inBits[group]) {
                    long[] atRanks = valuesAtRanks(group, ranks);
                    summary = MetricSummaryView.ofRanked(n, sumOfBits(group),
                            rank -> atRanks[Arrays.binarySearch(ranks, rank)], inconsistent[group]);
                    Arrays.fill(bits[group], lowest[group] >>> 6, (highest[group] >>> 6) + 1, 0L);
                } else {
                    long[] groupMillis = millis[group];
                    selectRanks(groupMillis, 0, n, ranks, 0, ranks.length);
                    summary = MetricSummaryView.ofRanked(n, sum(groupMillis, n), rank -> groupMillis[rank],
                            inconsistent[group]);
                }
                summaries.get(group).put(metric, summary);
            }
        }

        /** The values at the ranks (ascending) among the group's marked positions, in one pass over its words. */
        private long[] valuesAtRanks(int group, int[] ranks) {
            long[] found = new long[ranks.length];
            long[] groupBits = bits[group];
            int next = 0;
            int before = 0;
            for (int word = lowest[group] >>> 6; next < ranks.length; word++) {
                long marked = groupBits[word];
                int inWord = Long.bitCount(marked);
                while (next < ranks.length && ranks[next] < before + inWord) {
                    found[next] = values.valueAt(word << 6 | nthSetBit(marked, ranks[next] - before));
                    next++;
                }
                before += inWord;
            }
            return found;
        }


        /** The group's sum, added again with an overflow check (as {@link #sum} does) only if it could overflow. */
        private long sumOfBits(int group) {
            int n = count[group];
            long min = values.valueAt(lowest[group]);
            long max = values.valueAt(highest[group]);
            if (max <= Long.MAX_VALUE / n && min >= Long.MIN_VALUE / n) {
                return sum[group];
            }
            long exact = 0;
            long[] groupBits = bits[group];
            for (int word = lowest[group] >>> 6; word <= highest[group] >>> 6; word++) {
                for (long marked = groupBits[word]; marked != 0; marked &= marked - 1) {
                    exact = Math.addExact(exact, values.valueAt(word << 6 | Long.numberOfTrailingZeros(marked)));
                }
            }
            return exact;
        }

        /**
         * The sum, added without an overflow check per value: only when the smallest or largest value times the
         * count could leave the range of a long is it added again with one (and fails as the SQL path does).
         */
        private static long sum(long[] values, int n) {
            long sum = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                long value = values[i];
                sum += value;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            if (max > Long.MAX_VALUE / n || min < Long.MIN_VALUE / n) {
                sum = 0;
                for (int i = 0; i < n; i++) {
                    sum = Math.addExact(sum, values[i]);
                }
            }
            return sum;
        }
    }

    /** Rough bytes the current snapshot holds (arrays only), for measurements. */
    long approximateBytes() {
        Snapshot current = snapshot;
        if (current == null) {
            return 0;
        }
        long bytes = (long) current.declaredAt.length * (8 + 4 + 4 + 1 + 1 + 4 + 8 + 16);
        bytes += current.values() * 28 + (long) current.size * 30;
        bytes += (long) slots.size() * 100;
        return bytes;
    }
}

package dev.incidenttimeline.app.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Watches the heap in use while something runs (a sample every few milliseconds) and keeps the highest value: the
 * peak heap of a replay or a scan, garbage not yet collected included.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler() {
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    double peakMb() {
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed()) / 1024.0 / 1024.0;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}

package io.tickforge.bench.producer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of this JVM by kind of thread, so a round's CPU per record can be split into the sending thread, the
 * Kafka client's I/O thread, the broker (and every other Java thread) and what is not a Java thread at all (the JIT
 * compilers, the garbage collector, the VM). A daemon samples every thread's CPU time every 20 ms and keeps the last
 * value seen, so threads that end within a round (a round's sending and I/O threads) are still counted; the
 * not-Java share is the process's CPU time minus all of that. Figures are to about 20 ms of a thread's time.
 */
final class ThreadCpu {
    /** The thread that hands records to Kafka: the service's publishing thread, or perf-test's (the main thread). */
    static final String SENDER = "sending thread";
    /** The Kafka producer's network thread, which also runs every record's callback. */
    static final String IO = "Kafka client I/O thread";
    /** The in-process broker, and every other Java thread. */
    static final String BROKER = "broker and other Java threads";
    /** JIT compilers, garbage collector and VM threads: the process's CPU time not in a Java thread. */
    static final String NOT_JAVA = "JIT, GC, VM";
    /** The groups, in report order. */
    static final List<String> GROUPS = List.of(SENDER, IO, BROKER, NOT_JAVA);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Map<Long, Long> LAST = new ConcurrentHashMap<>();
    private static final Map<Long, String> GROUP = new ConcurrentHashMap<>();

    static {
        Thread sampler = new Thread(() -> {
            while (true) {
                poll();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-thread-cpu");
        sampler.setDaemon(true);
        sampler.start();
    }

    private ThreadCpu() {
    }

    private static synchronized void poll() {
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(t.getThreadId());
            if (cpu >= 0) {
                LAST.put(t.getThreadId(), cpu);
                GROUP.computeIfAbsent(t.getThreadId(), id -> group(t.getThreadName()));
            }
        }
    }

    private static String group(String name) {
        if (name.equals("tickforge-producer-publish") || name.equals("main")) {
            return SENDER;
        }
        return name.startsWith("kafka-producer-network-thread") ? IO : BROKER;
    }

    /** @return CPU nanoseconds so far by group ({@link #GROUPS}), every thread ever seen included */
    static synchronized Map<String, Long> snapshot() {
        poll();
        Map<String, Long> m = new LinkedHashMap<>();
        GROUPS.forEach(g -> m.put(g, 0L));
        long java = 0;
        for (Map.Entry<Long, Long> e : LAST.entrySet()) {
            m.merge(GROUP.get(e.getKey()), e.getValue(), Long::sum);
            java += e.getValue();
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        m.put(NOT_JAVA, process - java);
        return m;
    }

    /**
     * @param before  a snapshot at the start of a round
     * @param after   one at its end
     * @param records the round's records
     * @return CPU nanoseconds per record by group
     */
    static Map<String, Double> perRecord(Map<String, Long> before, Map<String, Long> after, long records) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String g : GROUPS) {
            m.put(g, (after.get(g) - before.get(g)) / (double) records);
        }
        return m;
    }
}

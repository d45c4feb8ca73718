package io.github.togglapi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the calling threads per operation: the CPU that JMH's worker threads (the threads
 * that call the client) used during an iteration, from {@link ThreadMXBean#getThreadCpuTime},
 * divided by the operations they made. OkHttp does a synchronous call's work, interceptors and
 * socket I/O included, on the calling thread; the server runs in another process.
 *
 * <p>Reported as {@code cpu.caller.norm}, in ns/op.
 */
public final class CallerCpuProfiler implements InternalProfiler {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> before = new HashMap<>();

  /** The profiler; JMH makes it. */
  public CallerCpuProfiler() {
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("This JVM cannot measure thread CPU time");
    }
    THREADS.setThreadCpuTimeEnabled(true);
  }

  @Override
  public String getDescription() {
    return "CPU time of the benchmark's calling threads per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before.clear();
    for (Thread thread : workers()) {
      before.put(thread.getId(), THREADS.getThreadCpuTime(thread.getId()));
    }
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long cpu = 0;
    for (Thread thread : workers()) {
      long now = THREADS.getThreadCpuTime(thread.getId());
      if (now >= 0) {
        // A worker started during this iteration counts from zero.
        cpu += now - before.getOrDefault(thread.getId(), 0L);
      }
    }
    long ops = result.getMetadata().getAllOps();
    if (ops == 0) {
      return Collections.emptyList();
    }
    return Collections.singletonList(new ScalarResult("cpu.caller.norm", (double) cpu / ops, "ns/op",
        AggregationPolicy.AVG));
  }

  private static Collection<Thread> workers() {
    java.util.List<Thread> workers = new java.util.ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().contains("-jmh-worker-")) {
        workers.add(thread);
      }
    }
    return workers;
  }
}

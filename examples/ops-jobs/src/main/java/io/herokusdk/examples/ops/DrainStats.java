package io.herokusdk.examples.ops;

import io.herokusdk.api.logs.HerokuErrorCode;
import io.herokusdk.api.logs.LogLine;
import io.herokusdk.api.logs.RouterLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the drain endpoint has seen: H10/H12/H13/R14 and router 5xx counts (in total and within
 * the alert window), p50/p95 service time per path, and which thresholds are breached. A breach
 * is reported once, when it starts; it clears when the count within the window falls below the
 * threshold again, and only then can it be reported again. Thread-safe.
 */
final class DrainStats {
  /** Service times kept per path (the most recent ones). */
  static final int SAMPLES_PER_PATH = 1024;
  /** Distinct paths kept; later new paths are counted under {@code (other)}. */
  static final int MAX_PATHS = 500;

  /** A threshold that has just been crossed. */
  record Breach(String kind, int count, int threshold, Duration window) {}

  /** Percentiles of one path, in milliseconds. */
  record PathTimes(long requests, long p50Millis, long p95Millis) {}

  private final AlertRules rules;
  private final Clock clock;
  private final Map<String, Long> totals = new TreeMap<>();
  private final Map<String, Deque<Instant>> recent = new HashMap<>();
  private final Map<String, Samples> paths = new HashMap<>();
  private final Map<String, Boolean> breached = new HashMap<>();

  DrainStats(AlertRules rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  /** Counts the lines, then returns the thresholds this batch newly breached. */
  synchronized List<Breach> record(List<LogLine> lines) {
    Instant now = clock.instant();
    for (LogLine line : lines) {
      line.errorCode().map(HerokuErrorCode::name).filter(AlertRules.KINDS::contains)
          .ifPresent(kind -> count(kind, now));
      line.router().ifPresent(router -> routed(router, now));
    }
    return evaluate(now);
  }

  private void routed(RouterLine router, Instant now) {
    Integer status = router.status();
    if (status != null && status >= 500) count("5xx", now);
    if (router.path() != null && router.service() != null) {
      String path = router.path();
      int query = path.indexOf('?');
      if (query >= 0) path = path.substring(0, query);
      if (!paths.containsKey(path) && paths.size() >= MAX_PATHS) path = "(other)";
      paths.computeIfAbsent(path, p -> new Samples()).add(router.service().toMillis());
    }
  }

  private void count(String kind, Instant now) {
    totals.merge(kind, 1L, Long::sum);
    recent.computeIfAbsent(kind, k -> new ArrayDeque<>()).addLast(now);
  }

  private List<Breach> evaluate(Instant now) {
    List<Breach> started = new ArrayList<>();
    for (Map.Entry<String, Integer> rule : rules.thresholds().entrySet()) {
      int count = inWindow(rule.getKey(), now);
      boolean over = count >= rule.getValue();
      boolean was = breached.getOrDefault(rule.getKey(), false);
      if (over && !was) {
        started.add(new Breach(rule.getKey(), count, rule.getValue(), rules.window()));
      }
      breached.put(rule.getKey(), over);
    }
    return started;
  }

  private int inWindow(String kind, Instant now) {
    Deque<Instant> times = recent.get(kind);
    if (times == null) return 0;
    Instant from = now.minus(rules.window());
    while (!times.isEmpty() && !times.peekFirst().isAfter(from)) times.removeFirst();
    return times.size();
  }

  /** Events counted since start, by kind. */
  synchronized Map<String, Long> totals() {
    return Map.copyOf(totals);
  }

  /** The kinds whose threshold is breached now. */
  synchronized List<String> breached() {
    evaluate(clock.instant());
    return breached.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
        .sorted().toList();
  }

  /** p50 and p95 service time per path, by path. */
  synchronized Map<String, PathTimes> pathTimes() {
    Map<String, PathTimes> result = new LinkedHashMap<>();
    new TreeMap<>(paths).forEach((path, samples) -> result.put(path, samples.times()));
    return result;
  }

  /** The last {@link #SAMPLES_PER_PATH} service times of a path, and how many there were. */
  private static final class Samples {
    private final long[] millis = new long[SAMPLES_PER_PATH];
    private long count;

    void add(long value) {
      millis[(int) (count % SAMPLES_PER_PATH)] = value;
      count++;
    }

    PathTimes times() {
      long[] sorted = Arrays.copyOf(millis, (int) Math.min(count, SAMPLES_PER_PATH));
      Arrays.sort(sorted);
      return new PathTimes(count, rank(sorted, 50), rank(sorted, 95));
    }

    /** Nearest-rank percentile. */
    private static long rank(long[] sorted, int percentile) {
      int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, index)];
    }
  }
}

package io.herokusdk.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Summaries the benchmarks print. */
public final class Stats {
  private Stats() {}

  /** The median (the mean of the two middle values for an even count). */
  public static double median(List<Double> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("no values");
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}

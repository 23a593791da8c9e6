package io.herokusdk.examples.ops;

import io.herokusdk.core.InvalidConfigVarException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Alert thresholds from {@code ALERT_THRESHOLDS}: how many events of a kind within the window
 * make a breach, e.g. {@code H10=1,H12=5,H13=5,R14=1,5xx=10}. Kinds: {@code H10 H12 H13 R14 5xx}.
 */
record AlertRules(Map<String, Integer> thresholds, Duration window) {
  /** The kinds the drain endpoint counts. */
  static final Set<String> KINDS = Set.of("H10", "H12", "H13", "R14", "5xx");
  static final String DEFAULT = "H10=1,H12=5,H13=5,R14=1,5xx=10";

  AlertRules {
    thresholds = Map.copyOf(thresholds);
  }

  static AlertRules parse(String text, Duration window) {
    Map<String, Integer> thresholds = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      if (pair.isBlank()) continue;
      String[] kv = pair.strip().split("=", 2);
      int value;
      try {
        value = kv.length == 2 ? Integer.parseInt(kv[1].strip()) : 0;
      } catch (NumberFormatException e) {
        value = 0;
      }
      String kind = kv[0].strip();
      if (!KINDS.contains(kind) || value < 1) {
        throw new InvalidConfigVarException("ALERT_THRESHOLDS", "ALERT_THRESHOLDS: '"
            + pair.strip() + "' must be KIND=count with KIND one of H10, H12, H13, R14, 5xx and "
            + "count 1 or more");
      }
      thresholds.put(kind, value);
    }
    if (window.isNegative() || window.isZero()) {
      throw new InvalidConfigVarException("ALERT_WINDOW", "ALERT_WINDOW must be positive");
    }
    return new AlertRules(thresholds, window);
  }
}

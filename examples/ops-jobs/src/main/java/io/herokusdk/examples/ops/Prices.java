package io.herokusdk.examples.ops;

import io.herokusdk.core.InvalidConfigVarException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Monthly list prices in US cents, and plan limits, for when the Platform API gives none
 * ({@code dyno-size.cost} or an add-on's {@code billed_price} missing or null). Taken from
 * heroku.com/pricing in 2024 and not verified since: {@code COST_PRICES} overrides or adds
 * entries ({@code basic=700,heroku-postgresql:standard-0=5000}).
 */
final class Prices {
  private static final Map<String, Long> BUILT_IN = Map.ofEntries(
      // dyno sizes, per dyno per month (eco: $5 for a shared pool of hours, counted as 0 here)
      Map.entry("eco", 0L), Map.entry("basic", 700L), Map.entry("standard-1x", 2500L),
      Map.entry("standard-2x", 5000L), Map.entry("performance-m", 25000L),
      Map.entry("performance-l", 50000L), Map.entry("performance-l-ram", 50000L),
      Map.entry("performance-xl", 75000L), Map.entry("performance-2xl", 150000L),
      // add-on plans
      Map.entry("heroku-postgresql:essential-0", 500L),
      Map.entry("heroku-postgresql:essential-1", 900L),
      Map.entry("heroku-postgresql:essential-2", 2000L),
      Map.entry("heroku-postgresql:standard-0", 5000L),
      Map.entry("heroku-postgresql:standard-2", 20000L),
      Map.entry("heroku-postgresql:standard-3", 40000L),
      Map.entry("heroku-postgresql:premium-0", 20000L),
      Map.entry("heroku-postgresql:premium-2", 35000L),
      Map.entry("heroku-redis:mini", 300L), Map.entry("heroku-redis:premium-0", 1500L),
      Map.entry("heroku-redis:premium-1", 3000L), Map.entry("heroku-redis:premium-2", 6000L),
      Map.entry("heroku-redis:premium-3", 12000L), Map.entry("scheduler:standard", 0L));

  /** Postgres data size limits by plan (bytes). */
  private static final Map<String, Long> PG_DATA_LIMIT = Map.of(
      "essential-0", 1L << 30, "essential-1", 10L << 30, "essential-2", 32L << 30,
      "standard-0", 64L << 30, "standard-2", 256L << 30, "standard-3", 512L << 30,
      "premium-0", 64L << 30, "premium-2", 256L << 30);

  /** Redis memory by plan (bytes). */
  private static final Map<String, Long> REDIS_MEMORY = Map.of(
      "mini", 25L << 20, "premium-0", 50L << 20, "premium-1", 100L << 20,
      "premium-2", 250L << 20, "premium-3", 500L << 20, "premium-5", 1L << 30);

  private final Map<String, Long> cents;

  private Prices(Map<String, Long> cents) {
    this.cents = Map.copyOf(cents);
  }

  /** The built-in table with {@code COST_PRICES} (may be null) on top. */
  static Prices withOverrides(String overrides) {
    Map<String, Long> all = new HashMap<>(BUILT_IN);
    if (overrides != null) {
      for (String pair : overrides.split(",")) {
        if (pair.isBlank()) continue;
        String[] kv = pair.split("=", 2);
        long value;
        try {
          value = kv.length == 2 ? Long.parseLong(kv[1].strip()) : -1;
        } catch (NumberFormatException e) {
          value = -1;
        }
        if (value < 0) {
          throw new InvalidConfigVarException("COST_PRICES", "COST_PRICES: '" + pair.strip()
              + "' is not name=cents (e.g. basic=700,heroku-redis:mini=300)");
        }
        all.put(kv[0].strip().toLowerCase(Locale.ROOT), value);
      }
    }
    return new Prices(all);
  }

  /** Monthly cents of a dyno size or an add-on plan ({@code service:plan}). */
  OptionalLong monthlyCents(String name) {
    Long value = cents.get(name.toLowerCase(Locale.ROOT));
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  static Optional<Long> postgresDataLimit(String plan) {
    return Optional.ofNullable(PG_DATA_LIMIT.get(shortPlan(plan)));
  }

  static Optional<Long> redisMemory(String plan) {
    return Optional.ofNullable(REDIS_MEMORY.get(shortPlan(plan)));
  }

  /** {@code heroku-postgresql:standard-0} or {@code standard-0} -> {@code standard-0}. */
  static String shortPlan(String plan) {
    String p = plan.toLowerCase(Locale.ROOT);
    return p.substring(p.indexOf(':') + 1);
  }
}

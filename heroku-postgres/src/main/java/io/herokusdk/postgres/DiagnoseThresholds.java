package io.herokusdk.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits {@link PgExtras#diagnose(DiagnoseThresholds)} colours its checks by. Start from
 * {@link #defaults()} and change what you need with the {@code with...} methods.
 *
 * @param connectionsYellow connections in use / {@code max_connections} from which "connections"
 *     is yellow (default 0.7)
 * @param connectionsRed ... from which it is red (default 0.9)
 * @param longQuery an active statement running longer is red in "long-queries" (default 5 min)
 * @param idleInTransaction a backend idle in a transaction for longer is red in
 *     "idle-in-transaction" (default 1 min): it holds locks and stops vacuum
 * @param unusedIndexMinBytes a non-unique index with fewer than 50 scans and at least this size
 *     is yellow in "unused-indexes" (default 1 MiB)
 * @param bloatRatio a table or index with more estimated bloat than this ratio and at least
 *     {@code bloatMinWastedBytes} wasted is yellow in "bloat" (default 10)
 * @param bloatMinWastedBytes see {@code bloatRatio} (default 10 MiB)
 * @param hitRateYellow a table or index cache hit rate below this is yellow in "hit-rate"
 *     (default 0.99, the pg-extras advice)
 * @param sequenceYellow a sequence that has used this share of its range is yellow in
 *     "sequences" (default 0.75)
 * @param sequenceRed ... red (default 0.9)
 * @param xidAgeYellow {@code age(datfrozenxid)} from which "wraparound" is yellow (default
 *     1,000,000,000; the server stops accepting writes near 2,000,000,000)
 * @param xidAgeRed ... red (default 1,500,000,000)
 * @param schemaCountYellow more user schemas than this is yellow in "schema-count" (default
 *     20: many schemas slow down backups and pg_dump)
 */
public record DiagnoseThresholds(double connectionsYellow, double connectionsRed,
    Duration longQuery, Duration idleInTransaction, long unusedIndexMinBytes, double bloatRatio,
    long bloatMinWastedBytes, double hitRateYellow, double sequenceYellow, double sequenceRed,
    long xidAgeYellow, long xidAgeRed, int schemaCountYellow) {

  /**
   * Checks the values.
   *
   * @param connectionsYellow the connection use from which "connections" is yellow, 0 to 1
   * @param connectionsRed the connection use from which it is red, 0 to 1
   * @param longQuery how long an active statement may run before "long-queries" is red, not
   *     negative
   * @param idleInTransaction how long a backend may stay idle in a transaction before
   *     "idle-in-transaction" is red, not negative
   * @param unusedIndexMinBytes the size from which a rarely scanned index counts, 0 or more
   * @param bloatRatio the estimated bloat above which a table or index counts, 1 or more
   * @param bloatMinWastedBytes the wasted bytes from which a bloated table or index counts, 0 or
   *     more
   * @param hitRateYellow the cache hit rate below which "hit-rate" is yellow, 0 to 1
   * @param sequenceYellow the used share of a sequence's range from which it is yellow, 0 to 1
   * @param sequenceRed the used share from which it is red, 0 to 1
   * @param xidAgeYellow the transaction-id age from which "wraparound" is yellow, 0 or more
   * @param xidAgeRed the age from which it is red, 0 or more
   * @param schemaCountYellow the most user schemas before "schema-count" is yellow, 0 or more
   * @throws IllegalArgumentException if a ratio or rate is outside 0 to 1, a duration, size, age
   *     or count is negative, or {@code bloatRatio} is below 1
   */
  public DiagnoseThresholds {
    requireRatio("connectionsYellow", connectionsYellow);
    requireRatio("connectionsRed", connectionsRed);
    requireRatio("hitRateYellow", hitRateYellow);
    requireRatio("sequenceYellow", sequenceYellow);
    requireRatio("sequenceRed", sequenceRed);
    Objects.requireNonNull(longQuery, "longQuery == null");
    Objects.requireNonNull(idleInTransaction, "idleInTransaction == null");
    if (longQuery.isNegative() || idleInTransaction.isNegative()) {
      throw new IllegalArgumentException("longQuery and idleInTransaction must be >= 0");
    }
    if (unusedIndexMinBytes < 0 || bloatMinWastedBytes < 0 || bloatRatio < 1
        || xidAgeYellow < 0 || xidAgeRed < 0 || schemaCountYellow < 0) {
      throw new IllegalArgumentException("Sizes, ages and counts must be >= 0 and bloatRatio "
          + ">= 1; got " + unusedIndexMinBytes + ", " + bloatMinWastedBytes + ", " + xidAgeYellow
          + ", " + xidAgeRed + ", " + schemaCountYellow + " and bloatRatio " + bloatRatio);
    }
  }

  private static void requireRatio(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " is " + value + "; it must be between 0 and 1");
    }
  }

  /**
   * The defaults documented on each component.
   *
   * @return the thresholds {@link PgExtras#diagnose()} uses
   */
  public static DiagnoseThresholds defaults() {
    return new DiagnoseThresholds(0.7, 0.9, Duration.ofMinutes(5), Duration.ofMinutes(1),
        1L << 20, 10, 10L << 20, 0.99, 0.75, 0.9, 1_000_000_000L, 1_500_000_000L, 20);
  }

  /**
   * With other connection ratios.
   *
   * @param yellow the connection use from which "connections" is yellow, 0 to 1 (default 0.7)
   * @param red the connection use from which it is red, 0 to 1 (default 0.9)
   * @return new thresholds; these are unchanged
   */
  public DiagnoseThresholds withConnections(double yellow, double red) {
    return new DiagnoseThresholds(yellow, red, longQuery, idleInTransaction,
        unusedIndexMinBytes, bloatRatio, bloatMinWastedBytes, hitRateYellow, sequenceYellow,
        sequenceRed, xidAgeYellow, xidAgeRed, schemaCountYellow);
  }

  /**
   * With other limits for long statements and idle transactions.
   *
   * @param longQuery how long an active statement may run before "long-queries" is red
   *     (default 5 min)
   * @param idleInTransaction how long a backend may stay idle in a transaction before
   *     "idle-in-transaction" is red (default 1 min)
   * @return new thresholds; these are unchanged
   */
  public DiagnoseThresholds withDurations(Duration longQuery, Duration idleInTransaction) {
    return new DiagnoseThresholds(connectionsYellow, connectionsRed, longQuery,
        idleInTransaction, unusedIndexMinBytes, bloatRatio, bloatMinWastedBytes, hitRateYellow,
        sequenceYellow, sequenceRed, xidAgeYellow, xidAgeRed, schemaCountYellow);
  }

  /**
   * With another minimum size for unused indexes to matter.
   *
   * @param bytes the size from which an index scanned fewer than 50 times makes
   *     "unused-indexes" yellow, 0 or more (default 1 MiB)
   * @return new thresholds; these are unchanged
   */
  public DiagnoseThresholds withUnusedIndexMinBytes(long bytes) {
    return new DiagnoseThresholds(connectionsYellow, connectionsRed, longQuery,
        idleInTransaction, bytes, bloatRatio, bloatMinWastedBytes, hitRateYellow,
        sequenceYellow, sequenceRed, xidAgeYellow, xidAgeRed, schemaCountYellow);
  }

  /**
   * With other bloat limits.
   *
   * @param ratio the estimated bloat above which a table or index counts, 1 or more (default 10)
   * @param minWastedBytes the wasted bytes from which it counts, 0 or more (default 10 MiB)
   * @return new thresholds; these are unchanged
   */
  public DiagnoseThresholds withBloat(double ratio, long minWastedBytes) {
    return new DiagnoseThresholds(connectionsYellow, connectionsRed, longQuery,
        idleInTransaction, unusedIndexMinBytes, ratio, minWastedBytes, hitRateYellow,
        sequenceYellow, sequenceRed, xidAgeYellow, xidAgeRed, schemaCountYellow);
  }

  /**
   * With another minimum cache hit rate.
   *
   * @param yellow the table or index cache hit rate below which "hit-rate" is yellow, 0 to 1
   *     (default 0.99)
   * @return new thresholds; these are unchanged
   */
  public DiagnoseThresholds withHitRate(double yellow) {
    return new DiagnoseThresholds(connectionsYellow, connectionsRed, longQuery,
        idleInTransaction, unusedIndexMinBytes, bloatRatio, bloatMinWastedBytes, yellow,
        sequenceYellow, sequenceRed, xidAgeYellow, xidAgeRed, schemaCountYellow);
  }

  /**
   * With other sequence usage limits.
   *
   * @param yellow the used share of a sequence's range from which it is yellow, 0 to 1 (default
   *     0.75)
   * @param red the used share from which it is red, 0 to 1 (default 0.9)
   * @return new thresholds; these are unchanged
   */
  public DiagnoseThresholds withSequences(double yellow, double red) {
    return new DiagnoseThresholds(connectionsYellow, connectionsRed, longQuery,
        idleInTransaction, unusedIndexMinBytes, bloatRatio, bloatMinWastedBytes, hitRateYellow,
        yellow, red, xidAgeYellow, xidAgeRed, schemaCountYellow);
  }

  /**
   * With other transaction-id ages.
   *
   * @param yellow the {@code age(datfrozenxid)} from which "wraparound" is yellow, 0 or more
   *     (default 1,000,000,000)
   * @param red the age from which it is red, 0 or more (default 1,500,000,000)
   * @return new thresholds; these are unchanged
   */
  public DiagnoseThresholds withXidAge(long yellow, long red) {
    return new DiagnoseThresholds(connectionsYellow, connectionsRed, longQuery,
        idleInTransaction, unusedIndexMinBytes, bloatRatio, bloatMinWastedBytes, hitRateYellow,
        sequenceYellow, sequenceRed, yellow, red, schemaCountYellow);
  }

  /**
   * With another schema count.
   *
   * @param yellow the most user schemas before "schema-count" is yellow, 0 or more (default 20)
   * @return new thresholds; these are unchanged
   */
  public DiagnoseThresholds withSchemaCount(int yellow) {
    return new DiagnoseThresholds(connectionsYellow, connectionsRed, longQuery,
        idleInTransaction, unusedIndexMinBytes, bloatRatio, bloatMinWastedBytes, hitRateYellow,
        sequenceYellow, sequenceRed, xidAgeYellow, xidAgeRed, yellow);
  }
}

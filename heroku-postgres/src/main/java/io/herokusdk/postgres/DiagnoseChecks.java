package io.herokusdk.postgres;

import io.herokusdk.postgres.Diagnosis.Check;
import io.herokusdk.postgres.Diagnosis.Status;
import io.herokusdk.postgres.PostgresDiagnostics.BlockingLock;
import io.herokusdk.postgres.PostgresDiagnostics.ConnectionUsage;
import io.herokusdk.postgres.PostgresDiagnostics.HitRatios;
import io.herokusdk.postgres.PostgresDiagnostics.LongRunningQuery;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The checks of {@link PgExtras#diagnose(DiagnoseThresholds)}, in the order they are reported. */
final class DiagnoseChecks {
  private final PgExtras extras;
  private final PostgresDiagnostics diagnostics;
  private final DiagnoseThresholds limits;

  DiagnoseChecks(PgExtras extras, PostgresDiagnostics diagnostics, DiagnoseThresholds limits) {
    this.extras = extras;
    this.diagnostics = diagnostics;
    this.limits = limits;
  }

  Diagnosis run() throws SQLException {
    return new Diagnosis(List.of(connections(), longQueries(), idleInTransaction(),
        unusedIndexes(), bloat(), hitRate(), blocking(), sequences(), unloggedTables(),
        wraparound(), schemaCount()));
  }

  private Check connections() throws SQLException {
    ConnectionUsage usage = diagnostics.connections();
    Status status = usage.ratio() >= limits.connectionsRed() ? Status.RED
        : usage.ratio() >= limits.connectionsYellow() ? Status.YELLOW : Status.GREEN;
    return new Check("connections", status, usage.inUse() + " of " + usage.maxConnections()
        + " connections in use (" + percent(usage.ratio()) + ")", List.of());
  }

  private Check longQueries() throws SQLException {
    List<String> details = new ArrayList<>();
    for (LongRunningQuery query : diagnostics.longRunningQueries(limits.longQuery())) {
      if ("active".equals(query.state())) details.add(describe(query));
    }
    return found("long-queries", details.isEmpty() ? Status.GREEN : Status.RED, details,
        "statement(s) running longer than " + limits.longQuery());
  }

  private Check idleInTransaction() throws SQLException {
    List<String> details = new ArrayList<>();
    for (LongRunningQuery query : extras.idleInTransaction(limits.idleInTransaction())) {
      details.add(describe(query));
    }
    return found("idle-in-transaction", details.isEmpty() ? Status.GREEN : Status.RED, details,
        "backend(s) idle in a transaction longer than " + limits.idleInTransaction());
  }

  private Check unusedIndexes() throws SQLException {
    List<String> details = new ArrayList<>();
    for (PgExtras.UnusedIndex index : extras.unusedIndexes()) {
      if (index.sizeBytes() >= limits.unusedIndexMinBytes()) {
        details.add(index.schema() + "." + index.index() + " on " + index.table() + ": "
            + index.scans() + " scans, " + index.sizeBytes() + " bytes");
      }
    }
    return found("unused-indexes", details.isEmpty() ? Status.GREEN : Status.YELLOW, details,
        "index(es) of at least " + limits.unusedIndexMinBytes()
            + " bytes scanned fewer than 50 times");
  }

  private Check bloat() throws SQLException {
    List<String> details = new ArrayList<>();
    for (PgExtras.Bloat bloat : extras.bloat()) {
      if (bloat.ratio() > limits.bloatRatio()
          && bloat.wastedBytes() >= limits.bloatMinWastedBytes()) {
        details.add(bloat.kind() + " " + bloat.schema() + "."
            + bloat.index().orElse(bloat.table()) + ": bloat "
            + String.format(Locale.ROOT, "%.1f", bloat.ratio()) + ", " + bloat.wastedBytes()
            + " bytes wasted");
      }
    }
    return found("bloat", details.isEmpty() ? Status.GREEN : Status.YELLOW, details,
        "table(s) or index(es) with bloat above " + limits.bloatRatio());
  }

  private Check hitRate() throws SQLException {
    HitRatios ratios = diagnostics.hitRatios();
    List<String> details = new ArrayList<>();
    lowHitRate("table", ratios.tableCacheHitRatio(), details);
    lowHitRate("index", ratios.indexCacheHitRatio(), details);
    String summary = details.isEmpty()
        ? "cache hit rates at or above " + percent(limits.hitRateYellow())
            + " (or nothing read yet)"
        : "cache hit rate below " + percent(limits.hitRateYellow());
    return new Check("hit-rate", details.isEmpty() ? Status.GREEN : Status.YELLOW, summary,
        details);
  }

  private void lowHitRate(String kind, OptionalDouble ratio, List<String> details) {
    if (ratio.isPresent() && ratio.getAsDouble() < limits.hitRateYellow()) {
      details.add(kind + " hit rate " + percent(ratio.getAsDouble()));
    }
  }

  private Check blocking() throws SQLException {
    List<String> details = new ArrayList<>();
    for (BlockingLock lock : diagnostics.blockingLocks()) {
      details.add("pid " + lock.blockedPid() + " waits " + lock.waiting() + " for pid "
          + lock.blockingPid() + " (" + lock.blockingState() + ")");
    }
    return found("blocking", details.isEmpty() ? Status.GREEN : Status.RED, details,
        "statement(s) waiting for a lock");
  }

  private Check sequences() throws SQLException {
    Status status = Status.GREEN;
    List<String> details = new ArrayList<>();
    for (PgExtras.SequenceUsage sequence : extras.sequences()) {
      Status own = sequence.usedRatio() >= limits.sequenceRed() ? Status.RED
          : sequence.usedRatio() >= limits.sequenceYellow() ? Status.YELLOW : Status.GREEN;
      if (own != Status.GREEN) {
        details.add(sequence.schema() + "." + sequence.sequence() + ": "
            + percent(sequence.usedRatio()) + " used (" + sequence.lastValue() + " of "
            + sequence.maxValue() + ")");
        if (own.compareTo(status) > 0) status = own;
      }
    }
    return found("sequences", status, details, "sequence(s) near exhaustion (from "
        + percent(limits.sequenceYellow()) + " of their range)");
  }

  private Check unloggedTables() throws SQLException {
    List<String> details = extras.strings("SELECT n.nspname || '.' || c.relname FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relpersistence = 'u' AND c.relkind IN ('r', 'p')"
        + " ORDER BY n.nspname, c.relname");
    return found("unlogged-tables", details.isEmpty() ? Status.GREEN : Status.YELLOW, details,
        "unlogged table(s): emptied after a crash or failover and not on followers");
  }

  private Check wraparound() throws SQLException {
    long age = extras.singleLong("SELECT age(datfrozenxid) FROM pg_database"
        + " WHERE datname = current_database()");
    Status status = age >= limits.xidAgeRed() ? Status.RED
        : age >= limits.xidAgeYellow() ? Status.YELLOW : Status.GREEN;
    return new Check("wraparound", status, "oldest unfrozen transaction id is " + age
        + " transactions old" + (status == Status.GREEN ? "" : "; VACUUM (FREEZE) the oldest"
        + " tables before the server stops accepting writes"), List.of());
  }

  private Check schemaCount() throws SQLException {
    long count = extras.singleLong("SELECT count(*) FROM pg_namespace"
        + " WHERE nspname NOT IN ('pg_catalog', 'information_schema')"
        + " AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp%'");
    return new Check("schema-count", count > limits.schemaCountYellow() ? Status.YELLOW
        : Status.GREEN, count + " schema(s)", List.of());
  }

  private static Check found(String name, Status status, List<String> details, String what) {
    String summary = details.isEmpty() ? "no " + what : details.size() + " " + what;
    return new Check(name, status, summary, details);
  }

  private static String describe(LongRunningQuery query) {
    String text = query.query() == null ? "" : query.query().replaceAll("\\s+", " ");
    if (text.length() > 80) text = text.substring(0, 77) + "...";
    return "pid " + query.pid() + " " + query.state() + " for " + query.duration() + ": " + text;
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }
}

package io.herokusdk.postgres.internal;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.postgres.PoolSizing;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** Derives {@link PoolSizing} from builder values and config vars. */
public final class PoolSizer {
  /** The connection limit of the smallest plans (essential-0/1), used when none is given. */
  public static final int DEFAULT_CONNECTION_LIMIT = 20;
  /** HikariCP's own default size; more connections per process rarely help a dyno. */
  public static final int DEFAULT_CAP = 10;

  private PoolSizer() {}

  /**
   * Computes the sizing. Builder values (nullable) win over config vars.
   *
   * @throws InvalidConfigVarException if a value is below 1 (reserved below 0)
   */
  public static PoolSizing size(ConfigVars vars, @Nullable Integer poolSize,
      @Nullable Integer connectionLimit, @Nullable Integer processes, @Nullable Integer reserved,
      @Nullable Integer cap) {
    int limit = pick(connectionLimit, "connectionLimit", vars, "DB_CONNECTION_LIMIT",
        DEFAULT_CONNECTION_LIMIT, 1);
    int processCount;
    if (processes != null) {
      processCount = atLeast(processes, 1, "processes");
    } else if (vars.getInt("DB_PROCESS_COUNT").isPresent()) {
      processCount = pick(null, "processes", vars, "DB_PROCESS_COUNT", 1, 1);
    } else {
      processCount = pick(null, "processes", vars, "DB_DYNO_COUNT", 1, 1)
          * pick(null, "processes", vars, "WEB_CONCURRENCY", 1, 1);
    }
    int reservedCount = pick(reserved, "reservedConnections", vars, "DB_RESERVED_CONNECTIONS",
        Math.max(2, limit / 10), 0);
    int capValue = cap == null ? DEFAULT_CAP : atLeast(cap, 1, "poolSizeCap");
    OptionalInt explicitSize = poolSize != null
        ? OptionalInt.of(atLeast(poolSize, 1, "maximumPoolSize"))
        : vars.getInt("DB_POOL_SIZE");
    if (explicitSize.isPresent()) {
      int size = explicitSize.getAsInt();
      if (size < 1) {
        throw new InvalidConfigVarException("DB_POOL_SIZE",
            "DB_POOL_SIZE is " + size + "; set it to 1 or more.");
      }
      return new PoolSizing(size, limit, processCount, reservedCount, capValue, true);
    }
    int derived = Math.max(1, Math.min(capValue, (limit - reservedCount) / processCount));
    return new PoolSizing(derived, limit, processCount, reservedCount, capValue, false);
  }

  private static int pick(@Nullable Integer given, String builderOption, ConfigVars vars,
      String name, int fallback, int min) {
    if (given != null) return atLeast(given, min, builderOption);
    int value = vars.getInt(name, fallback);
    if (value < min) {
      throw new InvalidConfigVarException(name, name + " is " + value + "; set it to " + min
          + " or more.");
    }
    return value;
  }

  private static int atLeast(int value, int min, String what) {
    if (value < min) {
      throw new IllegalArgumentException(what + " is " + value + "; it must be " + min
          + " or more.");
    }
    return value;
  }
}
